import { normaliseNumber } from '@ringfence/cdr';
import { Attestation, CallingLocation, type IReason } from '@ringfence/proto';
import type { RiskApiConfig } from './config.js';

/**
 * An own-subscriber-range number (`onNetPrefixes`) arriving from another carrier (ingress carrier
 * set and not `onNetCarrier`) with attestation C or none: the originating network vouches for
 * nothing, and our own subscribers do not enter from outside unless they roam. With the calling
 * location the HLR/HSS gave the switch: never when ROAMING, whatever the attestation when HOME.
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

/** The request-time spoofing signals (`CallEvidence.spoofSignal`). */
export const SPOOF_SIGNAL_NONE = 0;
/** An own-range number from another carrier, attestation C, the subscriber's location unknown. */
export const SPOOF_SIGNAL_ATTESTATION_C = 1;
/** An own-range number from another carrier while the HLR/HSS has its subscriber at home. */
export const SPOOF_SIGNAL_SUBSCRIBER_HOME = 2;

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
  /**
   * Which of the `wanted` patterns the call shows. Only the wanted ones are checked, so the
   * numbering-plan lookup runs only for a source flagged for invalid numbers.
   */
  shows(
    wanted: number,
    calling: string,
    e164: string,
    carrier: string,
    attestation: Attestation,
    location: CallingLocation,
  ): number;
  /** Which request-time spoofing signal (`SPOOF_SIGNAL_*`) the call shows on its own. */
  spoofSignal(e164: string, carrier: string, attestation: Attestation, location: CallingLocation): number;
}

/** Builds the call-evidence checks from configuration. */
export function createCallEvidence(config: CallEvidenceConfig): CallEvidence {
  const prefixes = [...config.onNetPrefixes];
  const onNetRange = (e164: string): boolean => {
    for (const p of prefixes) if (e164.startsWith(p)) return true;
    return false;
  };
  const outside = (carrier: string): boolean => carrier !== '' && carrier !== config.onNetCarrier;
  // Only the HLR/HSS tells our subscriber calling home from abroad from a copy of their number:
  // ROAMING clears the call, HOME condemns it even when another network attests it. Any other
  // value (none, or one this build does not know) leaves the attestation to decide, as before.
  const onNetFromOutside = (
    e164: string,
    carrier: string,
    attestation: Attestation,
    location: CallingLocation,
  ): boolean =>
    location !== CallingLocation.CALLING_LOCATION_ROAMING &&
    outside(carrier) &&
    onNetRange(e164) &&
    (location === CallingLocation.CALLING_LOCATION_HOME ||
      attestation === Attestation.ATTESTATION_C ||
      attestation === Attestation.ATTESTATION_UNSPECIFIED);
  return {
    // Positional arguments rather than an object: this runs per check and allocates nothing.
    shows(wanted, calling, e164, carrier, attestation, location) {
      let bits = 0;
      if (
        (wanted & EVIDENCE_ONNET_OUTSIDE_UNATTESTED) !== 0 &&
        onNetFromOutside(e164, carrier, attestation, location)
      ) {
        bits |= EVIDENCE_ONNET_OUTSIDE_UNATTESTED;
      }
      if ((wanted & EVIDENCE_INVALID_NUMBER) !== 0 && !normaliseNumber(calling, config.defaultRegion).valid) {
        bits |= EVIDENCE_INVALID_NUMBER;
      }
      return bits;
    },
    spoofSignal(e164, carrier, attestation, location) {
      if (!onNetFromOutside(e164, carrier, attestation, location)) return SPOOF_SIGNAL_NONE;
      if (location === CallingLocation.CALLING_LOCATION_HOME) return SPOOF_SIGNAL_SUBSCRIBER_HOME;
      // Without a location, as before: attestation C only (a missing one is evidence for sources only).
      return attestation === Attestation.ATTESTATION_C ? SPOOF_SIGNAL_ATTESTATION_C : SPOOF_SIGNAL_NONE;
    },
  };
}
