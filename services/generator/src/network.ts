import type { Rng } from './prng.js';

/**
 * The simulated network: our switches, the interconnect partners (carriers) and their trunks, and
 * the number ranges each partner's subscribers come from.
 */
export type Attestation = '' | 'A' | 'B' | 'C';

export const ON_NET = 'ON-NET';
export const ON_NET_PREFIXES = ['134', '135', '136', '137', '138', '139'] as const;

export const SWITCHES = ['SW-GZ-01', 'SW-GZ-02', 'SW-SZ-01', 'SW-SH-01'] as const;

/** Where a call enters our network. */
export interface Origin {
  readonly carrier: string;
  readonly trunk: string;
  readonly switchId: string;
  readonly origid: string;
}

export interface DomesticCarrier {
  readonly name: string;
  readonly prefixes: readonly string[];
  readonly trunks: readonly string[];
}

export const DOMESTIC_CARRIERS: readonly DomesticCarrier[] = [
  {
    name: 'CT',
    prefixes: ['133', '153', '177', '180', '181', '189', '199'],
    trunks: ['TG-GZ-IC-01', 'TG-GZ-IC-02', 'TG-SZ-IC-03'],
  },
  {
    name: 'CU',
    prefixes: ['130', '131', '132', '155', '156', '166', '185', '186'],
    trunks: ['TG-GZ-IC-05', 'TG-SZ-IC-06', 'TG-GZ-IC-07'],
  },
  { name: 'CBN', prefixes: ['192'], trunks: ['TG-GZ-IC-09'] },
];

/** Other-province ranges of the same group: valid mobile numbers that are not our subscribers. */
export const OTHER_MOBILE_PREFIXES = [
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '182',
  '183',
  '187',
  '188',
  '198',
] as const;

/** Landline area codes with 8-digit local numbers (call centres, hospitals, schools). */
export const LANDLINE_AREAS = ['10', '20', '21', '755'] as const;

export const INTL_CARRIERS = [
  { name: 'INTL-GW-3', trunk: 'TG-SH-INTL-01' },
  { name: 'INTL-GW-5', trunk: 'TG-SH-INTL-02' },
] as const;

/** Country code + leading digits + remaining digit count: valid mobile numbers used by wangiri. */
export const WANGIRI_RANGES = [
  { lead: '+2693', digits: 6 },
  { lead: '+2327', digits: 7 },
  { lead: '+21650', digits: 6 },
  { lead: '+37129', digits: 6 },
  { lead: '+2348', digits: 9 },
  { lead: '+8823', digits: 7 },
] as const;

export function switchOfTrunk(trunk: string): string {
  if (trunk.includes('-SZ-')) return 'SW-SZ-01';
  if (trunk.includes('-SH-')) return 'SW-SH-01';
  return trunk.endsWith('2') || trunk.endsWith('7') ? 'SW-GZ-02' : 'SW-GZ-01';
}

// Origins are immutable and few; caching them keeps the per-call path free of allocations.
const originCache = new Map<string, Origin>();

export function interconnectOrigin(carrier: string, trunk: string): Origin {
  const key = `${carrier}|${trunk}`;
  let o = originCache.get(key);
  if (o === undefined) {
    const switchId = switchOfTrunk(trunk);
    o = Object.freeze({ carrier, trunk, switchId, origid: `POI-${carrier}-${switchId.slice(3, 5)}` });
    originCache.set(key, o);
  }
  return o;
}

const onNetOrigins: Origin[] = Array.from({ length: 21 }, (_, i) => {
  const switchId = SWITCHES[i % SWITCHES.length] as string;
  const city = switchId.slice(3, 5);
  return Object.freeze({
    carrier: ON_NET,
    trunk: `TG-${city}-RAN-0${(i % 3) + 1}`,
    switchId,
    origid: `MSC-${city}-${i % 7}`,
  });
});

/** Origin of an ON-NET caller homed on switch variant `switchIdx` (any non-negative integer). */
export function onNetOrigin(switchIdx: number): Origin {
  return onNetOrigins[switchIdx % onNetOrigins.length] as Origin;
}

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(48 + rng.int(10));
  return s;
}

/** A CN mobile E.164 number in one of the given 3-digit prefixes. */
export function mobileNumber(rng: Rng, prefixes: readonly string[]): string {
  return `+86${rng.pick(prefixes)}${digits(rng, 8)}`;
}

export function landlineNumber(rng: Rng): string {
  const area = rng.pick(LANDLINE_AREAS);
  return `+86${area}${String(rng.between(2, 8))}${digits(rng, 7)}`;
}

export function wangiriNumber(rng: Rng): string {
  const r = rng.pick(WANGIRI_RANGES);
  return `${r.lead}${digits(rng, r.digits)}`;
}

/**
 * Deliberately invalid CN numbers as spoofers send them: too short, or in the unallocated 11x range.
 * Both keep their E.164 form when normalised, so labels can name them by that string.
 */
export function invalidNumber(rng: Rng): string {
  return rng.chance(0.5) ? `+861${digits(rng, rng.between(4, 6))}` : `+8611${digits(rng, 9)}`;
}

/** Valid foreign mobile ranges (country code + leading digits + remaining digit count). */
const FOREIGN_MOBILE_RANGES = [
  { lead: '+6141', digits: 7 },
  { lead: '+81901', digits: 7 },
  { lead: '+6591', digits: 6 },
  { lead: '+3361', digits: 7 },
  { lead: '+49152', digits: 8 },
  { lead: '+1646234', digits: 4 },
  { lead: '+44750', digits: 7 },
] as const;

/** A foreign mobile number, as family and friends abroad call from. */
export function foreignMobileNumber(rng: Rng): string {
  const r = rng.pick(FOREIGN_MOBILE_RANGES);
  return `${r.lead}${digits(rng, r.digits)}`;
}

export function imei(rng: Rng): string {
  return `86${digits(rng, 13)}`;
}

export function cellId(rng: Rng, switchIdx: number): string {
  return `460-00-${9100 + switchIdx * 10 + rng.int(10)}-${rng.between(1000, 65000)}`;
}

export function isOnNet(e164: string): boolean {
  if (!e164.startsWith('+861')) return false;
  const p = e164.slice(3, 6);
  return p >= '134' && p <= '139';
}

/**
 * A raw form of an E.164 number as a switch might have signalled it. `style` is a uniform draw so
 * callers control the mix: national most of the time, +86 or 0086 otherwise.
 */
export function rawNumber(e164: string, style: number, nationalShare: number): string {
  if (!e164.startsWith('+86')) return style < 0.5 ? e164 : `00${e164.slice(1)}`;
  if (style < nationalShare) return e164.startsWith('+861') ? e164.slice(3) : `0${e164.slice(3)}`;
  if (style < nationalShare + (1 - nationalShare) * 0.8) return e164;
  return `00${e164.slice(1)}`;
}
