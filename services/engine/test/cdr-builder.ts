import type { ICallDetailRecord, IComplaintEvent } from '@ringfence/proto';
import { CollectingSink, Engine, loadRules, type Rules } from '../src/index.js';

/** 2026-11-02T10:00:00+08:00, a Monday morning in Shanghai. */
export const T0 = Date.parse('2026-11-02T10:00:00+08:00');

export interface CallSpec {
  from?: string;
  to?: string;
  at?: number;
  answered?: boolean;
  ringS?: number;
  talkS?: number;
  cause?: number;
  carrier?: string;
  trunk?: string;
  attestation?: number;
  valid?: boolean;
  asserted?: string;
  video?: boolean;
  device?: string;
  /** CallingLocation from the home location register (0 unspecified, 1 home, 2 roaming). */
  location?: number;
}

let seq = 0;

/** A normalised CDR with sensible defaults: an ON-NET subscriber's answered, attested call. */
export function cdr(spec: CallSpec = {}): ICallDetailRecord {
  const at = spec.at ?? T0;
  const answered = spec.answered ?? true;
  const ring = (spec.ringS ?? 5) * 1000;
  const answer = answered ? at + ring : 0;
  const release = answered ? answer + (spec.talkS ?? 90) * 1000 : at + ring;
  const from = spec.from ?? '+8613800000001';
  const to = spec.to ?? '+8613900000001';
  return {
    callId: `c${++seq}`,
    switchId: 'SW-GZ-01',
    setupTimeMs: at,
    answerTimeMs: answer,
    releaseTimeMs: release,
    calling: { raw: from, e164: from, valid: spec.valid ?? true },
    called: { raw: to, e164: to, valid: true },
    asserted: spec.asserted === undefined ? null : { raw: spec.asserted, e164: spec.asserted, valid: true },
    ingressTrunk: spec.trunk ?? '',
    ingressCarrier: spec.carrier ?? 'ON-NET',
    releaseCause: spec.cause ?? (answered ? 16 : 19),
    media: spec.video === true ? 2 : 1,
    attestation: spec.attestation ?? 1,
    deviceId: spec.device ?? '',
    callingLocation: spec.location ?? 0,
  };
}

export function complaint(reported: string, at: number): IComplaintEvent {
  return {
    complaintId: `k${++seq}`,
    timeMs: at,
    reporter: { raw: '+8613900000009', e164: '+8613900000009', valid: true },
    reported: { raw: reported, e164: reported, valid: true },
    category: 1,
  };
}

/** A callee number n places after a base number (for sequential dialing). */
export function callee(n: number, base = 13_900_000_000): string {
  return `+86${base + n}`;
}

/** The robocaller the engine tests share. */
export const ROBO = '+8615000000001';

/** A dialer sweeping a number block: unanswered, sequential, every 20 s through trunk TG-1 of CU. */
export function robocall(i: number, start = T0, from = ROBO): ICallDetailRecord {
  return cdr({
    from,
    to: callee(i),
    at: start + i * 20_000,
    answered: i % 10 === 0,
    talkS: 6,
    attestation: 3,
    carrier: 'CU',
    trunk: 'TG-1',
  });
}

export function newEngine(rules: Rules = loadRules()): { engine: Engine; sink: CollectingSink } {
  const sink = new CollectingSink();
  return { engine: new Engine(rules, sink), sink };
}

export const MIN = 60_000;
export const HOUR = 3_600_000;
