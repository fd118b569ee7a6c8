import { describe, expect, it } from 'vitest';
import { readStage, writeStage } from '../src/snapshot.js';
import { HOUR, T0, callee, cdr, newEngine, robocall } from './cdr-builder.js';

const RFS7 = 0x52465337;
const RFS8 = 0x52465338;

/** A number stage that has seen robocalls, calls received, and calls sent again. */
function busyStage(): ReturnType<typeof newEngine>['engine']['numbers'][number] {
  const { engine } = newEngine();
  for (let i = 0; i < 80; i++) engine.onCdr(robocall(i));
  for (let h = 0; h < 30; h++) {
    const call = cdr({ from: callee(h), to: callee(h + 1), at: T0 + h * HOUR });
    engine.onCdr(call);
    engine.onCdr(call);
  }
  return engine.numbers[0]!;
}

describe('stage snapshots', () => {
  it('stores the number stage’s tables as bytes, not inside its JSON part', () => {
    const snap = busyStage().snapshot();
    expect(snap.readInt32LE(0)).toBe(RFS8);
    const { extra, tables } = readStage(newEngine().engine.numbers[0]!.stage, snap);
    expect(Object.keys(extra as object).sort()).toEqual([
      'attestation',
      'campaignCounts',
      'history',
      'watchedSinceSec',
    ]);
    // The received-calls sketch and the callee filter have fixed sizes; the call ids grow with input.
    expect(tables.map((t) => t.byteLength).slice(0, 2)).toEqual([
      25 * 4 + 25 * 2 * 16_384 * 2,
      8 + 2 * (1 << 20),
    ]);
    expect(tables[2]!.byteLength).toBeGreaterThan(26 * 8);
  });

  it('restores an RFS7 snapshot, whose tables are base64 in its JSON part, to the same state', () => {
    const stage = busyStage();
    const snap = stage.snapshot();
    const scratch = newEngine().engine.numbers[0]!.stage;
    const { extra, tables } = readStage(scratch, snap);
    const [received, called, callIds] = tables.map((t) => Buffer.from(t).toString('base64'));
    const rfs7 = writeStage(scratch, { ...(extra as object), received, called, callIds });
    rfs7.writeInt32LE(RFS7, 0);
    expect(rfs7.length).toBeGreaterThan(snap.length);

    const restored = newEngine().engine.numbers[0]!;
    restored.restore(rfs7);
    expect(restored.snapshot().equals(snap)).toBe(true);
  });

  it('hands keys a crashed owner published and no flush has settled yet on through the snapshot', () => {
    const { engine } = newEngine();
    for (let i = 0; i < 80; i++) engine.onCdr(robocall(i));
    const number = engine.numbers[0]!;
    const settled = number.snapshot();
    const [published] = [...number.stage.verdicts.keys()];
    expect(published).toBeDefined();
    const neverSeen = '+8613900000001';
    number.stage.suspects.add(published!).add(neverSeen);
    const snap = number.snapshot();
    // The stage kind's own part is as it was.
    expect(Object.keys(readStage(newEngine().engine.numbers[0]!.stage, snap).extra).sort()).toEqual([
      'attestation',
      'campaignCounts',
      'history',
      'watchedSinceSec',
    ]);

    const flushed = (from: Buffer): ReturnType<typeof newEngine>['sink'] => {
      const { engine, sink } = newEngine();
      engine.numbers[0]!.restore(from);
      engine.numbers[0]!.flush();
      expect(engine.numbers[0]!.stage.suspects.size).toBe(0);
      return sink;
    };
    const next = newEngine().engine.numbers[0]!;
    next.restore(snap);
    expect([...next.stage.suspects].sort()).toEqual([published, neverSeen].sort());
    // The next owner's flush settles both: the verdict in force again, a tombstone for the other.
    const without = flushed(settled);
    const with_ = flushed(snap);
    expect(with_.tombstones).toBe(without.tombstones + 1);
    expect(with_.verdictCount).toBe(without.verdictCount + 1);
  });

  it('refuses a number stage snapshot with tables missing', () => {
    const snap = busyStage().snapshot();
    const scratch = newEngine().engine.numbers[0]!.stage;
    const { extra, tables } = readStage(scratch, snap);
    const short = writeStage(scratch, extra, tables.slice(0, 2));
    const restore = (): void => newEngine().engine.numbers[0]!.restore(short);
    expect(restore).toThrow(expect.objectContaining({ code: 'INTEGRITY' }));
    expect(restore).toThrow('has 2 tables, not 3');
  });
});
