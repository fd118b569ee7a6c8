import { normaliseNumber } from '@ringfence/cdr';
import { Attestation, type IReason } from '@ringfence/proto';
import type { RiskApiConfig } from './config.js';

/**
 * An own-subscriber-range number (`onNetPrefixes`) arriving from another carrier (ingress carrier
 * set and not `onNetCarrier`) with attestation C or none: the originating network vouches for
 * nothing, and our own subscribers do not enter from outside.
 */
export const EVIDENCE_ONNET_OUTSIDE_UNATTESTED = 1;
/** A calling number that is not valid in its numbering plan: nobody can have been assigned it. */
export const EVIDENCE_INVALID_NUMBER = 2;

// The source rules (services/engine/config/default-rules.json) whose pattern a single call can show.
// Rules not named here (answer ratio, short calls, ...) are measured over many calls: such a
// verdict never decides a call, since nothing in one call says it belongs to the abusive part.
const EVIDENCE_BY_REASON: ReadonlyMap<string, number> = new Map([
  ['SRC_ONNET_FROM_OUTSIDE', EVIDENCE_ONNET_OUTSIDE_UNATTESTED],
  ['SRC_INVALID_NUMBERS', EVIDENCE_INVALID_NUMBER],
  // Suspect callers are those with an identity problem; the two a switch can see at setup.
  ['SRC_ROTATING_SUSPECT_NUMBERS', EVIDENCE_ONNET_OUTSIDE_UNATTESTED | EVIDENCE_INVALID_NUMBER],
]);

/** The source rule codes that can decide a call, for documentation and drift tests. */
export const EVIDENCE_REASON_CODES: readonly string[] = Object.freeze([...EVIDENCE_BY_REASON.keys()]);

/** The call-evidence patterns a source verdict's reasons name (0: it can never decide a call). */
export function evidencePatterns(reasons: readonly IReason[]): number {
  let bits = 0;
  for (const r of reasons) bits |= EVIDENCE_BY_REASON.get(r.code ?? '') ?? 0;
  return bits;
}

export type CallEvidenceConfig = Pick<RiskApiConfig, 'onNetPrefixes' | 'onNetCarrier' | 'defaultRegion'>;

export interface CallEvidence {
  /** The number is in an own-subscriber range. */
  onNetRange(e164: string): boolean;
  /** The ingress carrier is set and is not the own network. */
  outside(carrier: string): boolean;
  /**
   * Which of the `wanted` patterns the call shows. Only the wanted ones are checked, so the
   * numbering-plan lookup runs only for a source flagged for invalid numbers.
   */
  shows(wanted: number, calling: string, e164: string, carrier: string, attestation: Attestation): number;
}

/** Builds the call-evidence checks from configuration. */
export function createCallEvidence(config: CallEvidenceConfig): CallEvidence {
  const prefixes = [...config.onNetPrefixes];
  const onNetRange = (e164: string): boolean => {
    for (const p of prefixes) if (e164.startsWith(p)) return true;
    return false;
  };
  const outside = (carrier: string): boolean => carrier !== '' && carrier !== config.onNetCarrier;
  return {
    onNetRange,
    outside,
    // Positional arguments rather than an object: this runs per check and allocates nothing.
    shows(wanted, calling, e164, carrier, attestation) {
      let bits = 0;
      if (
        (wanted & EVIDENCE_ONNET_OUTSIDE_UNATTESTED) !== 0 &&
        (attestation === Attestation.ATTESTATION_C || attestation === Attestation.ATTESTATION_UNSPECIFIED) &&
        outside(carrier) &&
        onNetRange(e164)
      ) {
        bits |= EVIDENCE_ONNET_OUTSIDE_UNATTESTED;
      }
      if ((wanted & EVIDENCE_INVALID_NUMBER) !== 0 && !normaliseNumber(calling, config.defaultRegion).valid) {
        bits |= EVIDENCE_INVALID_NUMBER;
      }
      return bits;
    },
  };
}
