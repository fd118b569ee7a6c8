import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { en } from './en.js';
import type { ErrorDetail, ErrorKey, Messages } from './messages.js';
import { zhCN } from './zh-CN.js';

export type { ErrorDetail, ErrorKey, Messages, SubjectKindLabel } from './messages.js';

/** Languages the console speaks; the first is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const CATALOGUES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** True for a time zone name Intl knows, so a bad TIME_ZONE fails at start rather than on every page. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A number in its national format next to its E.164 form; undefined when it is not a parseable E.164. */
export function phoneForms(e164: string): { national: string; e164: string } | undefined {
  if (!e164.startsWith('+')) return undefined;
  const parsed = parsePhoneNumberFromString(e164);
  if (parsed === undefined || parsed.number !== e164) return undefined;
  return { national: parsed.formatNational(), e164 };
}

/** What a page needs to speak the reader's language and show times in the configured zone. */
export interface I18n {
  readonly locale: Locale;
  readonly t: Messages;
  readonly timeZone: string;
  /** `2026-11-02 09:15:00 +08:00`; `-` for a missing time. */
  readonly time: (ms: number | null | undefined) => string;
  /** `2026-11-02 09:15` (chart ticks; the axis carries the offset). */
  readonly minute: (ms: number) => string;
  /** `+08:00` at that instant (zones with summer time change it). */
  readonly offset: (ms: number) => string;
  /** A risk or complaint category in words; unknown ones as they are. */
  readonly category: (code: string) => string;
  /** A rule code's description, or undefined for a code this catalogue does not know. */
  readonly reason: (code: string) => string | undefined;
}

function parts(f: Intl.DateTimeFormat, ms: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(ms))) out[p.type] = p.value;
  return out;
}

/** `GMT+08:00` → `+08:00`; plain `GMT` (UTC itself) → `+00:00`. */
function isoOffset(timeZoneName: string | undefined): string {
  const m = /([+-]\d{2}:\d{2})$/.exec(timeZoneName ?? '');
  return m?.[1] ?? '+00:00';
}

function build(locale: Locale, timeZone: string): I18n {
  const t = CATALOGUES[locale];
  // The digits come from Intl in a fixed numeric shape; the language only changes the words around them.
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  });
  const minute = (ms: number): string => {
    const p = parts(f, ms);
    return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}`;
  };
  return {
    locale,
    t,
    timeZone,
    time: (ms) => {
      if (ms === null || ms === undefined || !Number.isFinite(ms) || ms <= 0) return '-';
      const p = parts(f, ms);
      return `${minute(ms)}:${p['second']} ${isoOffset(p['timeZoneName'])}`;
    },
    minute,
    offset: (ms) => isoOffset(parts(f, ms)['timeZoneName']),
    category: (code) => t.categories[code] ?? code,
    reason: (code) => t.reasons[code],
  };
}

const ERROR_KEYS: ReadonlySet<string> = new Set<ErrorKey>([
  'numberLength',
  'idLength',
  'roleMayNot',
  'subjectEmpty',
  'noteTooLong',
  'undoNotFound',
  'undoOfUndo',
  'caseNotFound',
  'campaignNotFound',
  'caseDecided',
  'expiryNotAllowed',
  'expiryInvalid',
  'invalidInput',
]);

/**
 * The reader's words for an error the console raised with `detail.messageKey`; undefined for any
 * other error (its English message is then shown as the detail).
 */
export function errorText(i18n: I18n, detail: ErrorDetail): string | undefined {
  const key = detail['messageKey'];
  if (typeof key !== 'string' || !ERROR_KEYS.has(key)) return undefined;
  const t = i18n.t;
  const status = detail['status'];
  const action = detail['action'];
  return t.errors.messages[key as ErrorKey]({
    ...detail,
    status: typeof status === 'string' ? (t.redressStatus[status] ?? status) : status,
    action: typeof action === 'string' ? (t.actionNames[action] ?? action) : action,
  });
}

const cache = new Map<string, I18n>();

/** The (cached) I18n of a language and time zone. */
export function i18nFor(locale: Locale, timeZone: string): I18n {
  const key = `${locale}|${timeZone}`;
  let i = cache.get(key);
  if (i === undefined) {
    i = build(locale, timeZone);
    cache.set(key, i);
  }
  return i;
}
