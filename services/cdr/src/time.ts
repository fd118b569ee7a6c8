/** Earliest and latest plausible event times; anything outside is IMPOSSIBLE_TIME (2000-01-01, 2100-01-01). */
export const MIN_EVENT_TIME_MS = 946_684_800_000;
export const MAX_EVENT_TIME_MS = 4_102_444_800_000;

// Date.parse accepts many loose forms ("1", "May 5"); only ISO-8601 with an explicit offset passes here.
const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|z|[+-]\d{2}(?::?\d{2})?)$/;
const DIGITS = /^\d{1,16}$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Two ASCII digits at `i` as a number, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** True when YYYY-MM-DD at the start of `s` names a day that exists (Date.parse rolls 02-30 into March). */
function realDay(s: string): boolean {
  const hi = two(s, 0);
  const lo = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) return false;
  const year = hi * 100 + lo;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0);
}

/**
 * The common exact shape `YYYY-MM-DD[T ]HH:MM:SS[.mmm](Z|±HH:MM)` with every component in range,
 * computed with Date.UTC (what Date.parse does for it) at a fraction of the regex + Date.parse cost.
 * Anything else (other shapes, out-of-range fields, leap seconds, whitespace) gives undefined and
 * goes through the full parser, so results are identical.
 */
function fixedIso(s: string): number | undefined {
  const n = s.length;
  if (n < 20 || n > 29) return undefined;
  const sep = s.charCodeAt(10);
  if (
    s.charCodeAt(4) !== 0x2d ||
    s.charCodeAt(7) !== 0x2d ||
    (sep !== 0x54 && sep !== 0x20) ||
    s.charCodeAt(13) !== 0x3a ||
    s.charCodeAt(16) !== 0x3a
  ) {
    return undefined;
  }
  const hi = two(s, 0);
  const lo = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  if (hi < 10 || lo < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return undefined;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  const year = hi * 100 + lo;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return undefined;
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 0x2e) {
    const a = two(s, i + 1);
    const b = s.charCodeAt(i + 3) - 48;
    if (a < 0 || b < 0 || b > 9) return undefined;
    ms = a * 10 + b;
    i += 4;
  }
  let offsetMinutes: number;
  const z = s.charCodeAt(i);
  if (z === 0x5a || z === 0x7a) {
    if (i + 1 !== n) return undefined;
    offsetMinutes = 0;
  } else if ((z === 0x2b || z === 0x2d) && i + 6 === n && s.charCodeAt(i + 3) === 0x3a) {
    const oh = two(s, i + 1);
    const om = two(s, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
    offsetMinutes = (z === 0x2d ? -1 : 1) * (oh * 60 + om);
  } else {
    return undefined;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

/**
 * Parses an event time: integer epoch milliseconds (number or digit string) or ISO-8601 with an
 * offset. Returns NaN when the value is neither; range checks are the caller's.
 */
export function parseTime(value: unknown): number {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : Number.NaN;
  if (typeof value !== 'string') return Number.NaN;
  const quick = fixedIso(value);
  if (quick !== undefined) return quick;
  const s = value.trim();
  if (DIGITS.test(s)) return Number(s);
  if (!ISO.test(s) || !realDay(s)) return Number.NaN;
  let iso = s.charCodeAt(10) === 0x20 ? `${s.slice(0, 10)}T${s.slice(11)}` : s;
  iso = iso.replace(',', '.');
  // "+08" (hours only) is ISO-8601 but not Date.parse's format.
  if (/[+-]\d{2}$/.test(iso)) iso += ':00';
  return Date.parse(iso);
}

/** True when `ms` is a plausible event time. */
export function plausibleTime(ms: number): boolean {
  return ms >= MIN_EVENT_TIME_MS && ms < MAX_EVENT_TIME_MS;
}
