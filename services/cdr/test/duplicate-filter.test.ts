import { describe, expect, it } from 'vitest';
import { DuplicateFilter } from '@ringfence/cdr';
import { seededRandom } from '@ringfence/common/testing';

describe('DuplicateFilter', () => {
  it('flags an id seen again within the window', () => {
    const f = new DuplicateFilter({ windowMs: 1000, maxEntries: 100 });
    expect(f.isDuplicate('a', 10_000)).toBe(false);
    expect(f.isDuplicate('a', 10_500)).toBe(true);
    expect(f.isDuplicate('b', 10_500)).toBe(false);
  });

  it('lets an id through again once it is older than the window', () => {
    const f = new DuplicateFilter({ windowMs: 1000, maxEntries: 100 });
    expect(f.isDuplicate('a', 10_000)).toBe(false);
    expect(f.isDuplicate('b', 12_000)).toBe(false);
    expect(f.isDuplicate('a', 12_100)).toBe(false);
  });

  it('forgets entries that fall behind the event-time watermark', () => {
    const f = new DuplicateFilter({ windowMs: 1000, maxEntries: 1_000_000 });
    for (let i = 0; i < 10_000; i++) f.isDuplicate(`id${i}`, i * 10);
    expect(f.size).toBeLessThanOrEqual(102);
  });

  it('never holds more than maxEntries ids', () => {
    const f = new DuplicateFilter({ windowMs: 3_600_000, maxEntries: 500 });
    for (let i = 0; i < 10_000; i++) f.isDuplicate(`id${i}`, 1000);
    expect(f.size).toBe(500);
    expect(f.isDuplicate('id9999', 1000)).toBe(true);
    expect(f.isDuplicate('id0', 1000)).toBe(false);
  });
});

describe('DuplicateFilter against a plain Map in arrival order', () => {
  /** The straightforward definition: forget from the front of insertion order. */
  class Reference {
    private readonly seen = new Map<string, number>();
    private watermark = 0;
    constructor(
      private readonly windowMs: number,
      private readonly maxEntries: number,
    ) {}
    isDuplicate(id: string, t: number): boolean {
      const previous = this.seen.get(id);
      if (previous !== undefined && Math.abs(t - previous) <= this.windowMs) return true;
      if (previous !== undefined) this.seen.delete(id);
      this.seen.set(id, t);
      if (t > this.watermark) this.watermark = t;
      for (const [key, at] of this.seen) {
        if (this.seen.size <= this.maxEntries && at >= this.watermark - this.windowMs) break;
        this.seen.delete(key);
      }
      return false;
    }
    get size(): number {
      return this.seen.size;
    }
  }

  it('gives the same answers for ids that come back, out of order and past the window', () => {
    const random = seededRandom(11);
    for (const [windowMs, maxEntries] of [
      [0, 3],
      [5, 20],
      [50, 1_000],
      [1_000, 100_000],
    ] as const) {
      const ours = new DuplicateFilter({ windowMs, maxEntries });
      const reference = new Reference(windowMs, maxEntries);
      let t = 0;
      const got: string[] = [];
      const want: string[] = [];
      // Long enough at the smallest sizes for the queue to be compacted (after 65 536 entries).
      for (let i = 0; i < (maxEntries === 3 ? 70_000 : 30_000); i++) {
        t += Math.floor(random() * 10) - 3;
        const at = random() < 0.1 ? Math.floor(random() * 50) : t;
        const id = `x${Math.floor(random() * 150)}`;
        got.push(`${ours.isDuplicate(id, at)}/${ours.size}`);
        want.push(`${reference.isDuplicate(id, at)}/${reference.size}`);
      }
      expect(got).toEqual(want);
    }
  });
});
