import { Action, Attestation, Level, SubjectKind } from '@ringfence/proto';
import { describe, expect, it } from 'vitest';
import { createDecider, createPolicy, RiskView } from '../src/index.js';
import { highVerdict, testConfig, verdictBytes } from './support.js';

const ONNET = '+8613612345678';
const DEVICE = '356938035643809';
const EXPIRES = 1_800_000_000_000;

/** A view, and a decider whose wall clock the test sets. */
function setup(): { view: RiskView; decide: ReturnType<typeof createDecider>; clock: { now: number } } {
  const config = testConfig({ blockLevel: 'NEVER' });
  const policy = createPolicy(config);
  const view = new RiskView(policy);
  const clock = { now: EXPIRES - 1 };
  return { view, decide: createDecider(view, policy, config, () => clock.now), clock };
}

function decided(override: string, expiresMs: number, score = 0, level = Level.LEVEL_NONE): Buffer {
  return verdictBytes({
    ...highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, ONNET, level === Level.LEVEL_NONE ? '' : 'scam', score),
    level,
    override,
    overrideExpiresMs: expiresMs,
  });
}

// A spoofed-looking call: the request-time signal labels it unless a decision stands.
const call = {
  calling: ONNET,
  called: '1',
  ingressCarrier: 'INTL-X',
  attestation: Attestation.ATTESTATION_C,
};

describe('decision expiry at call time', () => {
  it('applies an allowlist until its expiry, then decides as if there were none', () => {
    const { view, decide, clock } = setup();
    view.applyCaller(ONNET, decided('allowlist', EXPIRES));
    const a = decide(call).answer;
    expect([a.action, a.decidedBy, a.expiresMs]).toEqual([Action.ACTION_ALLOW, 'allowlist', EXPIRES]);
    clock.now = EXPIRES;
    const b = decide(call).answer;
    expect([b.action, b.decidedBy]).toEqual([Action.ACTION_LABEL, 'request']);
  });

  it('blocks a blocklisted number until its expiry, whatever the scorer has not yet republished', () => {
    const { view, decide, clock } = setup();
    view.applyCaller(ONNET, decided('blocklist', EXPIRES, 100, Level.LEVEL_HIGH));
    expect(decide({ calling: ONNET, called: '1' }).answer.action).toBe(Action.ACTION_BLOCK);
    clock.now = EXPIRES + 1;
    const after = decide({ calling: ONNET, called: '1' }).answer;
    expect([after.action, after.decidedBy]).toEqual([Action.ACTION_ALLOW, '']);
  });

  it('lapses a device blocklist at its expiry', () => {
    const { view, decide, clock } = setup();
    view.applySource(
      `device:${DEVICE}`,
      verdictBytes({
        ...highVerdict(SubjectKind.SUBJECT_KIND_DEVICE, DEVICE, 'scam', 100),
        override: 'blocklist',
        overrideExpiresMs: EXPIRES,
      }),
    );
    const req = { calling: ONNET, called: '1', callingDevice: DEVICE };
    expect(decide(req).answer.action).toBe(Action.ACTION_BLOCK);
    clock.now = EXPIRES;
    expect(decide(req).answer.action).toBe(Action.ACTION_ALLOW);
  });

  it('keeps a decision without expiry for ever', () => {
    const { view, decide, clock } = setup();
    view.applyCaller(ONNET, decided('redress', 0));
    clock.now = Number.MAX_SAFE_INTEGER;
    expect(decide(call).answer.decidedBy).toBe('redress');
  });
});
