import { describe, expect, it } from 'vitest';
import { DuplicateFilter } from '@ringfence/cdr';

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
