import { RingfenceError } from '@ringfence/common';

export const FEEDBACK_ACTIONS = [
  'CONFIRM',
  'FALSE_POSITIVE',
  'ALLOWLIST',
  'BLOCKLIST',
  'NOTE',
  'UNDO',
] as const;
export type FeedbackActionName = (typeof FEEDBACK_ACTIONS)[number];

/** An operator decision about one subject (mirrors ringfence.feedback.v1.Feedback). */
export interface FeedbackInput {
  feedbackId: string;
  timeMs: number;
  kind: 'number' | 'trunk' | 'carrier' | 'device';
  id: string;
  action: FeedbackActionName;
  undoes?: string;
  /** The redress case the decision closes: an ALLOWLIST with a case is an upheld appeal. */
  caseId?: string;
  /** When the decision lapses (Unix ms); unset or 0: it stands until undone. */
  expiresMs?: number;
}

export interface Decision {
  feedbackId: string;
  timeMs: number;
  action: FeedbackActionName;
  caseId?: string;
  /** When the decision lapses, on the engine's event time (docs/risk-api.md, "Decision expiry"). */
  expiresMs?: number;
}

/** The override a decision publishes: an allowlist that closes a redress case says so. */
export function overrideOf(d: Decision): string {
  return d.action === 'ALLOWLIST' && (d.caseId ?? '') !== '' ? 'redress' : d.action.toLowerCase();
}

/** Decisions that stand on their own: they are what the switch must hear, busy or idle. */
export function isStanding(d: Decision | undefined): boolean {
  return d !== undefined && (d.action === 'ALLOWLIST' || d.action === 'BLOCKLIST');
}

/** Whether a decision has lapsed by event time `atMs`. */
function lapsed(d: Decision, atMs: number): boolean {
  return d.expiresMs !== undefined && d.expiresMs <= atMs;
}

/**
 * Active decisions per subject; the latest non-note decision that has not lapsed overrides the
 * computed verdict (a lapsed one uncovers the decision before it, e.g. a standing allowlist under a
 * week's blocklist).
 */
export class FeedbackBook {
  readonly decisions = new Map<string, Decision[]>();
  /** The earliest expiry of any kept decision (Infinity: none), so a time check costs one comparison. */
  nextExpiryMs = Number.POSITIVE_INFINITY;

  apply(key: string, fb: FeedbackInput): void {
    if (fb.feedbackId === '') throw new RingfenceError('INVALID_ARGUMENT', 'feedback without feedback_id');
    const list = this.decisions.get(key) ?? [];
    if (fb.action === 'UNDO') {
      const kept = list.filter((d) => d.feedbackId !== fb.undoes);
      if (kept.length === 0) this.decisions.delete(key);
      else this.decisions.set(key, kept);
      return;
    }
    if (fb.action === 'NOTE' || list.some((d) => d.feedbackId === fb.feedbackId)) return;
    const expiresMs = fb.expiresMs ?? 0;
    list.push({
      feedbackId: fb.feedbackId,
      timeMs: fb.timeMs,
      action: fb.action,
      ...((fb.caseId ?? '') !== '' ? { caseId: fb.caseId } : {}),
      ...(expiresMs > 0 ? { expiresMs } : {}),
    });
    if (expiresMs > 0 && expiresMs < this.nextExpiryMs) this.nextExpiryMs = expiresMs;
    list.sort((a, b) => a.timeMs - b.timeMs || (a.feedbackId < b.feedbackId ? -1 : 1));
    this.decisions.set(key, list);
  }

  /** The decision in force for a subject at event time `atMs`, if any. */
  current(key: string, atMs: number): Decision | undefined {
    const list = this.decisions.get(key);
    if (list === undefined) return undefined;
    for (let i = list.length - 1; i >= 0; i--) if (!lapsed(list[i]!, atMs)) return list[i];
    return undefined;
  }

  /**
   * Drops every decision lapsed by `atMs` and returns the subjects that lost one (their decision in
   * force may have changed); a no-op until the earliest expiry.
   */
  lapse(atMs: number): string[] {
    if (atMs < this.nextExpiryMs) return [];
    const changed: string[] = [];
    let next = Number.POSITIVE_INFINITY;
    for (const [key, list] of this.decisions) {
      const kept = list.filter((d) => !lapsed(d, atMs));
      if (kept.length !== list.length) {
        changed.push(key);
        if (kept.length === 0) this.decisions.delete(key);
        else this.decisions.set(key, kept);
      }
      for (const d of kept) if (d.expiresMs !== undefined && d.expiresMs < next) next = d.expiresMs;
    }
    this.nextExpiryMs = next;
    return changed;
  }

  /** Recomputes nextExpiryMs after the decisions were replaced wholesale (a snapshot read). */
  reindex(): void {
    let next = Number.POSITIVE_INFINITY;
    for (const list of this.decisions.values())
      for (const d of list) if (d.expiresMs !== undefined && d.expiresMs < next) next = d.expiresMs;
    this.nextExpiryMs = next;
  }
}
