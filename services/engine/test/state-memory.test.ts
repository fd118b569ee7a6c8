import { describe, expect, it } from 'vitest';
import { StateMemory } from '../src/state-memory.js';
import { K } from '../src/subject-state.js';
import { F_ANSWERED } from '../src/call-flags.js';

describe('StateMemory', () => {
  it('hands an evicted subject’s windows to the next promoted one, zeroed', () => {
    const memory = new StateMemory();
    const a = memory.rich();
    const sec = 1_764_000_000;
    a.advance(sec);
    a.record(sec, F_ANSWERED, 30, [11, 12, 13, 0, 0], true);
    expect(a.qTotal[0]).toBe(1);
    memory.releaseRich(a);
    const b = memory.rich();
    expect(b.region).toBe(a.region);
    expect(b.region.every((v) => v === 0)).toBe(true);
    expect(b.qTotal[0]).toBe(0);
  });

  it('shares nothing between two stages’ memories', () => {
    const one = new StateMemory();
    const two = new StateMemory();
    const r = one.rich();
    one.releaseRich(r);
    expect(two.rich().region.buffer).not.toBe(r.region.buffer);
    expect(one.rich().region).toBe(r.region);
  });

  it('keeps every pending row’s counts when the rows grow, and reuses freed rows', () => {
    const memory = new StateMemory();
    const rows: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const at = memory.pendingAlloc();
      for (let n = 0; n <= i % 5; n++) memory.pendingRecord(at, 0, 0);
      rows.push(at);
    }
    expect(new Set(rows).size).toBe(3000);
    rows.forEach((at, i) => expect(memory.pendingRows[at]).toBe((i % 5) + 1));
    memory.pendingRelease(rows[7]!);
    const again = memory.pendingAlloc();
    expect(again).toBe(rows[7]);
    expect(memory.pendingRows.subarray(again, again + K).every((v) => v === 0)).toBe(true);
  });
});
