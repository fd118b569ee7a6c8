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
}

export interface Decision {
  feedbackId: string;
  timeMs: number;
  action: FeedbackActionName;
  caseId?: string;
}

/** The override a decision publishes: an allowlist that closes a redress case says so. */
export function overrideOf(d: Decision): string {
  return d.action === 'ALLOWLIST' && (d.caseId ?? '') !== '' ? 'redress' : d.action.toLowerCase();
}

/** Decisions that stand on their own: they are what the switch must hear, busy or idle. */
export function isStanding(d: Decision | undefined): boolean {
  return d !== undefined && (d.action === 'ALLOWLIST' || d.action === 'BLOCKLIST');
}

/** Active decisions per subject; the latest non-note decision overrides the computed verdict. */
export class FeedbackBook {
  readonly decisions = new Map<string, Decision[]>();

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
    list.push({
      feedbackId: fb.feedbackId,
      timeMs: fb.timeMs,
      action: fb.action,
      ...((fb.caseId ?? '') !== '' ? { caseId: fb.caseId } : {}),
    });
    list.sort((a, b) => a.timeMs - b.timeMs || (a.feedbackId < b.feedbackId ? -1 : 1));
    this.decisions.set(key, list);
  }

  /** The decision in force for a subject, if any. */
  current(key: string): Decision | undefined {
    const list = this.decisions.get(key);
    return list === undefined ? undefined : list[list.length - 1];
  }
}
