import { baseConfigShape, cfg } from '@ringfence/common';
import { z } from 'zod';

const LEVEL_NAMES = ['LOW', 'MEDIUM', 'HIGH'] as const;

/** "token=switch,token2=switch2" (environment) or a JSON object (config file) → token → switch id. */
export const tokenMap = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const out: Record<string, string> = {};
    for (const pair of v.split(',')) {
      const s = pair.trim();
      if (s === '') continue;
      const eq = s.lastIndexOf('=');
      // A pair without "=" is kept as an empty switch id so validation names it.
      out[eq < 0 ? s : s.slice(0, eq)] = eq < 0 ? '' : s.slice(eq + 1);
    }
    return out;
  },
  z.record(z.string().min(16, 'tokens must be at least 16 characters'), z.string().min(1)),
);

/** Configuration of the risk-api service (env var = UPPER_SNAKE of the key). */
export const riskApiConfigShape = {
  ...baseConfigShape,
  grpcHost: z.string().default('0.0.0.0'),
  grpcPort: cfg.port().default(50051),
  /** Bearer token → switch id. */
  authTokens: tokenMap.default({}),
  /**
   * A file of further bearer tokens (a JSON object token → switch id, or `token=switch` lines),
   * re-read every authTokensRefreshMs and swapped in when it changed: tokens rotate without a restart.
   */
  authTokensFile: z.string().min(1).optional(),
  authTokensRefreshMs: cfg.int(100, 3_600_000).default(10_000),
  /** Server certificate and key (PEM files); when unset the port is plaintext. */
  tlsCertFile: z.string().optional(),
  tlsKeyFile: z.string().optional(),
  /** CA for client certificates (mTLS): a certificate it verifies identifies the switch by its CN; a call with neither that nor a token is UNAUTHENTICATED. */
  tlsClientCaFile: z.string().optional(),
  /** Switch ids (client-cert CNs) allowed over mTLS. */
  mtlsSwitches: cfg.list().default([]),
  /** Calls in flight above which new calls are shed with RESOURCE_EXHAUSTED. */
  maxInFlight: cfg.int(1, 1_000_000).default(2_000),
  maxConcurrentStreams: cfg.int(1, 1_000_000).default(1_000),
  maxMessageBytes: cfg.int(1_024, 64 * 1024 * 1024).default(4 * 1024 * 1024),
  /** Checks per CheckBatch / CheckStream message. */
  maxBatchChecks: cfg.int(1, 100_000).default(10_000),
  keepaliveTimeMs: cfg.int(1_000, 86_400_000).default(30_000),
  keepaliveTimeoutMs: cfg.int(100, 600_000).default(10_000),
  /** Lowest level that labels the call (policy). */
  labelLevel: cfg.enum(LEVEL_NAMES).default('MEDIUM'),
  /** Lowest level that blocks the call; NEVER (default) only labels. */
  blockLevel: cfg.enum(['NEVER', ...LEVEL_NAMES]).default('NEVER'),
  /**
   * What a BLOCKLIST decision (on the number or the calling device) answers: BLOCK (default) or
   * LABEL. Separate from blockLevel: computed risk never blocks just because blocklists do.
   */
  blocklistAction: cfg.enum(['BLOCK', 'LABEL']).default('BLOCK'),
  /** Lowest score that blocks, on top of blockLevel. */
  blockMinScore: cfg.int(0, 1_000_000).default(0),
  /** Numbers (E.164) that are always allowed. */
  allowlist: cfg.list().default([]),
  /** Redress contact sent with every BLOCK (hotline or URL). */
  redressContact: z.string().default('12321'),
  /** Reason code sent with every BLOCK. */
  blockReasonCode: z.string().default('RINGFENCE-RISK'),
  /** E.164 prefixes of the carrier's own subscribers. */
  onNetPrefixes: cfg.list().default(['+86134', '+86135', '+86136', '+86137', '+86138', '+86139']),
  /** ingress_carrier value that marks the carrier's own subscribers. */
  onNetCarrier: z.string().default('ON-NET'),
  /**
   * The home country's calling code: a home-format number that no network attested, or one arriving
   * on an international gateway, is what a spoofing source's calls show (as in the scorer's rules).
   */
  homeCountryCode: z
    .string()
    .regex(/^\+\d{1,3}$/, 'expected + and 1-3 digits')
    .default('+86'),
  /** Ingress trunk ids (by prefix) of international gateways, as in the scorer's rules. */
  internationalTrunkPrefixes: cfg.list().default(['TG-SH-INTL-']),
  /** Region used to read national-format numbers. */
  defaultRegion: z.string().length(2).default('CN'),
  /** Score given to an ON-NET-range caller arriving from an outside carrier with attestation C. */
  spoofSignalScore: cfg.int(0, 1_000).default(60),
};

export const riskApiConfigSchema = z.object(riskApiConfigShape);
export type RiskApiConfig = Readonly<z.infer<typeof riskApiConfigSchema>>;
