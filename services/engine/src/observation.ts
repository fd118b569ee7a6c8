/**
 * One call as a source (trunk, carrier, device) sees it: compact facts the number stage computed,
 * re-keyed by source (ringfence.scorer.v1.SourceObservation on scorer.source-events.v1).
 */
export interface SourceObservation {
  kind: 'trunk' | 'carrier' | 'device';
  id: string;
  timeMs: number;
  /** The calling number (E.164, or raw), so a source flagged later can implicate its earlier callers. */
  caller: string;
  callerHash: number;
  calleeHash: number;
  blockHash: number;
  regionHash: number;
  talkSec: number;
  flags: number;
}
