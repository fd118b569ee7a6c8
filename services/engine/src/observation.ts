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

/** A zeroed observation, for producers and decoders that fill one object per call and reuse it. */
export function blankObservation(): SourceObservation {
  return {
    kind: 'trunk',
    id: '',
    timeMs: 0,
    caller: '',
    callerHash: 0,
    calleeHash: 0,
    blockHash: 0,
    regionHash: 0,
    talkSec: 0,
    flags: 0,
  };
}
