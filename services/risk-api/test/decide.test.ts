import { status } from '@grpc/grpc-js';
import { isRingfenceError, Registry, counter, RingfenceError } from '@ringfence/common';
import {
  Action,
  Attestation,
  CallingLocation,
  Level,
  SubjectKind,
  type CheckRequest,
} from '@ringfence/proto';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../src/handlers.js';
import { createDecider, createPolicy, grpcStatusFor, RiskView, toGrpcStatus } from '../src/index.js';
import { highVerdict, testConfig, verdictBytes } from './support.js';

const N = '+8613911112222';
const N2 = '+8613911113333';

function setup(overrides: Record<string, unknown> = {}): {
  view: RiskView;
  decide: ReturnType<typeof createDecider>;
} {
  const config = testConfig(overrides);
  const policy = createPolicy(config);
  const view = new RiskView(policy);
  return { view, decide: createDecider(view, policy, config) };
}

describe('policy and decisions', () => {
  it('labels by default and never blocks', () => {
    const { view, decide } = setup();
    view.applyCaller(N, verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, N, 'scam', 99)));
    const a = decide({ calling: N, called: '1' }).answer;
    expect(a.action).toBe(Action.ACTION_LABEL);
    expect(a.block).toBeNull();
    expect(Object.isFrozen(a)).toBe(true);
    // The same frozen answer is shared by every lookup, and by every number whose verdict answers
    // alike; when the verdict was updated is the number's own.
    expect(decide({ calling: N, called: '2' }).answer).toBe(a);
    expect(decide({ calling: N, called: '1' }).updatedMs).toBe(1_700_000_000_000);
    view.applyCaller(
      N2,
      verdictBytes({ ...highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, N2, 'scam', 99), updatedMs: 5 }),
    );
    expect(decide({ calling: N2, called: '1' }).answer).toBe(a);
    expect(decide({ calling: N2, called: '1' }).updatedMs).toBe(5);
  });

  it('blocks when configured, with the ATIS-1000099 instruction and redress contact', () => {
    const { view, decide } = setup({
      blockLevel: 'HIGH',
      blockMinScore: 80,
      redressContact: 'https://appeal.example/',
    });
    view.applyCaller(N, verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, N, 'scam', 90)));
    const a = decide({ calling: N, called: '1' }).answer;
    expect(a.action).toBe(Action.ACTION_BLOCK);
    expect(a.block).toEqual({
      sipCode: 603,
      sipReason: 'Network Blocked',
      isupCause: 21,
      reasonCode: 'RINGFENCE-RISK',
      redressContact: 'https://appeal.example/',
    });
    view.applyCaller(N, verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, N, 'scam', 70)));
    expect(decide({ calling: N, called: '1' }).answer.action).toBe(Action.ACTION_LABEL);
  });

  it('leaves LOW verdicts unlabelled under the default policy', () => {
    const { view, decide } = setup();
    view.applyCaller(
      N,
      verdictBytes({
        ...highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, N, 'telemarketing', 20),
        level: Level.LEVEL_LOW,
      }),
    );
    const a = decide({ calling: N, called: '1' }).answer;
    expect(a.action).toBe(Action.ACTION_ALLOW);
    expect(a.level).toBe(Level.LEVEL_LOW);
  });

  it('deletes on a tombstone and ignores unknown source kinds', () => {
    const { view, decide } = setup();
    view.applyCaller(N, verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, N, 'scam')));
    view.applyCaller(N, null);
    expect(decide({ calling: N, called: '1' }).answer.action).toBe(Action.ACTION_ALLOW);
    view.applySource(
      'carrier:CX',
      verdictBytes(
        highVerdict(SubjectKind.SUBJECT_KIND_CARRIER, 'CX', 'robocall', 90, 'SRC_ONNET_FROM_OUTSIDE'),
      ),
    );
    view.applySource(
      'planet:Mars',
      verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_CARRIER, 'Mars', 'robocall')),
    );
    expect(view.sizes()).toEqual({ number: 0, trunk: 0, carrier: 1, device: 0 });
    const a = decide({ calling: '+8613611112222', called: '1', ingressCarrier: 'CX' }).answer;
    expect([a.decidedBy, a.label?.en]).toEqual(['carrier', 'Suspected harassment']);
    view.applySource('carrier:CX', null);
    expect(decide({ calling: '+8613611112222', called: '1', ingressCarrier: 'CX' }).answer.decidedBy).toBe(
      '',
    );
  });

  it('prefers the number on a tie and the stronger source otherwise', () => {
    const { view, decide } = setup();
    view.applyCaller(N, verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, N, 'scam', 80)));
    view.applySource(
      'trunk:T1',
      verdictBytes(
        highVerdict(SubjectKind.SUBJECT_KIND_TRUNK, 'T1', 'spoofing', 80, 'SRC_ONNET_FROM_OUTSIDE'),
      ),
    );
    const call = { calling: N, called: '1', ingressTrunk: 'T1', ingressCarrier: 'INTL-X' };
    expect(decide(call).answer.decidedBy).toBe('number');
    view.applySource(
      'trunk:T1',
      verdictBytes(
        highVerdict(SubjectKind.SUBJECT_KIND_TRUNK, 'T1', 'spoofing', 95, 'SRC_ONNET_FROM_OUTSIDE'),
      ),
    );
    expect(decide(call).answer.decidedBy).toBe('trunk');
  });

  it('maps every error code to a gRPC status in one place', () => {
    expect(grpcStatusFor('OVERLOADED')).toBe(status.RESOURCE_EXHAUSTED);
    expect(grpcStatusFor('UNAUTHENTICATED')).toBe(status.UNAUTHENTICATED);
    expect(toGrpcStatus(new Error('boom')).code).toBe(status.INTERNAL);
    expect(toGrpcStatus(new RingfenceError('DEADLINE_EXCEEDED', 'late')).code).toBe(status.DEADLINE_EXCEEDED);
    const { decide } = setup();
    try {
      decide({ calling: '12', called: '1' }, 'checks[4].');
      expect.unreachable();
    } catch (err) {
      expect(isRingfenceError(err, 'INVALID_ARGUMENT') && err.detail['field']).toBe('checks[4].calling');
    }
  });

  it('drops work whose deadline has passed', () => {
    const { decide } = setup();
    const registry = new Registry();
    const dropped = counter(registry, 'dropped', 'x');
    const handlers = createHandlers({
      decide,
      maxBatchChecks: 10,
      checks: counter(registry, 'checks', 'x', ['switch', 'action']),
      checkErrors: counter(registry, 'check_errors', 'x', ['switch']),
      deadlineDropped: dropped,
    });
    let decided = 0;
    const call = {
      request: { calling: N, called: '1', requestId: '' } as CheckRequest,
      metadata: { get: () => ['sw'] },
      getDeadline: () => Date.now() - 1,
    };
    handlers.Check(call as never, (err: unknown) => {
      decided += 1;
      expect(err).toMatchObject({ code: status.DEADLINE_EXCEEDED });
    });
    expect(decided).toBe(1);
  });
});

describe('precedence: operator decisions, then the strongest computed risk with its evidence', () => {
  const ONNET = '+8613612345678';
  const HOT = {
    trunk: 'TR-SPOOF',
    carrier: 'INTL-X',
    device: '356938035643809',
  };
  // Every computed signal against the call at once: a hot trunk and carrier with the call's own
  // evidence of their pattern, a flagged handset and the request-time spoofing signal.
  const everything = {
    calling: ONNET,
    called: '1',
    ingressTrunk: HOT.trunk,
    ingressCarrier: HOT.carrier,
    attestation: Attestation.ATTESTATION_C,
    callingDevice: HOT.device,
  };

  function hotView(overrides: Record<string, unknown> = {}): ReturnType<typeof setup> {
    const s = setup(overrides);
    s.view.applySource(
      `trunk:${HOT.trunk}`,
      verdictBytes(
        highVerdict(SubjectKind.SUBJECT_KIND_TRUNK, HOT.trunk, 'spoofing', 95, 'SRC_ONNET_FROM_OUTSIDE'),
      ),
    );
    s.view.applySource(
      `carrier:${HOT.carrier}`,
      verdictBytes(
        highVerdict(
          SubjectKind.SUBJECT_KIND_CARRIER,
          HOT.carrier,
          'spoofing',
          99,
          'SRC_ROTATING_SUSPECT_NUMBERS',
        ),
      ),
    );
    s.view.applySource(
      `device:${HOT.device}`,
      verdictBytes(
        highVerdict(SubjectKind.SUBJECT_KIND_DEVICE, HOT.device, 'scam', 97, 'DEVICE_MANY_NUMBERS'),
      ),
    );
    return s;
  }

  function decided(override: string, score = 0, level = Level.LEVEL_NONE): Buffer {
    return verdictBytes({
      ...highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, ONNET, level === Level.LEVEL_NONE ? '' : 'scam', score),
      level,
      override,
    });
  }

  it('answers ALLOW to an allowlist decision or an upheld redress, whatever else is against the call', () => {
    const { view, decide } = hotView({ blockLevel: 'MEDIUM' });
    expect(decide(everything).answer.decidedBy).toBe('carrier');
    for (const override of ['allowlist', 'redress']) {
      view.applyCaller(ONNET, decided(override));
      const a = decide(everything).answer;
      expect([a.action, a.decidedBy, a.label, a.block]).toEqual([Action.ACTION_ALLOW, override, null, null]);
    }
    // Risk-api's own allowlist is the same kind of decision.
    const own = hotView({ allowlist: [ONNET] });
    expect([own.decide(everything).answer.action, own.decide(everything).answer.decidedBy]).toEqual([
      Action.ACTION_ALLOW,
      'allowlist',
    ]);
  });

  it('blocks a blocklisted number by blocklistAction, not by blockLevel', () => {
    const { view, decide } = hotView({ blockLevel: 'NEVER', redressContact: 'https://appeal.example/' });
    view.applyCaller(ONNET, decided('blocklist', 100, Level.LEVEL_HIGH));
    const a = decide({ ...everything, attestation: Attestation.ATTESTATION_A }).answer;
    expect([a.action, a.decidedBy]).toEqual([Action.ACTION_BLOCK, 'blocklist']);
    expect(a.block).toEqual({
      sipCode: 603,
      sipReason: 'Network Blocked',
      isupCause: 21,
      reasonCode: 'RINGFENCE-RISK',
      redressContact: 'https://appeal.example/',
    });
    // The same HIGH computed, with no decision behind it, only labels under the same policy.
    view.applyCaller(ONNET, decided('', 100, Level.LEVEL_HIGH));
    expect(decide({ calling: ONNET, called: '1' }).answer.action).toBe(Action.ACTION_LABEL);

    const labelOnly = hotView({ blockLevel: 'HIGH', blocklistAction: 'LABEL' });
    labelOnly.view.applyCaller(ONNET, decided('blocklist', 100, Level.LEVEL_HIGH));
    const l = labelOnly.decide(everything).answer;
    expect([l.action, l.decidedBy, l.block]).toEqual([Action.ACTION_LABEL, 'blocklist', null]);
  });

  it('blocks a blocklisted device unless the number itself is allowlisted', () => {
    const { view, decide } = hotView();
    view.applySource(
      `device:${HOT.device}`,
      verdictBytes({
        ...highVerdict(SubjectKind.SUBJECT_KIND_DEVICE, HOT.device, 'scam', 100),
        override: 'blocklist',
      }),
    );
    view.applyCaller(ONNET, verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, ONNET, 'scam', 99)));
    expect([decide(everything).answer.action, decide(everything).answer.decidedBy]).toEqual([
      Action.ACTION_BLOCK,
      'blocklist',
    ]);
    view.applyCaller(ONNET, decided('allowlist'));
    expect(decide(everything).answer.decidedBy).toBe('allowlist');
  });

  it('reads confirm and false_positive as the computed verdict they already are', () => {
    const { view, decide } = setup();
    view.applyCaller(ONNET, decided('false_positive'));
    const fp = decide({ ...everything, callingDevice: '' }).answer;
    // Cleared number, but a spoofed call bearing it still shows the request-time signal.
    expect(fp.decidedBy).toBe('request');
    view.applyCaller(ONNET, decided('confirm', 90, Level.LEVEL_HIGH));
    expect(decide({ calling: ONNET, called: '1' }).answer.decidedBy).toBe('number');
  });

  it('never labels a new number for its flagged carrier or trunk alone', () => {
    const { decide } = hotView();
    for (const attestation of [Attestation.ATTESTATION_A, Attestation.ATTESTATION_B]) {
      const a = decide({ ...everything, callingDevice: '', attestation }).answer;
      expect([a.action, a.decidedBy, a.reasons]).toEqual([Action.ACTION_ALLOW, '', []]);
    }
    // Not an own-range number: nothing in the call says it is spoofed.
    const offNet = decide({ ...everything, callingDevice: '', calling: '+8613311112222' }).answer;
    expect([offNet.action, offNet.decidedBy]).toEqual([Action.ACTION_ALLOW, '']);
    // The same call with missing attestation shows the pattern: the strongest source decides.
    const a = decide({
      ...everything,
      callingDevice: '',
      attestation: Attestation.ATTESTATION_UNSPECIFIED,
    }).answer;
    expect([a.action, a.decidedBy, a.reasons.map((r) => r.code)]).toEqual([
      Action.ACTION_LABEL,
      'carrier',
      ['SRC_ROTATING_SUSPECT_NUMBERS'],
    ]);
  });

  it('lets a source decide only for the pattern it was flagged for', () => {
    const { view, decide } = setup();
    view.applySource(
      'carrier:ROBO',
      verdictBytes(
        highVerdict(SubjectKind.SUBJECT_KIND_CARRIER, 'ROBO', 'robocall', 99, 'SRC_LOW_ANSWER_RATIO'),
      ),
    );
    view.applySource(
      'carrier:BADNUM',
      verdictBytes(
        highVerdict(SubjectKind.SUBJECT_KIND_CARRIER, 'BADNUM', 'spoofing', 99, 'SRC_INVALID_NUMBERS'),
      ),
    );
    const unattested = { calling: ONNET, called: '1', attestation: Attestation.ATTESTATION_C };
    // No single call shows a low answer ratio: such a carrier never decides.
    expect(decide({ ...unattested, ingressCarrier: 'ROBO' }).answer.decidedBy).toBe('request');
    // Flagged for invalid numbers: an own-range number from outside is not that pattern...
    expect(decide({ ...unattested, ingressCarrier: 'BADNUM' }).answer.decidedBy).toBe('request');
    // ...a number that cannot have been assigned is.
    const invalid = '+8612345678';
    const a = decide({
      calling: invalid,
      called: '1',
      ingressCarrier: 'BADNUM',
      attestation: Attestation.ATTESTATION_A,
    }).answer;
    expect([a.decidedBy, a.reasons.map((r) => r.code)]).toEqual(['carrier', ['SRC_INVALID_NUMBERS']]);
  });

  it("keeps the number's own verdict when a source has no evidence in the call", () => {
    const { view, decide } = hotView();
    view.applyCaller(
      ONNET,
      verdictBytes({
        ...highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, ONNET, 'telemarketing', 50),
        level: Level.LEVEL_MEDIUM,
      }),
    );
    const a = decide({
      calling: ONNET,
      called: '1',
      ingressTrunk: HOT.trunk,
      ingressCarrier: HOT.carrier,
      attestation: Attestation.ATTESTATION_A,
    }).answer;
    expect([a.decidedBy, a.category, a.reasons.map((r) => r.code)]).toEqual([
      'number',
      'telemarketing',
      ['CALLS_PER_HOUR'],
    ]);
  });

  it("never takes a roaming subscriber's own-range number from outside for spoofing", () => {
    const { view, decide } = hotView();
    const roaming = {
      ...everything,
      callingDevice: '',
      callingLocation: CallingLocation.CALLING_LOCATION_ROAMING,
    };
    for (const attestation of [Attestation.ATTESTATION_C, Attestation.ATTESTATION_UNSPECIFIED]) {
      // Without the location this call is the hot trunk's and carrier's pattern and the request signal.
      expect(decide({ ...roaming, attestation, callingLocation: undefined }).answer.decidedBy).toBe(
        'carrier',
      );
      const a = decide({ ...roaming, attestation }).answer;
      expect([a.action, a.decidedBy, a.reasons]).toEqual([Action.ACTION_ALLOW, '', []]);
    }
    // A number cleared by an operator stays cleared: no request signal against the roamer.
    view.applyCaller(ONNET, decided('false_positive'));
    expect(decide(roaming).answer.decidedBy).toBe('number');
    expect(decide(roaming).answer.action).toBe(Action.ACTION_ALLOW);
    // The number's own verdict, or its handset's, still decides: roaming clears the route, not the caller.
    view.applyCaller(ONNET, verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, ONNET, 'scam', 90)));
    expect(decide(roaming).answer.decidedBy).toBe('number');
    expect(
      decide({ ...roaming, calling: '+8613311112222', callingDevice: HOT.device }).answer.decidedBy,
    ).toBe('device');
  });

  it('takes an own-range number from outside while its subscriber is at home for spoofing, attested or not', () => {
    const home = {
      calling: ONNET,
      called: '1',
      ingressCarrier: 'INTL-X',
      callingLocation: CallingLocation.CALLING_LOCATION_HOME,
    };
    const { decide } = setup();
    for (const attestation of [
      Attestation.ATTESTATION_A,
      Attestation.ATTESTATION_B,
      Attestation.ATTESTATION_C,
    ]) {
      const a = decide({ ...home, attestation }).answer;
      expect([a.action, a.decidedBy, a.category, a.score, a.reasons.map((r) => r.code)]).toEqual([
        Action.ACTION_LABEL,
        'request',
        'spoofing',
        testConfig().spoofSignalScore,
        ['ONNET_RANGE_FOREIGN_CARRIER_SUBSCRIBER_HOME'],
      ]);
      // Without the location an attested call shows nothing.
      if (attestation !== Attestation.ATTESTATION_C)
        expect(decide({ ...home, attestation, callingLocation: undefined }).answer.decidedBy).toBe('');
    }
    expect(decide(home).answer.decidedBy).toBe('request');
    // From our own network the subscriber's being at home is no evidence.
    expect(
      decide({ ...home, ingressCarrier: 'ON-NET', attestation: Attestation.ATTESTATION_C }).answer.decidedBy,
    ).toBe('');
    // A flagged source's on-net pattern is shown by an attested call too, and the stronger source wins.
    const hot = hotView();
    const attested = { ...everything, callingDevice: '', attestation: Attestation.ATTESTATION_A };
    expect(hot.decide(attested).answer.decidedBy).toBe('');
    const a = hot.decide({ ...attested, callingLocation: CallingLocation.CALLING_LOCATION_HOME }).answer;
    expect([a.decidedBy, a.reasons.map((r) => r.code)]).toEqual([
      'carrier',
      ['SRC_ROTATING_SUSPECT_NUMBERS'],
    ]);
  });

  it('lets a flagged calling device decide with no other evidence, and ignores unknown devices', () => {
    const { decide } = hotView();
    const plain = { calling: '+8613311112222', called: '1', attestation: Attestation.ATTESTATION_A };
    const a = decide({ ...plain, callingDevice: HOT.device }).answer;
    expect([a.action, a.decidedBy, a.category]).toEqual([Action.ACTION_LABEL, 'device', 'scam']);
    expect(decide({ ...plain, callingDevice: '000000000000000' }).answer.decidedBy).toBe('');
    expect(decide(plain).answer.decidedBy).toBe('');
  });
});

describe('spoofing routes and the call’s own evidence (issue 22)', () => {
  const GATEWAY = 'TG-SH-INTL-01';
  const DOMESTIC = 'TG-GZ-IC-07';
  const OFFNET = '+8615512345678';
  const source = (kind: SubjectKind, id: string, codes: string[]): Buffer =>
    verdictBytes({
      ...highVerdict(kind, id, 'spoofing', 95),
      reasons: codes.map((code) => ({ code, value: 30, threshold: 20, window: '24h', points: 40 })),
    });
  function routes(): ReturnType<typeof setup> {
    const s = setup();
    s.view.applySource(
      `trunk:${GATEWAY}`,
      source(SubjectKind.SUBJECT_KIND_TRUNK, GATEWAY, [
        'SRC_ROTATING_SUSPECT_NUMBERS',
        'SRC_LOW_ANSWER_RATIO',
      ]),
    );
    s.view.applySource(
      `trunk:${DOMESTIC}`,
      source(SubjectKind.SUBJECT_KIND_TRUNK, DOMESTIC, [
        'SRC_ROTATING_SUSPECT_NUMBERS',
        'SRC_UNATTESTED_CALLERS',
      ]),
    );
    s.view.applySource(
      'carrier:CU',
      source(SubjectKind.SUBJECT_KIND_CARRIER, 'CU', [
        'SRC_ROTATING_SUSPECT_NUMBERS',
        'SRC_UNATTESTED_CALLERS',
      ]),
    );
    return s;
  }
  const call = (
    calling: string,
    ingressTrunk: string,
    attestation: Attestation,
    callingLocation = CallingLocation.CALLING_LOCATION_UNSPECIFIED,
  ): CheckRequest =>
    ({
      calling,
      called: '+8613911112222',
      ingressTrunk,
      ingressCarrier: ingressTrunk === GATEWAY ? 'INTL-GW-3' : 'CU',
      attestation,
      callingLocation,
    }) as CheckRequest;
  const outcome = (a: { action: Action; decidedBy: string }): [Action, string] => [a.action, a.decidedBy];

  it('labels a home-format number arriving unattested on a flagged international gateway', () => {
    const { decide } = routes();
    for (const attestation of [Attestation.ATTESTATION_UNSPECIFIED, Attestation.ATTESTATION_C]) {
      expect(outcome(decide(call(OFFNET, GATEWAY, attestation)).answer)).toEqual([
        Action.ACTION_LABEL,
        'trunk',
      ]);
    }
    // Look-alikes on the same gateway: a foreign caller, our roaming subscriber, an attested call.
    const allowed: [string, Attestation, CallingLocation][] = [
      ['+447501234567', Attestation.ATTESTATION_UNSPECIFIED, CallingLocation.CALLING_LOCATION_UNSPECIFIED],
      ['+8613612345678', Attestation.ATTESTATION_UNSPECIFIED, CallingLocation.CALLING_LOCATION_ROAMING],
      ['+8613612345678', Attestation.ATTESTATION_C, CallingLocation.CALLING_LOCATION_ROAMING],
      [OFFNET, Attestation.ATTESTATION_A, CallingLocation.CALLING_LOCATION_UNSPECIFIED],
      [OFFNET, Attestation.ATTESTATION_B, CallingLocation.CALLING_LOCATION_UNSPECIFIED],
    ];
    for (const [calling, attestation, location] of allowed) {
      expect(outcome(decide(call(calling, GATEWAY, attestation, location)).answer), calling).toEqual([
        Action.ACTION_ALLOW,
        '',
      ]);
    }
  });

  it('labels an unattested call on a route whose unattested callers stand out, not an attested-C one', () => {
    const { decide } = routes();
    expect(outcome(decide(call(OFFNET, DOMESTIC, Attestation.ATTESTATION_UNSPECIFIED)).answer)).toEqual([
      Action.ACTION_LABEL,
      'trunk',
    ]);
    // Attestation C is what the route's ordinary callers get too: a brand-new number is not labelled.
    expect(outcome(decide(call(OFFNET, DOMESTIC, Attestation.ATTESTATION_C)).answer)).toEqual([
      Action.ACTION_ALLOW,
      '',
    ]);
    expect(outcome(decide(call(OFFNET, DOMESTIC, Attestation.ATTESTATION_B)).answer)).toEqual([
      Action.ACTION_ALLOW,
      '',
    ]);
    // A source flagged only for rotating suspect ids, on a domestic route: missing attestation alone
    // is not its pattern (a route that attests nothing would be labelled whole).
    const { view, decide: d2 } = setup();
    view.applySource(
      'trunk:TG-LEGACY',
      source(SubjectKind.SUBJECT_KIND_TRUNK, 'TG-LEGACY', ['SRC_ROTATING_SUSPECT_NUMBERS']),
    );
    expect(outcome(d2(call(OFFNET, 'TG-LEGACY', Attestation.ATTESTATION_UNSPECIFIED)).answer)).toEqual([
      Action.ACTION_ALLOW,
      '',
    ]);
  });

  it('continues no history on a network that attests no call, where every call is unverified', () => {
    const { view, decide } = routes();
    const TRUNK = 'TG-GZ-IC-09';
    view.applySource(
      `trunk:${TRUNK}`,
      source(SubjectKind.SUBJECT_KIND_TRUNK, TRUNK, ['SRC_ROTATING_SUSPECT_NUMBERS']),
    );
    view.applyCaller(
      OFFNET,
      verdictBytes({
        ...highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, OFFNET, 'spoofing', 30, 'VIA_SPOOFING_SOURCE'),
        level: Level.LEVEL_LOW,
      }),
    );
    const unattested = {
      calling: OFFNET,
      called: '+8613911112222',
      ingressTrunk: TRUNK,
      ingressCarrier: 'CT',
    } as CheckRequest;
    // The first calls this risk-api sees carry no attestation: nothing says this one is the odd one.
    expect(outcome(decide(unattested).answer)).toEqual([Action.ACTION_ALLOW, 'number']);
    // Once attested calls are seen (here one of two), a missing attestation is evidence again.
    decide({
      ...unattested,
      calling: '+8613800000001',
      attestation: Attestation.ATTESTATION_A,
    });
    expect(outcome(decide(unattested).answer)).toEqual([Action.ACTION_LABEL, 'trunk']);
  });

  it('labels an unverified call of a number its own history implicates through the flagged trunk', () => {
    const { view, decide } = routes();
    const low = (code: string): Buffer =>
      verdictBytes({
        ...highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, OFFNET, 'spoofing', 30, code),
        level: Level.LEVEL_LOW,
      });
    view.applyCaller(OFFNET, low('VIA_SPOOFING_SOURCE'));
    expect(outcome(decide(call(OFFNET, DOMESTIC, Attestation.ATTESTATION_C)).answer)).toEqual([
      Action.ACTION_LABEL,
      'trunk',
    ]);
    // An attested call of the same number, or one its subscriber places while roaming: allowed.
    expect(outcome(decide(call(OFFNET, DOMESTIC, Attestation.ATTESTATION_B)).answer)).toEqual([
      Action.ACTION_ALLOW,
      'number',
    ]);
    expect(
      outcome(
        decide(call(OFFNET, DOMESTIC, Attestation.ATTESTATION_C, CallingLocation.CALLING_LOCATION_ROAMING))
          .answer,
      ),
    ).toEqual([Action.ACTION_ALLOW, 'number']);
    // Through a trunk nobody flagged, only its carrier: a carrier is too coarse to implicate by history.
    expect(outcome(decide(call(OFFNET, 'TG-GZ-IC-02', Attestation.ATTESTATION_C)).answer)).toEqual([
      Action.ACTION_ALLOW,
      'number',
    ]);
    // A LOW number for another reason has no such history.
    view.applyCaller(OFFNET, low('LOW_ANSWER_RATIO'));
    expect(outcome(decide(call(OFFNET, DOMESTIC, Attestation.ATTESTATION_C)).answer)).toEqual([
      Action.ACTION_ALLOW,
      'number',
    ]);
  });
});
