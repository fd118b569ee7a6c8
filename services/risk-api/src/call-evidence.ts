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
/**
 * A home-format number (`homeCountryCode`) arriving on an international gateway
 * (`internationalTrunkPrefixes`) with attestation C or none, its subscriber not known to be roaming:
 * a number of this country has no business entering from abroad unless its owner is there, and a
 * gateway's ordinary callers are foreign numbers.
 */
export const EVIDENCE_HOME_NUMBER_FROM_ABROAD = 4;
/**
 * A home-format number with no attestation at all, its subscriber not known to be roaming: on a
 * source where such callers stand out among attested traffic (`SRC_UNATTESTED_CALLERS`), no network
 * vouched for this one.
 */
export const EVIDENCE_UNATTESTED_HOME_NUMBER = 8;

// The source rules (services/engine/config/default-rules.json) whose pattern a single call can show.
// Rules not named here (answer ratio, short calls, ...) are measured over many calls: such a
// verdict never decides a call, since nothing in one call says it belongs to the abusive part.
const EVIDENCE_BY_REASON: ReadonlyMap<string, number> = new Map([
  ['SRC_ONNET_FROM_OUTSIDE', EVIDENCE_ONNET_OUTSIDE_UNATTESTED],
  ['SRC_INVALID_NUMBERS', EVIDENCE_INVALID_NUMBER],
  // Suspect callers are those with an identity problem or no attestation; what a switch can see of
  // that at setup without condemning a gateway's ordinary (foreign, unattested) callers.
  [
    'SRC_ROTATING_SUSPECT_NUMBERS',
    EVIDENCE_ONNET_OUTSIDE_UNATTESTED | EVIDENCE_INVALID_NUMBER | EVIDENCE_HOME_NUMBER_FROM_ABROAD,
  ],
  // Fires only where unattested callers are a minority of the source's calls: then a call without
  // attestation is the abusive part, not the route's norm (a legacy route that attests nothing).
  ['SRC_UNATTESTED_CALLERS', EVIDENCE_UNATTESTED_HOME_NUMBER],
]);

/**
 * A number's own verdict names `VIA_SPOOFING_SOURCE`: its calls came through a trunk flagged for
 * spoofing, every one of them unverified, and nobody called it lately (the scorer's taint rules).
 * With such a history, another unverified call of it on a route flagged for spoofing is that
 * route's abusive part: the number's history is the evidence no single call can show alone.
 */
export const NUMBER_VIA_SPOOFING_SOURCE = 1;

/** The number-verdict patterns (`NUMBER_*` bits) a number verdict's reasons name. */
export function numberPatterns(reasons: readonly IReason[]): number {
  for (const r of reasons) if (r.code === 'VIA_SPOOFING_SOURCE') return NUMBER_VIA_SPOOFING_SOURCE;
  return 0;
}

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

export type CallEvidenceConfig = Pick<
  RiskApiConfig,
  'onNetPrefixes' | 'onNetCarrier' | 'defaultRegion' | 'homeCountryCode' | 'internationalTrunkPrefixes'
>;

export interface CallEvidence {
  /**
   * Which of the `wanted` patterns the call shows. Only the wanted ones are checked, so the
   * numbering-plan lookup runs only for a source flagged for invalid numbers.
   */
  shows(
    wanted: number,
    calling: string,
    e164: string,
    trunk: string,
    carrier: string,
    attestation: Attestation,
    location: CallingLocation,
  ): number;
  /**
   * Whether an unverified call (attestation C or none, its subscriber not known to be roaming) of a
   * number whose own verdict shows `NUMBER_VIA_SPOOFING_SOURCE` continues that history.
   */
  continuesTaint(numberBits: number, attestation: Attestation, location: CallingLocation): boolean;
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
  const intl = [...config.internationalTrunkPrefixes];
  const international = (trunk: string): boolean => {
    for (const p of intl) if (trunk.startsWith(p)) return true;
    return false;
  };
  const home = config.homeCountryCode;
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
    shows(wanted, calling, e164, trunk, carrier, attestation, location) {
      let bits = 0;
      // Both home-number patterns: never a subscriber the HLR/HSS has abroad, never a foreign number.
      if (
        (wanted & (EVIDENCE_HOME_NUMBER_FROM_ABROAD | EVIDENCE_UNATTESTED_HOME_NUMBER)) !== 0 &&
        location !== CallingLocation.CALLING_LOCATION_ROAMING &&
        e164.startsWith(home)
      ) {
        const none = attestation === Attestation.ATTESTATION_UNSPECIFIED;
        if (
          (wanted & EVIDENCE_HOME_NUMBER_FROM_ABROAD) !== 0 &&
          (none || attestation === Attestation.ATTESTATION_C) &&
          international(trunk)
        ) {
          bits |= EVIDENCE_HOME_NUMBER_FROM_ABROAD;
        }
        if ((wanted & EVIDENCE_UNATTESTED_HOME_NUMBER) !== 0 && none) bits |= EVIDENCE_UNATTESTED_HOME_NUMBER;
      }
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
    continuesTaint(numberBits, attestation, location) {
      return (
        (numberBits & NUMBER_VIA_SPOOFING_SOURCE) !== 0 &&
        location !== CallingLocation.CALLING_LOCATION_ROAMING &&
        (attestation === Attestation.ATTESTATION_C || attestation === Attestation.ATTESTATION_UNSPECIFIED)
      );
    },
    spoofSignal(e164, carrier, attestation, location) {
      if (!onNetFromOutside(e164, carrier, attestation, location)) return SPOOF_SIGNAL_NONE;
      if (location === CallingLocation.CALLING_LOCATION_HOME) return SPOOF_SIGNAL_SUBSCRIBER_HOME;
      // Without a location, as before: attestation C only (a missing one is evidence for sources only).
      return attestation === Attestation.ATTESTATION_C ? SPOOF_SIGNAL_ATTESTATION_C : SPOOF_SIGNAL_NONE;
    },
  };
}
