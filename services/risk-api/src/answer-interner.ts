import type { IReason } from '@ringfence/proto';
import { NO_RISK, type Answer } from './answer.js';

/**
 * Entries (reason lists, reasons and strings, each counted) the interner keeps by default. Reason
 * values are counts and ratios near the rules' thresholds, so a carrier's lists repeat. At the cap
 * the interner starts afresh: a replica that runs for months keeps sharing the lists its verdicts
 * use now, instead of holding every list it ever saw, and its tables stay under about 30 MB.
 */
export const DEFAULT_INTERN_CAP = 65_536;

/** Shares what repeats across answers, so the view holds one copy of each (all frozen). */
export interface AnswerInterner {
  /**
   * A key equal for equal answers of this interner's policy and different otherwise, so a holder of
   * many answers (the view's number table) can keep one of each.
   */
  readonly answerKey: (a: Answer) => string;
  /**
   * A frozen list of frozen reasons, the same array for every equal list since the interner last
   * started afresh (at the cap; what answers already hold stays theirs and stays valid).
   */
  reasons(reasons: readonly IReason[] | null | undefined): readonly IReason[];
  /** The same string instance for equal strings since the interner last started afresh. */
  string(s: string): string;
  /** Entries held, never above the cap. */
  size(): number;
  /** How many times the interner has started afresh at the cap. */
  generations(): number;
}

// -0 keys apart from 0 so an interned reason carries exactly the value it was given.
const num = (n: number): string => (n === 0 && 1 / n < 0 ? '-0' : String(n));

// Strings go in with their length and numbers end in "|", which no number's text holds: a key reads
// back one way only, and so does a list's key, its reasons' keys one after the other.
const reasonKey = (r: IReason): string => {
  const code = r.code ?? '';
  const window = r.window ?? '';
  return `${code.length}:${code}${window.length}:${window}${num(r.value ?? 0)}|${num(r.threshold ?? 0)}|${num(r.points ?? 0)}|`;
};

const text = (s: string): string => `${s.length}:${s}`;

/** Builds an interner holding at most `cap` entries. */
export function createAnswerInterner(cap = DEFAULT_INTERN_CAP): AnswerInterner {
  const lists = new Map<string, readonly IReason[]>();
  // The key of each list this interner returned, so an answer's key need not build it again.
  const listKeys = new WeakMap<readonly IReason[], string>();
  // Label and block follow from the action, the category and the policy, so they are not in the key.
  const answerKey = (a: Answer): string =>
    `${a.action}|${num(a.score)}|${a.level}|${a.operator ? 1 : 0}|${num(a.expiresMs)}|${a.callEvidence}|${text(a.category)}${text(a.decidedBy)}${listKeys.get(a.reasons) ?? a.reasons.map(reasonKey).join('')}`;
  const reasons = new Map<string, IReason>();
  const strings = new Map<string, string>();
  const size = (): number => lists.size + reasons.size + strings.size;
  let fresh = 0;
  // Room for one more entry: at the cap every table is emptied rather than new entries refused, so
  // entries no answer uses any more go, and what repeats from now on is shared again.
  const room = (): boolean => {
    if (size() < cap) return true;
    if (cap === 0) return false;
    lists.clear();
    reasons.clear();
    strings.clear();
    fresh += 1;
    return true;
  };
  const string = (s: string): string => {
    const held = strings.get(s);
    if (held !== undefined) return held;
    if (room()) strings.set(s, s);
    return s;
  };
  const reason = (r: IReason, key: string): IReason => {
    const held = reasons.get(key);
    if (held !== undefined) return held;
    const frozen: IReason = Object.freeze({
      code: string(r.code ?? ''),
      value: r.value ?? 0,
      threshold: r.threshold ?? 0,
      window: string(r.window ?? ''),
      points: r.points ?? 0,
    });
    if (room()) reasons.set(key, frozen);
    return frozen;
  };
  return {
    answerKey,
    reasons(list) {
      if (list === null || list === undefined || list.length === 0) return NO_RISK.reasons;
      const keys = list.map(reasonKey);
      const listKey = keys.join('');
      const held = lists.get(listKey);
      if (held !== undefined) return held;
      const frozen = Object.freeze(list.map((r, i) => reason(r, keys[i]!)));
      if (room()) lists.set(listKey, frozen);
      listKeys.set(frozen, listKey);
      return frozen;
    },
    string,
    size,
    generations: () => fresh,
  };
}
