import { RingfenceError } from '@ringfence/common';

export const PERIOD_TYPES = ['daily', 'weekly', 'monthly'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** One reporting period: local calendar boundaries in a time zone, as UTC instants. */
export interface Period {
  type: PeriodType;
  /** `2026-11-02` (daily), `2026-W45` (ISO week, weekly), `2026-11` (monthly). */
  label: string;
  timeZone: string;
  /** First local day of the period, `YYYY-MM-DD`. */
  firstDay: string;
  /** Start (inclusive) and end (exclusive), epoch ms. */
  fromMs: number;
  toMs: number;
}

const DAY_MS = 86_400_000;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
    } catch (err) {
      throw new RingfenceError('INVALID_ARGUMENT', `unknown time zone '${timeZone}'`, { cause: err });
    }
    formats.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a time zone. */
export function localParts(
  timeZone: string,
  ms: number,
): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const parts = formatFor(timeZone).formatToParts(new Date(ms));
  const get = (t: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === t)?.value ?? 0);
  return {
    y: get('year'),
    m: get('month'),
    d: get('day'),
    h: get('hour') % 24,
    mi: get('minute'),
    s: get('second'),
  };
}

/** Offset of the time zone from UTC at an instant, ms (Asia/Shanghai: +8 h). */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  const p = localParts(timeZone, ms);
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s) - whole;
}

/** The instant local midnight starts the given calendar day in the time zone. */
export function localMidnight(timeZone: string, day: Ymd): number {
  const wall = Date.UTC(day.y, day.m - 1, day.d);
  let t = wall - zoneOffsetMs(timeZone, wall);
  // A second pass settles days whose offset differs from the first guess's (DST changes).
  const again = wall - zoneOffsetMs(timeZone, t);
  if (again !== t) t = again;
  return t;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function ymdString(v: Ymd): string {
  return `${pad(v.y, 4)}-${pad(v.m)}-${pad(v.d)}`;
}

function addDays(v: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(v.y, v.m - 1, v.d) + days * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Parses `YYYY-MM-DD`, refusing impossible dates. */
export function parseDay(text: string): Ymd {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const v = m === null ? undefined : { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (v === undefined || ymdString(addDays(v, 0)) !== text) {
    throw new RingfenceError('INVALID_ARGUMENT', `date: expected YYYY-MM-DD, got '${text}'`);
  }
  return v;
}

/** ISO-8601 week-numbering year and week of a calendar day. */
function isoWeek(v: Ymd): { year: number; week: number } {
  const t = new Date(Date.UTC(v.y, v.m - 1, v.d));
  const dow = t.getUTCDay() || 7;
  // The Thursday of this week decides the week-numbering year.
  const thursday = new Date(t.getTime() + (4 - dow) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return { year, week };
}

/**
 * The period of the given type containing local calendar day `date` (`YYYY-MM-DD`) in `timeZone`:
 * the day, its ISO week (Monday to Sunday) or its calendar month.
 */
export function periodFor(type: PeriodType, date: string, timeZone: string): Period {
  const day = parseDay(date);
  let first: Ymd;
  let next: Ymd;
  let label: string;
  if (type === 'daily') {
    first = day;
    next = addDays(day, 1);
    label = ymdString(day);
  } else if (type === 'weekly') {
    const dow = new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay() || 7;
    first = addDays(day, 1 - dow);
    next = addDays(first, 7);
    const w = isoWeek(day);
    label = `${pad(w.year, 4)}-W${pad(w.week)}`;
  } else {
    first = { y: day.y, m: day.m, d: 1 };
    next = day.m === 12 ? { y: day.y + 1, m: 1, d: 1 } : { y: day.y, m: day.m + 1, d: 1 };
    label = `${pad(day.y, 4)}-${pad(day.m)}`;
  }
  return {
    type,
    label,
    timeZone,
    firstDay: ymdString(first),
    fromMs: localMidnight(timeZone, first),
    toMs: localMidnight(timeZone, next),
  };
}

/** The local calendar day (`YYYY-MM-DD`) an instant falls on. */
export function localDay(timeZone: string, ms: number): string {
  const p = localParts(timeZone, ms);
  return ymdString(p);
}

/** The period right before `p`. */
export function previousPeriod(p: Period): Period {
  return periodFor(p.type, localDay(p.timeZone, p.fromMs - 1), p.timeZone);
}

/** The period right after `p`. */
export function nextPeriod(p: Period): Period {
  return periodFor(p.type, localDay(p.timeZone, p.toMs), p.timeZone);
}

/** The latest period of the type that ended at or before `nowMs`. */
export function lastCompletePeriod(type: PeriodType, timeZone: string, nowMs: number): Period {
  return previousPeriod(periodFor(type, localDay(timeZone, nowMs), timeZone));
}

/** ISO-8601 UTC with milliseconds, `2026-11-02T16:00:00.000Z`. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/** Local wall time with offset, `2026-11-03T00:00:00+08:00`. */
export function isoLocal(timeZone: string, ms: number): string {
  const p = localParts(timeZone, ms);
  const off = Math.round(zoneOffsetMs(timeZone, ms) / 60_000);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${ymdString(p)}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}
