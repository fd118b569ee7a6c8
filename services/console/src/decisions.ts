import type { FeedbackRecord } from '@ringfence/store';

/** Actions that change a verdict (a note does not). */
const DECISIVE = new Set(['confirm', 'false_positive', 'allowlist', 'blocklist']);

export interface ActionView extends FeedbackRecord {
  /** Withdrawn by a later UNDO. */
  undone: boolean;
}

/** Feedback with each entry marked undone when a later UNDO names it. */
export function withUndo(feedback: readonly FeedbackRecord[]): ActionView[] {
  const undone = new Set(feedback.filter((f) => f.action === 'undo').map((f) => f.undoes));
  return feedback.map((f) => ({ ...f, undone: undone.has(f.feedbackId) }));
}

/** Whether a decision with an expiry has lapsed by wall time `nowMs`. */
export function hasLapsed(f: FeedbackRecord, nowMs: number): boolean {
  return f.expiresMs > 0 && f.expiresMs <= nowMs;
}

/**
 * The operator decision in force at wall time `nowMs` (what risk-api applies at a call then): the
 * latest confirm / false positive / allow / block neither undone nor lapsed.
 */
export function decisionInForce(
  feedback: readonly FeedbackRecord[],
  nowMs: number = Date.now(),
): ActionView | undefined {
  const all = withUndo(feedback);
  for (let i = all.length - 1; i >= 0; i--) {
    const f = all[i];
    if (f !== undefined && DECISIVE.has(f.action) && !f.undone && !hasLapsed(f, nowMs)) return f;
  }
  return undefined;
}
