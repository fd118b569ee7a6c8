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
 * A decision precomputed when a verdict arrives and shared by every lookup that hits it, so
 * answering allocates only the response. Frozen: never mutate.
 */
export interface Answer {
  readonly action: Action;
  readonly score: number;
  readonly level: Level;
  readonly category: string;
  readonly label: DisplayText | null;
  readonly reasons: readonly IReason[];
  readonly updatedMs: number;
  readonly block: Block | null;
  /** "number", "trunk", "carrier", "device", "request" (a request-time signal), "allowlist" or "". */
  readonly decidedBy: string;
}

/** The answer when nothing is known against a call. */
export const NO_RISK: Answer = Object.freeze({
  action: Action.ACTION_ALLOW,
  score: 0,
  level: Level.LEVEL_NONE,
  category: '',
  label: null,
  reasons: Object.freeze([]),
  updatedMs: 0,
  block: null,
  decidedBy: '',
});

/** True when `a` outranks `b`: higher level first, then higher score. */
export function outranks(a: Answer, b: Answer): boolean {
  return a.level > b.level || (a.level === b.level && a.score > b.score);
}
