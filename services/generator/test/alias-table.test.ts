import { describe, expect, it } from 'vitest';
import { AliasTable } from '../src/alias-table.js';
import { Rng, mixSeed } from '../src/prng.js';

describe('AliasTable', () => {
  it('draws indices in proportion to their weights', () => {
    const weights = [1, 0, 3, 6, 0.5, 9.5];
    const table = new AliasTable(weights);
    expect(table.total).toBe(20);
    const rng = new Rng(11);
    const counts = new Array<number>(weights.length).fill(0);
    const n = 200_000;
    for (let i = 0; i < n; i++) counts[table.draw(rng)]! += 1;
    weights.forEach((w, i) => expect(Math.abs(counts[i]! / n - w / 20)).toBeLessThan(0.005));
    expect(counts[1]).toBe(0);
  });
});

describe('Rng', () => {
  it('repeats for a seed and differs across seeds and streams', () => {
    const seq = (seed: number): number[] => {
      const r = new Rng(seed);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(seq(5)).toEqual(seq(5));
    expect(seq(5)).not.toEqual(seq(6));
    expect(mixSeed(1, 2)).not.toBe(mixSeed(1, 3));
    expect(seq(5).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
