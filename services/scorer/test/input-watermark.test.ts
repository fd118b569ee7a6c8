import { describe, expect, it } from 'vitest';
import { InputWatermark } from '../src/input-watermark.js';

describe('InputWatermark', () => {
  it('is the lowest newest event time of the partitions still being read', () => {
    const w = new InputWatermark();
    const position = new Map<string, number>();
    const at = (k: string): number => position.get(k) ?? 0;
    w.track('a', 10);
    w.track('b', 10);
    w.seen('a', 5_000);
    // b has delivered nothing yet: nothing is safe to sweep.
    expect(w.value(at)).toBe(0);
    w.seen('b', 3_000);
    w.seen('b', 2_000);
    expect(w.value(at)).toBe(3_000);
    // b is read to its end: only a holds the watermark back.
    position.set('b', 10);
    expect(w.value(at)).toBe(5_000);
    // a grows past what was read: it is behind again.
    w.fetched('a', 20);
    position.set('a', 10);
    expect(w.value(at)).toBe(5_000);
    // Everything read: the newest time seen anywhere.
    position.set('a', 20);
    w.seen('a', 7_000);
    expect(w.value(at)).toBe(7_000);
    expect(w.tracks('c')).toBe(false);
  });
});
