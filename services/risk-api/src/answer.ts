import { Action, Level, type IReason } from '@ringfence/proto';
import type { DisplayText } from './labels.js';

/** How the switch rejects a blocked call (field names as in the BlockInstruction message). */
export interface Block {
  readonly sipCode: number;
  readonly sipReason: string;
  readonly isupCause: number;
  readonly reasonCode: string;
  readonly redressContact: string;
}

/**
 * A decision precomputed when a verdict arrives and shared by every lookup that hits it (the view
 * holds one of each equal answer for its numbers), so answering allocates only the response. When
 * the verdict was updated is the subject's own: see `Decision`. Frozen: never mutate.
 */
export interface Answer {
  readonly action: Action;
  readonly score: number;
  readonly level: Level;
  readonly category: string;
  readonly label: DisplayText | null;
  readonly reasons: readonly IReason[];
  readonly block: Block | null;
  /**
   * What decided: an operator decision ("allowlist", "redress", "blocklist") or computed risk
   * ("number", "device", "trunk", "carrier", "request" for a request-time signal); "" for none.
   */
  readonly decidedBy: string;
  /** True for an explicit operator decision, which no computed risk can outrank. */
  readonly operator: boolean;
  /**
   * When an operator decision lapses (Unix ms, wall clock); 0: it stands. Checked at each call,
   * since the scorer lapses it on event time, which stands still while no traffic arrives.
   */
  readonly expiresMs: number;
  /**
   * For a trunk or carrier verdict: the call-evidence patterns (`EVIDENCE_*` bits) that let it
   * decide a call; 0 when no single call can show its pattern, so it never decides. For a number's
   * computed verdict: the history patterns (`NUMBER_*` bits) its reasons name.
   */
  readonly callEvidence: number;
}

/** The answer when nothing is known against a call. */
export const NO_RISK: Answer = Object.freeze({
  action: Action.ACTION_ALLOW,
  score: 0,
  level: Level.LEVEL_NONE,
  category: '',
  label: null,
  reasons: Object.freeze([]),
  block: null,
  decidedBy: '',
  operator: false,
  expiresMs: 0,
  callEvidence: 0,
});

/** A check's answer and when the verdict it comes from was last updated (Unix ms; 0 for none). */
export class Decision {
  constructor(
    readonly answer: Answer,
    readonly updatedMs: number,
  ) {}
}

/** The decision when nothing is known against a call. */
export const NO_DECISION: Decision = Object.freeze(new Decision(NO_RISK, 0));

/** True when `a` is an operator decision still in force at wall time `nowMs`. */
export function inForce(a: Answer, nowMs: number): boolean {
  return a.operator && (a.expiresMs === 0 || nowMs < a.expiresMs);
}

/** True when `a` outranks `b`: higher level first, then higher score. */
export function outranks(a: Answer, b: Answer): boolean {
  return a.level > b.level || (a.level === b.level && a.score > b.score);
}
