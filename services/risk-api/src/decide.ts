import { Attestation, CallingLocation, Level, type ICheckRequest } from '@ringfence/proto';
import { AttestationTally } from '@ringfence/cdr';
import { RingfenceError } from '@ringfence/common';
import { Decision, inForce, NO_DECISION, outranks, type Answer } from './answer.js';
import {
  createCallEvidence,
  SPOOF_SIGNAL_ATTESTATION_C,
  SPOOF_SIGNAL_SUBSCRIBER_HOME,
} from './call-evidence.js';
import type { RiskApiConfig } from './config.js';
import { toE164 } from './numbers.js';
import type { Policy } from './policy.js';
import type { RiskView } from './risk-view.js';

export type DeciderConfig = Pick<
  RiskApiConfig,
  | 'onNetPrefixes'
  | 'onNetCarrier'
  | 'defaultRegion'
  | 'homeCountryCode'
  | 'internationalTrunkPrefixes'
  | 'spoofSignalScore'
>;

/** Answers one check request from the view; throws INVALID_ARGUMENT naming a bad field. */
export type Decide = (request: ICheckRequest, field?: string) => Decision;

/**
 * The decision at call setup, the one place its precedence lives (docs/risk-api.md, "The answer"):
 *
 * 1. An operator decision on the number (allowlist, upheld redress, blocklist), then a blocklist
 *    decision on the calling device: nothing computed outranks it, until its expiry (wall clock,
 *    checked here at each call).
 * 2. Otherwise the strongest (level, then score; ties in this order) of the computed risks: the
 *    number's own verdict; the calling device's verdict; the ingress trunk's and carrier's verdicts,
 *    each only when the call itself shows the pattern the source was flagged for (the trunk also
 *    when the number's own verdict names VIA_SPOOFING_SOURCE and the call is unverified, on a
 *    network whose calls carry attestation); and the stateless
 *    request-time signal (an ON-NET-range caller from an outside carrier with attestation C, or
 *    whatever its attestation when the HLR/HSS has the subscriber at home; never when roaming).
 */
export function createDecider(
  view: RiskView,
  policy: Policy,
  config: DeciderConfig,
  /** Wall clock (Unix ms) that decision expiries are checked against; tests pass their own. */
  now: () => number = Date.now,
): Decide {
  const evidence = createCallEvidence(config);
  // Where calls carry no attestation, "unverified" describes every call and continues no history.
  const attestation = new AttestationTally();
  const signalDecision = (code: string): Decision =>
    new Decision(
      policy.answerFor(
        {
          score: config.spoofSignalScore,
          level: Level.LEVEL_MEDIUM,
          category: 'spoofing',
          reasons: [{ code, value: 1, threshold: 1, window: '', points: config.spoofSignalScore }],
        },
        'request',
      ),
      0,
    );
  // Each signal has its own reason, so the answer names what the call showed.
  const attestationC = signalDecision('ONNET_RANGE_FOREIGN_CARRIER_ATTESTATION_C');
  const subscriberHome = signalDecision('ONNET_RANGE_FOREIGN_CARRIER_SUBSCRIBER_HOME');
  // A source decides only if it would win and the call shows its pattern; the evidence is checked
  // last because it may need the numbering plan.
  const sourceWins = (
    source: Decision | undefined,
    best: Answer,
    calling: string,
    e164: string,
    trunk: string,
    carrier: string,
    attestation: Attestation,
    location: CallingLocation,
    tainted: boolean,
  ): source is Decision =>
    source !== undefined &&
    source.answer.callEvidence !== 0 &&
    outranks(source.answer, best) &&
    (tainted ||
      evidence.shows(source.answer.callEvidence, calling, e164, trunk, carrier, attestation, location) !== 0);
  return (request, field = '') => {
    const calling = request.calling ?? '';
    if (calling === '') {
      throw new RingfenceError('INVALID_ARGUMENT', `${field}calling is required`, {
        detail: { field: `${field}calling` },
      });
    }
    if ((request.called ?? '') === '') {
      throw new RingfenceError('INVALID_ARGUMENT', `${field}called is required`, {
        detail: { field: `${field}called` },
      });
    }
    const e164 = toE164(calling, config.defaultRegion);
    if (e164 === undefined) {
      throw new RingfenceError('INVALID_ARGUMENT', `${field}calling is not a valid phone number`, {
        detail: { field: `${field}calling` },
      });
    }
    const slot = view.numbers.find(e164);
    let own =
      slot < 0 ? undefined : new Decision(view.numbers.answerAt(slot), view.numbers.updatedMsAt(slot));
    if (own?.answer.operator === true) {
      if (own.answer.expiresMs === 0 || inForce(own.answer, now())) return own;
      // Lapsed at call time, before the scorer (on event time) republished the computed verdict:
      // the decision's answer carries no computed risk of the number, so the number counts as unknown.
      own = undefined;
    }
    let best = own ?? NO_DECISION;
    const device = request.callingDevice ?? '';
    if (device !== '' && view.devices.size > 0) {
      // A handset flagged for rotating numbers is itself the evidence: it needs none from the call.
      const d = view.devices.get(device);
      if (d !== undefined) {
        if (d.answer.operator) {
          if (d.answer.expiresMs === 0 || inForce(d.answer, now())) return d;
        } else if (outranks(d.answer, best.answer)) best = d;
      }
    }
    const trunk = request.ingressTrunk ?? '';
    const carrier = request.ingressCarrier ?? '';
    const attested = request.attestation ?? Attestation.ATTESTATION_UNSPECIFIED;
    attestation.add(attested !== Attestation.ATTESTATION_UNSPECIFIED);
    const location = request.callingLocation ?? CallingLocation.CALLING_LOCATION_UNSPECIFIED;
    // A number whose own history is unverified calls through a spoofing route, calling unverified
    // again: the flagged trunk decides without a pattern in this one call (rank 3c). Not the
    // carrier: as in the scorer's taint, a whole interconnect partner is too coarse.
    const tainted =
      own !== undefined &&
      attestation.inUse &&
      evidence.continuesTaint(own.answer.callEvidence, attested, location);
    if (trunk !== '' && view.trunks.size > 0) {
      const t = view.trunks.get(trunk);
      if (sourceWins(t, best.answer, calling, e164, trunk, carrier, attested, location, tainted)) best = t;
    }
    if (carrier !== '' && view.carriers.size > 0) {
      const c = view.carriers.get(carrier);
      if (sourceWins(c, best.answer, calling, e164, trunk, carrier, attested, location, false)) best = c;
    }
    const signal = evidence.spoofSignal(e164, carrier, attested, location);
    const spoof =
      signal === SPOOF_SIGNAL_SUBSCRIBER_HOME
        ? subscriberHome
        : signal === SPOOF_SIGNAL_ATTESTATION_C
          ? attestationC
          : undefined;
    if (spoof !== undefined && outranks(spoof.answer, best.answer)) return spoof;
    return best;
  };
}
