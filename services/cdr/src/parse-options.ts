import { DEFAULT_REGION } from './number.js';
import type { RejectReason } from './reject-reason.js';

/** Limits and defaults applied while parsing one record. */
export interface ParseOptions {
  /** Region for national-format numbers. */
  region: string;
  /** Longest accepted text field, in characters (OVERSIZED_FIELD beyond). */
  maxFieldLength: number;
  /** Longest accepted call (release − setup); longer is IMPOSSIBLE_TIME. */
  maxCallDurationMs: number;
}

export const DEFAULT_PARSE_OPTIONS: Readonly<ParseOptions> = Object.freeze({
  region: DEFAULT_REGION,
  maxFieldLength: 256,
  maxCallDurationMs: 48 * 3_600_000,
});

/** The result of parsing one record: the protobuf-ready value, or why it was refused. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: RejectReason; readonly message: string };
