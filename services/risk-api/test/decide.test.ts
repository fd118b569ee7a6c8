import { status } from '@grpc/grpc-js';
import { isRingfenceError, Registry, counter, RingfenceError } from '@ringfence/common';
import { Action, Level, SubjectKind, type CheckRequest } from '@ringfence/proto';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../src/handlers.js';
import { createDecider, createPolicy, grpcStatusFor, RiskView, toGrpcStatus } from '../src/index.js';
import { highVerdict, testConfig, verdictBytes } from './support.js';

const N = '+8613911112222';

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
    const a = decide({ calling: N, called: '1' });
    expect(a.action).toBe(Action.ACTION_LABEL);
    expect(a.block).toBeNull();
    expect(Object.isFrozen(a)).toBe(true);
    // The same frozen answer is shared by every lookup: no per-call allocation in the view.
    expect(decide({ calling: N, called: '2' })).toBe(a);
  });

  it('blocks when configured, with the ATIS-1000099 instruction and redress contact', () => {
    const { view, decide } = setup({
      blockLevel: 'HIGH',
      blockMinScore: 80,
      redressContact: 'https://appeal.example/',
    });
    view.applyCaller(N, verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, N, 'scam', 90)));
    const a = decide({ calling: N, called: '1' });
    expect(a.action).toBe(Action.ACTION_BLOCK);
    expect(a.block).toEqual({
      sipCode: 603,
      sipReason: 'Network Blocked',
      isupCause: 21,
      reasonCode: 'RINGFENCE-RISK',
      redressContact: 'https://appeal.example/',
    });
    view.applyCaller(N, verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, N, 'scam', 70)));
    expect(decide({ calling: N, called: '1' }).action).toBe(Action.ACTION_LABEL);
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
    const a = decide({ calling: N, called: '1' });
    expect(a.action).toBe(Action.ACTION_ALLOW);
    expect(a.level).toBe(Level.LEVEL_LOW);
  });

  it('deletes on a tombstone and ignores unknown source kinds', () => {
    const { view, decide } = setup();
    view.applyCaller(N, verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, N, 'scam')));
    view.applyCaller(N, null);
    expect(decide({ calling: N, called: '1' }).action).toBe(Action.ACTION_ALLOW);
    view.applySource(
      'carrier:CX',
      verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_CARRIER, 'CX', 'robocall')),
    );
    view.applySource(
      'planet:Mars',
      verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_CARRIER, 'Mars', 'robocall')),
    );
    expect(view.sizes()).toEqual({ number: 0, trunk: 0, carrier: 1, device: 0 });
    const a = decide({ calling: '+8613311112222', called: '1', ingressCarrier: 'CX' });
    expect([a.decidedBy, a.label?.en]).toEqual(['carrier', 'Suspected harassment']);
    view.applySource('carrier:CX', null);
    expect(decide({ calling: '+8613311112222', called: '1', ingressCarrier: 'CX' }).decidedBy).toBe('');
  });

  it('prefers the number on a tie and the stronger source otherwise', () => {
    const { view, decide } = setup();
    view.applyCaller(N, verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, N, 'scam', 80)));
    view.applySource(
      'trunk:T1',
      verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_TRUNK, 'T1', 'robocall', 80)),
    );
    expect(decide({ calling: N, called: '1', ingressTrunk: 'T1' }).decidedBy).toBe('number');
    view.applySource(
      'trunk:T1',
      verdictBytes(highVerdict(SubjectKind.SUBJECT_KIND_TRUNK, 'T1', 'robocall', 95)),
    );
    expect(decide({ calling: N, called: '1', ingressTrunk: 'T1' }).decidedBy).toBe('trunk');
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
