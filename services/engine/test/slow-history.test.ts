import type { ICallDetailRecord } from '@ringfence/proto';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../src/index.js';
import { SlowHistory } from '../src/slow-history.js';
import { SubjectState } from '../src/subject-state.js';
import { HOUR, MIN, T0, callee, cdr, newEngine } from './cdr-builder.js';

const DAY = 24 * HOUR;
const HARASSER = '+8613800000088';
const VICTIM = callee(88);
const FILLER = '+8613800000099';

/**
 * Four unanswered calls a day (10:00, 13:00, 16:00, 19:00 local) to one person on days 0, 1 and 3,
 * with two answered calls a day to others besides; quiet on day 2, when someone else's calls move
 * event time on (so the sweep evicts the harasser). Sorted by time.
 */
function slowHarassment(days: readonly number[] = [0, 1, 3]): ICallDetailRecord[] {
  const out: ICallDetailRecord[] = [];
  for (const d of days) {
    for (const h of [0, 3, 6, 9])
      out.push(cdr({ from: HARASSER, to: VICTIM, at: T0 + d * DAY + h * HOUR, answered: false, cause: 21 }));
    out.push(cdr({ from: HARASSER, to: callee(d * 2 + 1), at: T0 + d * DAY + HOUR }));
    out.push(cdr({ from: HARASSER, to: callee(d * 2 + 2), at: T0 + d * DAY + 5 * HOUR }));
  }
  for (let k = 0; k < 72; k++)
    out.push(cdr({ from: FILLER, to: callee(500 + k), at: T0 + DAY + 10 * HOUR + k * 30 * MIN }));
  return out.sort((a, b) => Number(a.setupTimeMs) - Number(b.setupTimeMs));
}

const codes = (v: Verdict | undefined): string[] => v?.reasons.map((r) => r.code) ?? [];

describe('slow patterns carried over days', () => {
  it('adds up a few unanswered calls a day to one person across days, across eviction', () => {
    const { engine, sink } = newEngine();
    let evicted = false;
    for (const c of slowHarassment()) {
      engine.onCdr(c);
      if (!engine.numbers[0]!.stage.states.has(HARASSER)) evicted = true;
    }
    // The harasser was swept out on the quiet day, with its counters kept for its return.
    expect(evicted).toBe(true);
    const v = sink.latest.get(HARASSER);
    expect(v?.level).toMatch(/MEDIUM|HIGH/);
    expect(v?.category).toBe('targeted_harassment');
    expect(codes(v)).toContain('REPEATED_CALLEE_DAYS');
    // Before the quiet day (8 calls on 2 days) the evidence was not enough.
    const early = newEngine();
    for (const c of slowHarassment([0, 1])) early.engine.onCdr(c);
    expect(early.sink.latest.get(HARASSER)?.level ?? 'NONE').toBe('NONE');
  });

  it('does not add up calls that get through, calls to many people, or one worried day', () => {
    const { engine, sink } = newEngine();
    const family = '+8613800000090';
    const line = '+862043670000';
    const worried = '+8613800000091';
    const calls: ICallDetailRecord[] = [];
    for (const d of [0, 1, 3]) {
      // Family calling mum a few times a day: most calls get through.
      for (const h of [0, 3, 6, 9])
        calls.push(cdr({ from: family, to: callee(90), at: T0 + d * DAY + h * HOUR, answered: h !== 0 }));
      // A reminder line: unanswered calls, each to someone else.
      for (let k = 0; k < 8; k++)
        calls.push(
          cdr({
            from: line,
            to: callee(1000 + d * 100 + k * 7),
            at: T0 + d * DAY + k * HOUR,
            answered: k % 3 === 0,
          }),
        );
    }
    // Someone ringing an unreachable partner all one day.
    for (let k = 0; k < 14; k++)
      calls.push(cdr({ from: worried, to: callee(91), at: T0 + k * 30 * MIN, answered: false }));
    calls.sort((a, b) => Number(a.setupTimeMs) - Number(b.setupTimeMs));
    for (const c of calls) engine.onCdr(c);
    engine.flush();
    for (const n of [family, line, worried])
      expect(codes(sink.latest.get(n)), n).not.toContain('REPEATED_CALLEE_DAYS');
    expect(sink.latest.get(family)?.level ?? 'NONE').toBe('NONE');
  });

  it('keeps the carried counters through a snapshot and restore', () => {
    const stream = slowHarassment();
    const whole = newEngine();
    for (const c of stream) whole.engine.onCdr(c);

    // Snapshot on the quiet day, after the sweep moved the harasser into the carried history.
    const cut = stream.findIndex((c) => Number(c.setupTimeMs) >= T0 + 3 * DAY);
    const first = newEngine();
    for (const c of stream.slice(0, cut)) first.engine.onCdr(c);
    expect(first.engine.numbers[0]!.stage.states.has(HARASSER)).toBe(false);
    expect(first.engine.numbers[0]!.history.size).toBe(1);
    const resumed = newEngine();
    resumed.engine.restore(first.engine.snapshot());
    for (const c of stream.slice(cut)) resumed.engine.onCdr(c);

    expect(codes(resumed.sink.latest.get(HARASSER))).toContain('REPEATED_CALLEE_DAYS');
    expect(resumed.sink.latest.get(HARASSER)?.score).toBe(whole.sink.latest.get(HARASSER)?.score);
    expect(resumed.engine.snapshot().equals(whole.engine.snapshot())).toBe(true);
  });

  it('adds up two calls a night to one person over a week with quiet nights between', () => {
    const { engine, sink } = newEngine();
    const pester = '+8613800000077';
    // 23:00 local (15:00 UTC), two unanswered calls, on six nights of eight.
    const calls = [0, 1, 3, 4, 6, 7].flatMap((n) =>
      [0, 1].map((k) =>
        cdr({ from: pester, to: callee(77), at: Date.UTC(2026, 10, 2 + n, 15, k * 20), answered: false }),
      ),
    );
    for (const c of calls) engine.onCdr(c);
    expect(codes(sink.latest.get(pester))).toContain('REPEATED_CALLEE_DAYS');
    expect(sink.latest.get(pester)?.category).toBe('targeted_harassment');
  });
});

describe('snapshots from before the slow-pattern counters', () => {
  it('restore an RFS4 number stage with the new counters at zero', () => {
    const { engine } = newEngine();
    engine.onCdr(cdr({ from: HARASSER, to: VICTIM, at: T0, answered: false }));
    const numbers = engine.numbers[0]!.snapshot();
    // Magic, three clocks, the count; the key; 25 tiny fields, then the four new ones (RFS5 on)
    // and the callee-block mask (RFS6).
    const keyAt = 4 + 3 * 8 + 4;
    const fieldsAt = keyAt + 4 + numbers.readInt32LE(keyAt);
    const newAt = fieldsAt + 25 * 8;
    expect(numbers.readDoubleLE(newAt + 8)).toBe(1); // slowCalls
    const v4 = Buffer.concat([numbers.subarray(0, newAt), numbers.subarray(newAt + 40)]);
    v4.writeInt32LE(0x52465334, 0);
    const restored = newEngine();
    restored.engine.numbers[0]!.restore(v4);
    const s = restored.engine.numbers[0]!.stage.states.get(HARASSER);
    expect(s).toMatchObject({ calls: 1, slowCallee: 0, slowCalls: 0, slowDays: 0, slowDay: 0 });
    expect(restored.engine.numbers[0]!.history.size).toBe(0);
  });

  it('restore an RFS5 number stage with no callee-block mask', () => {
    const { engine } = newEngine();
    engine.onCdr(cdr({ from: HARASSER, to: VICTIM, at: T0, answered: false }));
    const numbers = engine.numbers[0]!.snapshot();
    const keyAt = 4 + 3 * 8 + 4;
    const maskAt = keyAt + 4 + numbers.readInt32LE(keyAt) + 29 * 8;
    expect(numbers.readDoubleLE(maskAt)).toBeGreaterThan(0);
    const v5 = Buffer.concat([numbers.subarray(0, maskAt), numbers.subarray(maskAt + 8)]);
    v5.writeInt32LE(0x52465335, 0);
    const restored = newEngine();
    restored.engine.numbers[0]!.restore(v5);
    const s = restored.engine.numbers[0]!.stage.states.get(HARASSER);
    expect(s).toMatchObject({ calls: 1, slowCalls: 1, calleeBlocks: 0 });
  });
});

describe('SlowHistory', () => {
  const DAY_SEC = 86_400;
  const withHistory = (slowCalls: number, slowDay: number, pestCalls = 0, pestLastSec = 0): SubjectState => {
    const s = new SubjectState(0);
    Object.assign(s, {
      slowCallee: 7,
      slowCalls,
      slowDays: 3,
      slowDay,
      pestCallee: 9,
      pestCalls,
      pestNights: 2,
      pestLastSec,
    });
    return s;
  };

  it('keeps only numbers with history, at most its cap, the oldest evicted making room', () => {
    const h = new SlowHistory(2);
    h.keep('+861', withHistory(1, 100));
    expect(h.size).toBe(0);
    h.keep('+862', withHistory(5, 100));
    h.keep('+863', withHistory(5, 100));
    h.keep('+864', withHistory(5, 100));
    expect(h.size).toBe(2);
    const back = new SubjectState(0);
    h.revive('+862', back, 100 * DAY_SEC, 100, 48 * 3600);
    expect(back.slowCalls).toBe(0);
    h.revive('+864', back, 100 * DAY_SEC, 100, 48 * 3600);
    expect(back).toMatchObject({ slowCallee: 7, slowCalls: 5, slowDays: 3, slowDay: 100 });
    expect(h.size).toBe(1);
  });

  it('carries each counter only within its memory, and drops records past both', () => {
    const h = new SlowHistory();
    const now = 200 * DAY_SEC;
    h.keep('+865', withHistory(5, 190, 4, now - 3 * DAY_SEC));
    h.keep('+866', withHistory(5, 196, 4, now - 3600));
    h.expire(now, 200, 48 * 3600);
    expect(h.size).toBe(1);
    const back = new SubjectState(0);
    h.revive('+866', back, now + 2 * DAY_SEC, 202, 48 * 3600);
    // The night counts are past their 48 h, the day counts still within their week.
    expect(back).toMatchObject({ pestCalls: 0, slowCalls: 5 });
  });

  it('survives toJSON and restore, and refuses rows that do not match the keys', () => {
    const h = new SlowHistory();
    h.keep('+867', withHistory(6, 150));
    const saved = JSON.parse(JSON.stringify(h.toJSON())) as ReturnType<SlowHistory['toJSON']>;
    const r = new SlowHistory();
    r.restore(saved);
    const back = new SubjectState(0);
    r.revive('+867', back, 150 * DAY_SEC, 150, 48 * 3600);
    expect(back.slowCalls).toBe(6);
    expect(() => r.restore({ keys: ['+868', '+869'], rows: saved.rows })).toThrow(/history/);
  });
});
