import type { Attestation } from './network.js';
import type { Rng } from './prng.js';

/** One generated call before formatting. Empty strings stand for absent optional fields. */
export interface Call {
  id: string;
  switchId: string;
  setup: number;
  /** 0 when unanswered. */
  answer: number;
  release: number;
  calling: string;
  called: string;
  asserted: string;
  trunk: string;
  carrier: string;
  egress: string;
  cause: number;
  video: boolean;
  att: Attestation;
  origid: string;
  device: string;
  cell: string;
  /** The HLR/HSS location our switch or mediation stamps on an own-range caller, '' when none. */
  location: '' | 'home' | 'roaming';
}

/**
 * How calls of one kind of caller end. Probabilities are drawn in order answer, busy, reject,
 * no-answer, abandon; what is left over fails in the network (causes 34/41/27).
 */
export interface OutcomeProfile {
  readonly answer: number;
  readonly busy: number;
  readonly reject: number;
  readonly noAnswer: number;
  readonly abandon: number;
  /** Talk time of answered calls, seconds. */
  readonly talkMedian: number;
  readonly talkSigma: number;
  /** Ring before answer or caller abandonment, seconds. */
  readonly ringMin: number;
  readonly ringMax: number;
  /** Share of calls to numbers outside the population that hit unallocated numbers (cause 1). */
  readonly unallocated: number;
}

// Q.850 cause codes used below.
export const CAUSE = {
  UNALLOCATED: 1,
  NORMAL: 16,
  BUSY: 17,
  NO_ANSWER: 19,
  REJECTED: 21,
  OUT_OF_ORDER: 27,
  UNSPECIFIED: 31,
  NO_CIRCUIT: 34,
  TEMPORARY_FAILURE: 41,
} as const;

function ringMs(rng: Rng, lo: number, hi: number): number {
  return Math.round((lo + rng.next() * (hi - lo)) * 1000);
}

/**
 * Decides how a call ends and fills answer/release/cause. `known` is false for callees outside
 * the modelled population, who may be unallocated numbers.
 */
export function settle(rng: Rng, p: OutcomeProfile, call: Call, known: boolean): void {
  const setup = call.setup;
  call.answer = 0;
  if (!known && rng.chance(p.unallocated)) {
    call.cause = CAUSE.UNALLOCATED;
    call.release = setup + ringMs(rng, 0.2, 1.5);
    return;
  }
  let x = rng.next();
  if ((x -= p.answer) < 0) {
    call.answer = setup + ringMs(rng, p.ringMin, p.ringMax);
    const talk = Math.min(3 * 3600, Math.max(1, rng.logNormal(p.talkMedian, p.talkSigma)));
    call.release = call.answer + Math.round(talk * 1000);
    call.cause = CAUSE.NORMAL;
  } else if ((x -= p.busy) < 0) {
    call.release = setup + ringMs(rng, 0.3, 1.5);
    call.cause = CAUSE.BUSY;
  } else if ((x -= p.reject) < 0) {
    call.release = setup + ringMs(rng, 1, 8);
    call.cause = CAUSE.REJECTED;
  } else if ((x -= p.noAnswer) < 0) {
    call.release = setup + ringMs(rng, 25, 60);
    call.cause = CAUSE.NO_ANSWER;
  } else if ((x -= p.abandon) < 0) {
    // The caller hung up while it was ringing.
    call.release = setup + ringMs(rng, p.ringMin, p.ringMax);
    call.cause = rng.chance(0.85) ? CAUSE.NORMAL : CAUSE.UNSPECIFIED;
  } else {
    call.release = setup + ringMs(rng, 0.5, 5);
    call.cause = rng.pick([CAUSE.NO_CIRCUIT, CAUSE.TEMPORARY_FAILURE, CAUSE.OUT_OF_ORDER]);
  }
}

function outcome(p: Partial<OutcomeProfile> & Pick<OutcomeProfile, 'answer' | 'talkMedian'>): OutcomeProfile {
  return {
    busy: 0.04,
    reject: 0.04,
    noAnswer: 0.1,
    abandon: 0.03,
    talkSigma: 1,
    ringMin: 2,
    ringMax: 15,
    unallocated: 0.03,
    ...p,
  };
}

export const OUTCOMES = {
  ordinary: outcome({
    answer: 0.78,
    talkMedian: 75,
    talkSigma: 1.1,
    abandon: 0.035,
    ringMin: 1,
    ringMax: 18,
  }),
  callCentre: outcome({ answer: 0.66, talkMedian: 150, talkSigma: 0.8, reject: 0.08, noAnswer: 0.17 }),
  courier: outcome({ answer: 0.85, talkMedian: 25, talkSigma: 0.6, noAnswer: 0.08, reject: 0.02 }),
  verification: outcome({
    answer: 0.8,
    talkMedian: 14,
    talkSigma: 0.25,
    noAnswer: 0.1,
    reject: 0.04,
    ringMin: 2,
    ringMax: 10,
  }),
  notification: outcome({ answer: 0.7, talkMedian: 35, talkSigma: 0.4, noAnswer: 0.2, reject: 0.03 }),
  robocall: outcome({
    answer: 0.12,
    talkMedian: 12,
    talkSigma: 0.6,
    busy: 0.05,
    reject: 0.18,
    noAnswer: 0.5,
    abandon: 0.1,
    unallocated: 0.25,
    ringMin: 3,
    ringMax: 20,
  }),
  telemarketing: outcome({ answer: 0.35, talkMedian: 45, talkSigma: 0.8, reject: 0.25, noAnswer: 0.3 }),
  wangiri: outcome({
    answer: 0.01,
    talkMedian: 3,
    talkSigma: 0.5,
    busy: 0.02,
    reject: 0.02,
    noAnswer: 0,
    abandon: 0.95,
    ringMin: 1,
    ringMax: 3,
    unallocated: 0.05,
  }),
  spoofing: outcome({
    answer: 0.3,
    talkMedian: 90,
    talkSigma: 1.2,
    reject: 0.15,
    noAnswer: 0.4,
    abandon: 0.06,
  }),
  scam: outcome({
    answer: 0.45,
    talkMedian: 480,
    talkSigma: 0.8,
    reject: 0.15,
    noAnswer: 0.3,
    abandon: 0.04,
  }),
  pester: outcome({
    answer: 0.1,
    talkMedian: 20,
    talkSigma: 0.7,
    busy: 0.05,
    reject: 0.55,
    noAnswer: 0.28,
    abandon: 0.02,
  }),
  // Appointment and payment reminders: many miss them, those who answer listen for a minute.
  reminder: outcome({
    answer: 0.3,
    talkMedian: 70,
    talkSigma: 0.6,
    reject: 0.1,
    noAnswer: 0.45,
    abandon: 0.05,
  }),
  // Thin campaigns: rarely answered, quickly hung up on.
  snowshoe: outcome({
    answer: 0.18,
    talkMedian: 8,
    talkSigma: 0.7,
    reject: 0.25,
    noAnswer: 0.4,
    abandon: 0.08,
    unallocated: 0.1,
  }),
} as const satisfies Record<string, OutcomeProfile>;
