import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, loadRules, parseRules, type Engine } from '../src/index.js';
import { HOUR, MIN, T0, callee, cdr, complaint, newEngine } from './cdr-builder.js';

const CALLER = '+8613800000001';
// Every number gets the full state on its first call, so each feature is exact.
const eager = parseRules({ ...loadRules(), promoteCallsPerHour: 1 });

function features(engine: Engine, key = CALLER): Record<string, number> {
  const s = engine.numbers[0]!.stage.states.get(key);
  if (s === undefined) throw new Error(`no state for ${key}`);
  const f = engine.numbers[0]!.stage.features(key, s);
  return Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, f[i]!]));
}

/** Places `n` calls one minute apart, built by `spec(i)`. */
function calls(engine: Engine, n: number, spec: (i: number) => Parameters<typeof cdr>[0], start = T0): void {
  for (let i = 0; i < n; i++) engine.onCdr(cdr({ at: start + i * MIN, ...spec(i) }));
}

describe('number features', () => {
  it('counts attempts in the 10m, 1h and 24h windows by event time', () => {
    const { engine } = newEngine(eager);
    calls(engine, 20, (i) => ({ to: callee(i * 1000) }));
    let f = features(engine);
    expect(f['attempts_10m']).toBe(10);
    expect(f['attempts_1h']).toBe(20);
    expect(f['attempts_24h']).toBe(20);
    // Two hours later the 1h window is empty again, the 24h window still holds everything.
    engine.onCdr(cdr({ at: T0 + 2 * HOUR, to: callee(99_999) }));
    f = features(engine);
    expect(f['attempts_1h']).toBe(1);
    expect(f['attempts_24h']).toBe(21);
    // A day and a half later only the new call remains.
    engine.onCdr(cdr({ at: T0 + 36 * HOUR, to: callee(88_888) }));
    expect(features(engine)['attempts_24h']).toBe(1);
  });

  it('measures answer, short-call, one-ring ratios and mean talk time', () => {
    const { engine } = newEngine(eager);
    calls(engine, 10, (i) =>
      i < 4
        ? { to: callee(i * 500), talkS: i < 2 ? 5 : 100 }
        : { to: callee(i * 500), answered: false, ringS: i < 7 ? 2 : 30 },
    );
    const f = features(engine);
    expect(f['answer_ratio']).toBeCloseTo(0.4);
    expect(f['short_ratio']).toBeCloseTo(0.5);
    expect(f['mean_talk_s']).toBeCloseTo(52.5);
    expect(f['one_ring_ratio']).toBeCloseTo(0.3);
  });

  it('sees sequential dialing and estimates distinct callees and blocks', () => {
    const { engine } = newEngine(eager);
    calls(engine, 40, (i) => ({ to: callee(i), answered: false }));
    const f = features(engine);
    expect(f['sequential_ratio']).toBeGreaterThan(0.95);
    expect(f['distinct_callees_24h']).toBeGreaterThan(32);
    expect(f['distinct_callees_24h']).toBeLessThanOrEqual(40);
    expect(f['distinct_blocks_24h']).toBeLessThanOrEqual(2);
  });

  it('counts repeats to one callee after rejection', () => {
    const { engine } = newEngine(eager);
    calls(engine, 12, () => ({ to: callee(7), answered: false, cause: 21 }));
    const f = features(engine);
    expect(f['max_calls_one_callee']).toBe(12);
    expect(f['repeat_after_reject']).toBe(11);
  });

  it('keeps the longest conversation with the most-called callee, in whole minutes', () => {
    const { engine } = newEngine(eager);
    // Twelve calls to one person, one of them a 200 s conversation; three to another, one of 10 min.
    calls(engine, 12, (i) => (i === 5 ? { to: callee(7), talkS: 200 } : { to: callee(7), answered: false }));
    calls(engine, 3, (i) => ({ to: callee(8), talkS: i === 0 ? 600 : 20 }), T0 + HOUR);
    expect(features(engine)['top_callee_talk_s']).toBe(180);
    // The same person rung a day and more later starts a new run of calls, and its talk with it.
    calls(engine, 13, () => ({ to: callee(7), answered: false }), T0 + 27 * HOUR);
    const f = features(engine);
    expect(f['max_calls_one_callee']).toBe(13);
    expect(f['top_callee_talk_s']).toBe(0);
  });

  it('computes night share in Asia/Shanghai local time', () => {
    const { engine } = newEngine(eager);
    const night = Date.parse('2026-11-02T23:30:00+08:00');
    calls(engine, 6, (i) => ({ to: callee(i * 777) }), night);
    calls(engine, 6, (i) => ({ to: callee(i * 777 + 3) }), T0 + HOUR);
    expect(features(engine)['night_share']).toBeCloseTo(0.5);
  });

  it('flags identity problems: ON-NET from outside, invalid, attestation, asserted mismatch, neighbour, video', () => {
    const { engine } = newEngine(eager);
    // A network whose calls carry attestation: there a missing one says something.
    engine.onCdr(cdr({ from: '+8613800000002', to: callee(1), at: T0 - HOUR, attestation: 1 }));
    calls(engine, 4, (i) => ({
      to: i % 2 === 0 ? '+8613800000777' : callee(i * 9999),
      carrier: 'VOIP-X',
      trunk: 'TG-X',
      attestation: i % 2 === 0 ? 0 : 3,
      valid: i !== 3,
      asserted: i === 1 ? '+8613500000000' : undefined,
      video: i < 3,
    }));
    const f = features(engine);
    expect(f['onnet_outside_share']).toBe(1);
    expect(f['invalid_share']).toBeCloseTo(0.25);
    expect(f['attestation_c_share']).toBe(1);
    expect(f['attestation_none_share']).toBeCloseTo(0.5);
    expect(f['asserted_mismatch_share']).toBeCloseTo(0.25);
    expect(f['neighbour_share']).toBeCloseTo(0.5);
    expect(f['video_share']).toBeCloseTo(0.75);
  });

  it('reads a missing attestation as nothing where calls carry none, and keeps that across a snapshot', () => {
    const { engine } = newEngine(eager);
    // A network without STIR/SHAKEN: no call is attested, so none is unverified either. Calls that
    // entered on the home network itself are vouched for as A would vouch; those from another are not.
    calls(engine, 4, (i) => ({
      to: i % 2 === 0 ? '+8613800000777' : callee(i * 9999),
      attestation: 0,
      ...(i < 3 ? {} : { carrier: 'CU', trunk: 'TG-CU' }),
    }));
    let f = features(engine);
    expect(f['attestation_in_use']).toBe(0);
    expect(f['attestation_none_share']).toBe(0);
    expect(f['neighbour_share']).toBe(0);
    expect(f['attestation_a_share']).toBeCloseTo(0.75);
    expect(f['attestation_c_share']).toBeCloseTo(0.25);
    const resumed = newEngine(eager);
    resumed.engine.restore(engine.snapshot());
    resumed.engine.onCdr(cdr({ at: T0 + HOUR, to: callee(5), attestation: 0 }));
    expect(features(resumed.engine)['attestation_none_share']).toBe(0);
    // Once attested calls are a twentieth of those seen, a missing attestation counts again.
    calls(
      engine,
      20,
      (i) => ({ from: `+86139000${String(i).padStart(5, '0')}`, to: callee(i), attestation: 1 }),
      T0 + HOUR,
    );
    engine.onCdr(cdr({ at: T0 + 2 * HOUR, to: callee(6), attestation: 0 }));
    f = features(engine);
    expect(f['attestation_in_use']).toBe(1);
    expect(f['attestation_none_share']).toBeGreaterThan(0);
  });

  it('counts complaints and their rate per answered call; number age from first seen', () => {
    const { engine } = newEngine(eager);
    calls(engine, 5, (i) => ({ to: callee(i * 31) }));
    engine.onComplaint(complaint(CALLER, T0 + 10 * MIN));
    engine.onComplaint(complaint(CALLER, T0 + 11 * MIN));
    engine.onCdr(cdr({ at: T0 + 3 * HOUR, to: callee(5) }));
    const f = features(engine);
    expect(f['complaints_24h']).toBe(2);
    expect(f['complaints_total']).toBe(2);
    expect(f['complaint_rate']).toBeCloseTo(2 / 6);
    expect(f['number_age_h']).toBeCloseTo(3);
  });

  it('rates complaints per answered call over the same span, however long ago the calls were', () => {
    const { engine } = newEngine(eager);
    // A line's 09:00 burst, 100 calls a minute apart, 70% answered, then four complaints in the
    // hours after it. By the end of the next day's burst at 09:30 the first has left the 24 h
    // window; the complaints about it have not.
    const burst = (from: number, first: number): void =>
      calls(engine, 100, (i) => ({ to: callee((first + i) * 7919), answered: i % 10 < 7, talkS: 35 }), from);
    burst(T0 - HOUR, 0);
    for (let k = 0; k < 4; k++)
      engine.onComplaint({
        ...complaint(CALLER, T0 + 90 * MIN + k * HOUR),
        reporter: { raw: callee(900 + k), e164: callee(900 + k), valid: true },
      });
    burst(T0 + 23 * HOUR + 30 * MIN, 100);
    const f = features(engine);
    expect(f['complaints_24h']).toBe(4);
    expect(f['answer_ratio']).toBeCloseTo(0.7);
    expect(f['complaint_rate']).toBeCloseTo(4 / 140);
  });

  it('restores a promoted number from a snapshot before lifetime answered counts with its window’s', () => {
    const { engine } = newEngine(eager);
    calls(engine, 10, (i) => ({ to: callee(i * 31) }));
    const stage = engine.numbers[0]!.stage;
    // What an RFS6 writer held for a number promoted on its first call: the tiny count stopped there.
    stage.states.get(CALLER)!.answered = 1;
    const snap = engine.numbers[0]!.snapshot();
    const answeredAfter = (magic: number): number => {
      const blob = Buffer.from(snap);
      blob.writeInt32LE(magic, 0);
      const restored = newEngine(eager);
      restored.engine.numbers[0]!.restore(blob);
      return restored.engine.numbers[0]!.stage.states.get(CALLER)!.answered;
    };
    expect(answeredAfter(0x52465336)).toBe(10);
    expect(answeredAfter(0x52465337)).toBe(1);
  });

  it('counts calls received in the last 24 h against calls made (asymmetry), in any arrival order', () => {
    const built = (order: 'calls-first' | 'received-first'): Record<string, number> => {
      const { engine } = newEngine(eager);
      const made = (): void => calls(engine, 12, (i) => ({ to: callee(i * 7) }), T0 + 2 * HOUR);
      // Three people call CALLER back within the day; one call 30 h earlier is outside the window.
      const received = (): void => {
        engine.onCdr(cdr({ at: T0 - 30 * HOUR, from: '+8613900000077', to: CALLER }));
        for (let i = 0; i < 3; i++)
          engine.onCdr(cdr({ at: T0 + i * HOUR, from: `+861390000008${i}`, to: CALLER }));
      };
      if (order === 'calls-first') {
        made();
        received();
      } else {
        received();
        made();
      }
      return features(engine);
    };
    for (const order of ['calls-first', 'received-first'] as const) {
      const f = built(order);
      expect(f['calls_received_24h']).toBe(3);
      expect(f['made_received_ratio']).toBeCloseTo(12 / 3);
    }
    const { engine } = newEngine(eager);
    calls(engine, 10, (i) => ({ to: callee(i) }));
    expect(features(engine)['calls_received_24h']).toBe(0);
    expect(features(engine)['made_received_ratio']).toBe(10);
  });

  it('measures a burst against the number own hourly baseline', () => {
    const { engine } = newEngine(eager);
    for (let h = 0; h < 30; h++) calls(engine, 4, (i) => ({ to: callee(h * 10 + i) }), T0 + h * HOUR);
    const before = features(engine)['burst_ratio'];
    calls(engine, 40, (i) => ({ to: callee(5000 + i * 13) }), T0 + 31 * HOUR);
    const after = features(engine)['burst_ratio'];
    expect(after).toBeGreaterThan(before! * 5);
  });
});

describe('source features', () => {
  it('counts numbers per device and distinct callers per trunk', () => {
    const { engine } = newEngine(eager);
    for (let i = 0; i < 30; i++) {
      engine.onCdr(
        cdr({
          at: T0 + i * MIN,
          from: `+86150000000${i % 5}`,
          to: callee(i),
          device: 'IMEI-1',
          trunk: 'TG-1',
          carrier: 'CU',
        }),
      );
    }
    const dev = engine.sources[0]!.stage.states.get('device:IMEI-1')!;
    const f = engine.sources[0]!.stage.features('device:IMEI-1', dev);
    expect(f[FEATURE_NAMES.indexOf('distinct_callers_24h')]).toBe(5);
    const trunk = engine.sources[0]!.stage.features(
      'trunk:TG-1',
      engine.sources[0]!.stage.states.get('trunk:TG-1')!,
    );
    expect(trunk[FEATURE_NAMES.indexOf('attempts_24h')]).toBe(30);
    // 64-register sketch: small counts can collide, so only the order of magnitude is asserted.
    expect(trunk[FEATURE_NAMES.indexOf('calls_per_caller')]).toBeGreaterThan(4);
    expect(trunk[FEATURE_NAMES.indexOf('calls_per_caller')]).toBeLessThan(9);
  });
});

describe('tiny state', () => {
  it('keeps a quiet number tiny and carries its counts into the full state on promotion', () => {
    const { engine } = newEngine(parseRules({ ...loadRules(), promoteCallsPerHour: 4 }));
    engine.onCdr(cdr({ at: T0, to: callee(1), answered: false, attestation: 3 }));
    engine.onCdr(cdr({ at: T0 + MIN, to: callee(2), attestation: 3 }));
    expect(engine.numbers[0]!.stage.states.get(CALLER)!.rich).toBeNull();
    engine.onCdr(cdr({ at: T0 + 2 * MIN, to: callee(3) }));
    engine.onCdr(cdr({ at: T0 + 3 * MIN, to: callee(4) }));
    expect(engine.numbers[0]!.stage.states.get(CALLER)!.rich).not.toBeNull();
    const f = features(engine);
    expect(f['attempts_24h']).toBe(4);
    expect(f['answer_ratio']).toBeCloseTo(0.75);
    expect(f['attestation_c_share']).toBeCloseTo(0.5);
  });
});
