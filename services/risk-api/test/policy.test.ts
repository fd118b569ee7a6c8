import { Action, Level, type IReason, type IRiskVerdict } from '@ringfence/proto';
import { describe, expect, it } from 'vitest';
import { createAnswerInterner } from '../src/answer-interner.js';
import { createPolicy, NO_RISK, RiskView } from '../src/index.js';
import { testConfig, verdictBytes } from './support.js';

function verdict(reasons: IReason[], overrides: Partial<IRiskVerdict> = {}): IRiskVerdict {
  return {
    score: 80,
    level: Level.LEVEL_HIGH,
    category: 'scam',
    reasons,
    updatedMs: 1_700_000_000_000,
    ...overrides,
  };
}

const attempts = (value: number): IReason => ({
  code: 'HIGH_ATTEMPTS_1H',
  value,
  threshold: 40,
  window: '1h',
  points: 10,
});
const oneRing: IReason = { code: 'ONE_RING', value: 7, threshold: 5, window: '1h', points: 20 };

describe('policy answers share what repeats', () => {
  it('gives equal reason lists from different verdicts the same frozen array and reasons', () => {
    const policy = createPolicy(testConfig());
    // Fresh objects each time, as decoding each verdict gives.
    const a = policy.verdictAnswer(verdict([attempts(55), { ...oneRing }], { score: 90 }), 'number');
    const b = policy.verdictAnswer(
      verdict([attempts(55), { ...oneRing }], { score: 70, level: Level.LEVEL_MEDIUM }),
      'number',
    );
    expect(b.reasons).toBe(a.reasons);
    expect(Object.isFrozen(a.reasons)).toBe(true);
    expect(a.reasons.every((r) => Object.isFrozen(r))).toBe(true);
    // Each answer still carries its own verdict's values.
    expect(a).not.toBe(b);
    expect([a.score, a.level, b.score, b.level]).toEqual([90, Level.LEVEL_HIGH, 70, Level.LEVEL_MEDIUM]);
  });

  it('shares reasons and categories across answers decoded from the wire', () => {
    const view = new RiskView(createPolicy(testConfig()));
    const bytes = verdictBytes(verdict([attempts(55)]));
    view.applyCaller('+8613911110001', bytes);
    view.applyCaller('+8613911110002', Buffer.from(bytes));
    view.applySource('trunk:TR-1', Buffer.from(bytes));
    const one = view.numbers.answerAt(view.numbers.find('+8613911110001'));
    const two = view.numbers.answerAt(view.numbers.find('+8613911110002'));
    const trunk = view.trunks.get('TR-1')!.answer;
    // Equal verdicts answer with one object; the trunk's answer differs (decided by the trunk).
    expect(two).toBe(one);
    expect(view.numbers.answerCount).toBe(1);
    expect(trunk).not.toBe(one);
    expect(two.reasons).toBe(one.reasons);
    expect(trunk.reasons).toBe(one.reasons);
    expect(two.label).toBe(one.label);
    expect(one.category).toBe('scam');
  });

  it('gives equal answers one key, and answers that differ in any field different keys', () => {
    const policy = createPolicy(testConfig());
    const base = verdict([attempts(55)]);
    const key = policy.answerKey(policy.verdictAnswer(base, 'number'));
    // updatedMs is the subject's own, not the answer's; a list decoded afresh is the same list.
    expect(
      policy.answerKey(policy.verdictAnswer({ ...base, reasons: [attempts(55)], updatedMs: 1 }, 'number')),
    ).toBe(key);
    const variants: IRiskVerdict[] = [
      { ...base, score: 81 },
      { ...base, level: Level.LEVEL_MEDIUM },
      { ...base, category: 'robocall' },
      { ...base, reasons: [attempts(56)] },
      { ...base, reasons: [attempts(55), oneRing] },
      { ...base, override: 'blocklist' },
      { ...base, override: 'blocklist', overrideExpiresMs: 5 },
      { ...base, override: 'redress' },
      { ...base, override: 'redress', overrideExpiresMs: 9 },
    ];
    const keys = [...variants.map((v) => policy.answerKey(policy.verdictAnswer(v, 'number'))), key];
    expect(new Set(keys).size).toBe(keys.length);
    expect(policy.answerKey(policy.verdictAnswer(base, 'trunk'))).not.toBe(key);
    // Past the interning cap lists are no longer shared, and their answers' keys still agree.
    const full = createPolicy(testConfig(), 0);
    const a = full.verdictAnswer(base, 'number');
    const b = full.verdictAnswer({ ...base, reasons: [attempts(55)] }, 'number');
    expect(b.reasons).not.toBe(a.reasons);
    expect(full.answerKey(b)).toBe(full.answerKey(a));
  });

  it('keeps different lists apart, by value, order and every field', () => {
    const policy = createPolicy(testConfig());
    const base = policy.answerFor(verdict([attempts(55), oneRing]), 'number').reasons;
    const variants: IReason[][] = [
      [attempts(56), oneRing],
      [oneRing, attempts(55)],
      [attempts(55)],
      [attempts(55), { ...oneRing, threshold: 6 }],
      [attempts(55), { ...oneRing, window: '24h' }],
      [attempts(55), { ...oneRing, points: 21 }],
      [attempts(55), { ...oneRing, code: 'ONE_RING_' }],
    ];
    for (const reasons of variants) {
      const got = policy.answerFor(verdict(reasons), 'number').reasons;
      expect(got).not.toBe(base);
      expect(got).toEqual(reasons);
    }
  });

  it('does not confuse lists whose fields run into each other', () => {
    const policy = createPolicy(testConfig());
    const a = policy.answerFor(
      verdict([{ code: 'A1', value: 2, threshold: 3, window: 'h', points: 4 }]),
      'n',
    );
    const b = policy.answerFor(
      verdict([{ code: 'A', value: 12, threshold: 3, window: 'h', points: 4 }]),
      'n',
    );
    const c = policy.answerFor(verdict([{ code: 'A1', value: 2, threshold: 3, window: '', points: 4 }]), 'n');
    expect(new Set([a.reasons, b.reasons, c.reasons]).size).toBe(3);
    expect(b.reasons[0]).toEqual({ code: 'A', value: 12, threshold: 3, window: 'h', points: 4 });
  });

  it('fills in missing fields and keeps answers frozen with the right values', () => {
    const policy = createPolicy(testConfig({ blockLevel: 'HIGH' }));
    const a = policy.verdictAnswer(verdict([{ code: 'COMPLAINTS', value: -0 }]), 'number');
    expect(Object.isFrozen(a)).toBe(true);
    expect(a.action).toBe(Action.ACTION_BLOCK);
    expect(a.category).toBe('scam');
    expect(a.reasons).toEqual([{ code: 'COMPLAINTS', value: -0, threshold: 0, window: '', points: 0 }]);
    expect(Object.is(a.reasons[0]!.value, -0)).toBe(true);
    const zero = policy.verdictAnswer(verdict([{ code: 'COMPLAINTS', value: 0 }]), 'number');
    expect(Object.is(zero.reasons[0]!.value, 0)).toBe(true);
    expect(policy.answerFor(verdict([]), 'number').reasons).toBe(NO_RISK.reasons);
    expect(policy.answerFor(verdict([], { reasons: null }), 'number').reasons).toBe(NO_RISK.reasons);
  });

  it('starts afresh at the cap: what answers hold stays valid, and sharing resumes', () => {
    const cap = 16;
    const policy = createPolicy(testConfig(), cap);
    const early = policy.answerFor(verdict([attempts(41)]), 'number');
    expect(policy.interned.generations()).toBe(0);
    // Each distinct list adds a list and a reason: the cap is passed on the way.
    for (let v = 100; v < 100 + cap; v++) policy.answerFor(verdict([attempts(v)]), 'number');
    // The policy reports its fresh starts (the risk-api's metrics read them).
    expect(policy.interned.generations()).toBeGreaterThanOrEqual(1);
    expect(policy.interned.size()).toBeLessThanOrEqual(cap);
    const late = [attempts(1000)];
    const first = policy.answerFor(verdict(late), 'number');
    const second = policy.answerFor(verdict(late), 'number');
    expect(second.reasons).toBe(first.reasons);
    expect(second.reasons).toEqual(late);
    expect(Object.isFrozen(second.reasons)).toBe(true);
    expect(second.reasons.every((r) => Object.isFrozen(r))).toBe(true);
    // An answer made before the fresh start keeps its list, and an equal list now is a new one with
    // the same key: the number table still holds equal answers once.
    expect(early.reasons).toEqual([attempts(41)]);
    const again = policy.answerFor(verdict([attempts(41)]), 'number');
    expect(again.reasons).not.toBe(early.reasons);
    expect(policy.answerKey(again)).toBe(policy.answerKey(early));
    expect(policy.answerFor(verdict([attempts(41)]), 'number').reasons).toBe(again.reasons);
  });

  it('never holds more entries than the cap, and lets go of what it no longer sees', () => {
    const interner = createAnswerInterner(10);
    const kept = interner.reasons([attempts(1), { ...oneRing, value: 1 }]);
    for (let v = 2; v < 50; v++) {
      interner.reasons([attempts(v), { ...oneRing, value: v }]);
      interner.string(`category-${v}`);
      expect(interner.size()).toBeLessThanOrEqual(10);
    }
    // Four entries a round (two reasons, a list, a string): well past the cap, several times over.
    expect(interner.generations()).toBeGreaterThanOrEqual(15);
    // The first list is gone from the tables; the answer that holds it still reads it whole.
    expect(interner.reasons([attempts(1), { ...oneRing, value: 1 }])).not.toBe(kept);
    expect(kept).toEqual([attempts(1), { ...oneRing, value: 1 }]);
    // A list seen twice in a row is shared again.
    const x = interner.reasons([attempts(7)]);
    expect(interner.reasons([attempts(7)])).toBe(x);
  });

  it('shares nothing with a cap of 0', () => {
    const interner = createAnswerInterner(0);
    const a = interner.reasons([attempts(3)]);
    expect(interner.reasons([attempts(3)])).not.toBe(a);
    expect([interner.size(), interner.generations()]).toEqual([0, 0]);
  });
});
