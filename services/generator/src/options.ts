import { RingfenceError } from '@ringfence/common';

/** How many actors of each kind per 10,000 ordinary subscribers (at least one each when > 0). */
export interface PopulationMix {
  callCentres: number;
  couriers: number;
  drivers: number;
  verification: number;
  notification: number;
  robocallers: number;
  telemarketers: number;
  wangiri: number;
  spoofCampaigns: number;
  scammers: number;
  targetedHarassers: number;
  deviceFarms: number;
  /** Look-alikes: people abroad calling family here through an international gateway. */
  intlCallers: number;
  /** Look-alikes: our own subscribers calling home while roaming abroad. */
  roamers: number;
  /** Look-alikes: a second SIM in a subscriber's handset. */
  dualSims: number;
  /** Look-alikes: ordinary subscribers complained about by one or two people. */
  complainedSubscribers: number;
  /** Look-alikes: appointment and payment reminder lines, low answer ratio, attested. */
  reminderLines: number;
  /** Spoofing campaigns through an international gateway, with domestic-format caller ids. */
  intlSpoofCampaigns: number;
  /** Campaigns spread thin: hundreds of numbers, a handful of calls each a day. */
  snowshoeCampaigns: number;
  /** One caller ringing one person a few times each night. */
  nightPesters: number;
}

export interface GenerateOptions {
  /** Ordinary subscribers. */
  subscribers: number;
  hours: number;
  seed: number;
  /** Start instant: ISO-8601 string or epoch ms. Default 2026-11-02T00:00:00+08:00 (a Monday). */
  start?: string | number;
  /** Share of CDR lines replaced by deliberately malformed records (0..1). */
  badRate?: number;
  /** Mean calls per ordinary subscriber per day. */
  ordinaryCallsPerDay?: number;
  /** Multiplies every complaint probability (0 disables complaints). */
  complaintScale?: number;
  mix?: Partial<PopulationMix>;
  /**
   * CDR fields this network's switches do not fill: `attestation` (no STIR/SHAKEN, as in most of
   * the world), `device` (no IMEI on the record), `location` (no HLR/HSS lookup by mediation).
   */
  without?: readonly OptionalField[];
}

export const OPTIONAL_FIELDS = ['attestation', 'device', 'location'] as const;
export type OptionalField = (typeof OPTIONAL_FIELDS)[number];

export interface ResolvedOptions {
  readonly subscribers: number;
  readonly hours: number;
  readonly seed: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly badRate: number;
  readonly ordinaryCallsPerDay: number;
  readonly complaintScale: number;
  readonly mix: Readonly<PopulationMix>;
  readonly without: ReadonlySet<OptionalField>;
}

export const DEFAULT_START = '2026-11-02T00:00:00+08:00';

export const DEFAULT_MIX: Readonly<PopulationMix> = Object.freeze({
  callCentres: 3,
  couriers: 5,
  drivers: 5,
  verification: 2,
  notification: 3,
  robocallers: 3,
  telemarketers: 3,
  wangiri: 2,
  spoofCampaigns: 1,
  scammers: 2,
  targetedHarassers: 5,
  deviceFarms: 1,
  intlCallers: 20,
  roamers: 10,
  dualSims: 10,
  complainedSubscribers: 5,
  reminderLines: 2,
  intlSpoofCampaigns: 1,
  snowshoeCampaigns: 0.5,
  nightPesters: 3,
});

function invalid(message: string, field: string): RingfenceError {
  return new RingfenceError('INVALID_ARGUMENT', message, { detail: { field } });
}

function parseStart(start: string | number | undefined): number {
  const v = start ?? DEFAULT_START;
  const ms = typeof v === 'number' ? v : /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  if (!Number.isFinite(ms))
    throw invalid(`start is not an ISO-8601 instant or epoch ms: ${String(v)}`, 'start');
  return Math.floor(ms);
}

/** Validates options at the edge and fills in defaults. */
export function resolveOptions(o: GenerateOptions): ResolvedOptions {
  if (!Number.isInteger(o.subscribers) || o.subscribers < 10 || o.subscribers > 20_000_000)
    throw invalid('subscribers must be an integer between 10 and 20,000,000', 'subscribers');
  if (!Number.isFinite(o.hours) || o.hours <= 0 || o.hours > 24 * 366)
    throw invalid('hours must be a positive number (at most one year)', 'hours');
  if (!Number.isInteger(o.seed)) throw invalid('seed must be an integer', 'seed');
  const badRate = o.badRate ?? 0;
  if (!(badRate >= 0 && badRate <= 1)) throw invalid('bad-rate must be between 0 and 1', 'badRate');
  const ordinaryCallsPerDay = o.ordinaryCallsPerDay ?? 6;
  if (!(ordinaryCallsPerDay > 0 && ordinaryCallsPerDay <= 500))
    throw invalid('ordinaryCallsPerDay must be in (0, 500]', 'ordinaryCallsPerDay');
  const complaintScale = o.complaintScale ?? 1;
  if (!(complaintScale >= 0 && complaintScale <= 100))
    throw invalid('complaintScale must be in [0, 100]', 'complaintScale');
  const mix = { ...DEFAULT_MIX, ...o.mix };
  for (const [k, v] of Object.entries(mix))
    if (!(Number.isFinite(v) && v >= 0)) throw invalid(`mix.${k} must be a non-negative number`, `mix.${k}`);
  for (const f of o.without ?? [])
    if (!(OPTIONAL_FIELDS as readonly string[]).includes(f))
      throw invalid(`without names ${String(f)}; expected one of ${OPTIONAL_FIELDS.join(', ')}`, 'without');
  const startMs = parseStart(o.start);
  return Object.freeze({
    subscribers: o.subscribers,
    hours: o.hours,
    seed: o.seed >>> 0,
    startMs,
    endMs: startMs + Math.round(o.hours * 3_600_000),
    badRate,
    ordinaryCallsPerDay,
    complaintScale,
    mix: Object.freeze(mix),
    without: new Set(o.without ?? []),
  });
}
