import { Attestation, Level, type ICheckRequest } from '@ringfence/proto';
import { RingfenceError } from '@ringfence/common';
import { outranks, type Answer } from './answer.js';
import type { RiskApiConfig } from './config.js';
import { toE164 } from './numbers.js';
import type { Policy } from './policy.js';
import type { RiskView } from './risk-view.js';

export type DeciderConfig = Pick<
  RiskApiConfig,
  'onNetPrefixes' | 'onNetCarrier' | 'defaultRegion' | 'spoofSignalScore'
>;

/** Answers one check request from the view; throws INVALID_ARGUMENT naming a bad field. */
export type Decide = (request: ICheckRequest, field?: string) => Answer;

/**
 * The decision at call setup: allowlist first, then the strongest of the number's verdict, its
 * sources' verdicts and a stateless request-time signal (an ON-NET-range caller arriving from an
 * outside carrier with attestation C is likely spoofed).
 */
export function createDecider(view: RiskView, policy: Policy, config: DeciderConfig): Decide {
  const prefixes = [...config.onNetPrefixes];
  const spoofAnswer = policy.answerFor(
    {
      score: config.spoofSignalScore,
      level: Level.LEVEL_MEDIUM,
      category: 'spoofing',
      reasons: [
        {
          code: 'ONNET_RANGE_FOREIGN_CARRIER_ATTESTATION_C',
          value: 1,
          threshold: 1,
          window: '',
          points: config.spoofSignalScore,
        },
      ],
      updatedMs: 0,
    },
    'request',
  );
  const onNetRange = (e164: string): boolean => {
    for (const p of prefixes) if (e164.startsWith(p)) return true;
    return false;
  };
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
    const carrier = request.ingressCarrier ?? '';
    const best = view.lookup(e164, request.ingressTrunk ?? '', carrier);
    if (
      best !== policy.allowlisted &&
      request.attestation === Attestation.ATTESTATION_C &&
      carrier !== '' &&
      carrier !== config.onNetCarrier &&
      onNetRange(e164) &&
      outranks(spoofAnswer, best)
    ) {
      return spoofAnswer;
    }
    return best;
  };
}
