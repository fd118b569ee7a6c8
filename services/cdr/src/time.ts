/** Earliest and latest plausible event times; anything outside is IMPOSSIBLE_TIME (2000-01-01, 2100-01-01). */
export const MIN_EVENT_TIME_MS = 946_684_800_000;
export const MAX_EVENT_TIME_MS = 4_102_444_800_000;

// Date.parse accepts many loose forms ("1", "May 5"); only ISO-8601 with an explicit offset passes here.
const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|z|[+-]\d{2}(?::?\d{2})?)$/;
const DIGITS = /^\d{1,16}$/;

/**
 * Parses an event time: integer epoch milliseconds (number or digit string) or ISO-8601 with an
 * offset. Returns NaN when the value is neither; range checks are the caller's.
 */
export function parseTime(value: unknown): number {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : Number.NaN;
  if (typeof value !== 'string') return Number.NaN;
  const s = value.trim();
  if (DIGITS.test(s)) return Number(s);
  if (!ISO.test(s)) return Number.NaN;
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
