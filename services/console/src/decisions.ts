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

/** The operator decision in force: the latest confirm / false positive / allow / block not undone. */
export function decisionInForce(feedback: readonly FeedbackRecord[]): ActionView | undefined {
  const all = withUndo(feedback);
  for (let i = all.length - 1; i >= 0; i--) {
    const f = all[i];
    if (f !== undefined && DECISIVE.has(f.action) && !f.undone) return f;
  }
  return undefined;
}
