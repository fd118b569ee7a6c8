import { isIP } from 'node:net';
import { baseConfigShape, cfg } from '@ringfence/common';
import { z } from 'zod';
import { LOCALES, isTimeZone } from './i18n/index.js';

/** Names proxy-addr (fastify's trustProxy) knows for whole ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(s: string): boolean {
  if (PROXY_RANGE_NAMES.has(s)) return true;
  const slash = s.indexOf('/');
  const family = isIP(slash < 0 ? s : s.slice(0, slash));
  if (family === 0) return false;
  if (slash < 0) return true;
  const bits = s.slice(slash + 1);
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** Configuration of the operator console (env var = UPPER_SNAKE of the key). */
export const consoleConfigShape = {
  ...baseConfigShape,
  httpHost: z.string().default('127.0.0.1'),
  httpPort: cfg.port().default(8080),
  /** JSON file holding users (scrypt hashes) and hashed API tokens; created on first use. */
  usersFile: z.string().default('.stack/console-users.json'),
  /** When the users file holds no user, create this supervisor with a random password and print it. */
  bootstrapAdmin: z.string().default(''),
  /** Signs session cookies; a random one per process when empty (sessions then end on restart anyway). */
  sessionSecret: z.string().default(''),
  sessionIdleMinutes: cfg.int(1, 24 * 60).default(30),
  sessionAbsoluteMinutes: cfg.int(1, 7 * 24 * 60).default(8 * 60),
  /** Mark cookies Secure: on whenever the console is served over HTTPS (a TLS proxy in front). */
  cookieSecure: cfg.bool().default(false),
  /**
   * Reverse proxies (the TLS proxy in front) whose X-Forwarded-For names the client: IP addresses,
   * CIDRs, or loopback / linklocal / uniquelocal. Empty: the TCP peer is the client, and login
   * throttling and the audit log's source_ip see the proxy if there is one.
   */
  trustProxy: cfg
    .list()
    .refine(
      (xs) => xs.every(isProxyAddress),
      'expected IP addresses or CIDRs (10.0.0.0/8, ::1/128), or loopback, linklocal, uniquelocal',
    )
    .default([]),
  /** How often a live alert stream re-checks its session (logout, expiry, a disabled user) and ends. */
  alertStreamSessionCheckMs: cfg.int(100, 30_000).default(30_000),
  /** Login attempts per IP, and failed logins per user name, allowed per window. */
  loginMaxPerIp: cfg.int(1, 10_000).default(20),
  loginMaxFailuresPerUser: cfg.int(1, 1_000).default(5),
  loginWindowMinutes: cfg.int(1, 24 * 60).default(15),
  /** Requests per minute per client on everything else. */
  requestsPerMinute: cfg.int(10, 1_000_000).default(1_200),
  /** Language of a session that has not chosen one (each user can switch per session). */
  defaultLocale: z.enum(LOCALES).default('zh-CN'),
  /** IANA time zone every time on a page is shown in, with its offset. */
  timeZone: z
    .string()
    .refine(isTimeZone, 'expected an IANA time zone name such as Asia/Shanghai')
    .default('Asia/Shanghai'),
  /** Region for numbers typed without a country code. */
  region: z.string().length(2).default('CN'),
  /** Days of history an investigation shows by default (ending at the number's last call). */
  windowDays: cfg.int(1, 400).default(7),
  /** ingress_carrier value that marks the carrier's own subscribers. */
  onNetCarrier: z.string().default('ON-NET'),
  onNetPrefixes: cfg.list().default(['+86134', '+86135', '+86136', '+86137', '+86138', '+86139']),
};

export const consoleConfigSchema = z.object(consoleConfigShape);
export type ConsoleConfig = z.infer<typeof consoleConfigSchema>;
