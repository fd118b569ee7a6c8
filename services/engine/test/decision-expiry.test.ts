import { describe, expect, it } from 'vitest';
import { CollectingSink, Engine, loadRules, type FeedbackInput } from '../src/index.js';
import { HOUR, ROBO, T0, callee, cdr, newEngine, robocall } from './cdr-builder.js';

const QUIET = '+8613811110000';
const OTHER = '+8613822222222';

function robocalls(engine: Engine, n: number, start = T0): void {
  for (let i = 0; i < n; i++) engine.onCdr(robocall(i, start));
}

/** Someone else's calls, one an hour over `[fromH, toH]`: they move the engine's event time on. */
function traffic(engine: Engine, fromH: number, toH: number): void {
  for (let h = fromH; h <= toH; h++) engine.onCdr(cdr({ from: OTHER, to: callee(h), at: T0 + h * HOUR }));
}

function decision(over: Partial<FeedbackInput> & Pick<FeedbackInput, 'feedbackId'>): FeedbackInput {
  return { timeMs: T0, kind: 'number', id: QUIET, action: 'BLOCKLIST', ...over };
}

describe('decision expiry', () => {
  it('publishes the expiry with the decision and lapses it when event time reaches it', () => {
    const { engine, sink } = newEngine();
    robocalls(engine, 60);
    expect(sink.latest.get(ROBO)).toMatchObject({ level: 'HIGH', override: '' });
    const expiresMs = T0 + 6 * HOUR;
    engine.onFeedback(decision({ feedbackId: 'a1', id: ROBO, action: 'ALLOWLIST', expiresMs }));
    expect(sink.latest.get(ROBO)).toMatchObject({
      level: 'NONE',
      override: 'allowlist',
      overrideExpiresMs: expiresMs,
    });
    traffic(engine, 1, 5);
    expect(sink.latest.get(ROBO)?.override).toBe('allowlist');
    traffic(engine, 6, 6);
    // Lapsed at its expiry: the computed verdict is back, published at the expiry's event time.
    const back = sink.latest.get(ROBO)!;
    expect(back).toMatchObject({ level: 'HIGH', override: '' });
    expect(back.overrideExpiresMs).toBeUndefined();
    expect(back.updatedMs).toBe(T0 + 6 * HOUR);
    expect(engine.numbers[0]!.stage.feedback.decisions.has(ROBO)).toBe(false);
  });

  it('keeps a quiet number blocklisted past idle eviction until the expiry, then tombstones it', () => {
    const { engine, sink } = newEngine();
    engine.onCdr(cdr({ from: QUIET, at: T0 }));
    engine.onFeedback(decision({ feedbackId: 'b1', timeMs: T0 + 1, expiresMs: T0 + 40 * HOUR }));
    traffic(engine, 1, 30);
    expect(engine.numbers[0]!.stage.states.has(QUIET)).toBe(false);
    expect(sink.latest.get(QUIET)).toMatchObject({ level: 'HIGH', override: 'blocklist' });
    const before = sink.tombstones;
    traffic(engine, 31, 40);
    expect(sink.tombstones).toBe(before + 1);
    expect(sink.latest.get(QUIET)?.level).toBe('NONE');
    expect(engine.numbers[0]!.stage.verdicts.has(QUIET)).toBe(false);
  });

  it('uncovers the standing decision under a lapsed one', () => {
    const { engine, sink } = newEngine();
    engine.onFeedback(decision({ feedbackId: 'a1', action: 'ALLOWLIST' }));
    engine.onFeedback(decision({ feedbackId: 'b1', timeMs: T0 + 1, expiresMs: T0 + 2 * HOUR }));
    expect(sink.latest.get(QUIET)).toMatchObject({ override: 'blocklist', overrideExpiresMs: T0 + 2 * HOUR });
    traffic(engine, 1, 3);
    expect(sink.latest.get(QUIET)).toMatchObject({ level: 'NONE', override: 'allowlist' });
    expect(sink.latest.get(QUIET)?.overrideExpiresMs).toBeUndefined();
  });

  it('ignores a decision that had already lapsed when it arrived', () => {
    const { engine, sink } = newEngine();
    traffic(engine, 0, 5);
    engine.onFeedback(decision({ feedbackId: 'b1', expiresMs: T0 + HOUR }));
    expect(sink.latest.get(QUIET)).toBeUndefined();
  });

  it('keeps the expiry across a snapshot and lapses it after the restore', () => {
    const first = newEngine();
    first.engine.onCdr(cdr({ from: QUIET, at: T0 }));
    first.engine.onFeedback(decision({ feedbackId: 'b1', timeMs: T0 + 1, expiresMs: T0 + 40 * HOUR }));
    traffic(first.engine, 1, 30);
    const sink = new CollectingSink();
    const restored = new Engine(loadRules(), sink);
    restored.restore(first.engine.snapshot());
    expect(restored.numbers[0]!.stage.feedback.decisions.get(QUIET)?.[0]?.expiresMs).toBe(T0 + 40 * HOUR);
    traffic(restored, 31, 39);
    expect(sink.tombstones).toBe(0);
    traffic(restored, 40, 40);
    expect(sink.tombstones).toBe(1);
    expect(restored.numbers[0]!.stage.verdicts.has(QUIET)).toBe(false);
  });

  it('reads the previous snapshot version (decisions without expiry)', () => {
    const { engine } = newEngine();
    engine.onFeedback(decision({ feedbackId: 'b1' }));
    const snap = engine.snapshot();
    // The engine's blob (magic, partition counts, each stage's length, then the stages); both
    // stages' blobs start with their magic: RFS7 written, RFS3 must still read. With no subject
    // state (RFS4 to RFS6 also add tiny-state fields), the two differ only in the decisions' expiry.
    const numbersLength = snap.readUInt32LE(12);
    const v3 = Buffer.from(snap);
    for (const at of [20, 20 + numbersLength]) {
      expect(v3.readInt32LE(at)).toBe(0x52465338);
      v3.writeInt32LE(0x52465333, at);
    }
    const restored = new Engine(loadRules(), new CollectingSink());
    restored.restore(v3);
    expect(restored.numbers[0]!.stage.feedback.current(QUIET, T0)?.action).toBe('BLOCKLIST');
    expect(restored.snapshot().equals(snap)).toBe(true);
  });
});
