import { describe, expect, it } from 'vitest';
import { planOwnership } from '../src/co-partition-assigner.js';

const shares = (plan: Map<string, number[]>): number[] => [...plan.values()].map((p) => p.length).sort();

describe('planOwnership', () => {
  it('gives every partition to exactly one member, as evenly as the members allow', () => {
    const plan = planOwnership(8, [
      { memberId: 'c', owned: [] },
      { memberId: 'a', owned: [] },
      { memberId: 'b', owned: [] },
    ]);
    expect([...plan.values()].flat().sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(shares(plan)).toEqual([2, 3, 3]);
  });

  it('moves only what it must when a member joins: the others keep what they owned', () => {
    const plan = planOwnership(6, [
      { memberId: 'a', owned: [0, 1, 2, 3, 4, 5] },
      { memberId: 'b', owned: [] },
    ]);
    expect(plan.get('a')).toEqual([0, 1, 2]);
    expect(plan.get('b')).toEqual([3, 4, 5]);
    const three = planOwnership(6, [
      { memberId: 'a', owned: [0, 1, 2] },
      { memberId: 'b', owned: [3, 4, 5] },
      { memberId: 'c', owned: [] },
    ]);
    expect(three.get('a')!.every((p) => [0, 1, 2].includes(p))).toBe(true);
    expect(three.get('b')!.every((p) => [3, 4, 5].includes(p))).toBe(true);
    expect(shares(three)).toEqual([2, 2, 2]);
  });

  it('hands a leaving member its partitions out and ignores claims twice made or out of range', () => {
    const plan = planOwnership(4, [
      { memberId: 'a', owned: [0, 1, 9] },
      // A member that woke after being cut off still claims what was given away meanwhile.
      { memberId: 'b', owned: [1, 2, 3] },
    ]);
    expect([...plan.values()].flat().sort((x, y) => x - y)).toEqual([0, 1, 2, 3]);
    expect(shares(plan)).toEqual([2, 2]);
  });

  it('gives nothing to nobody, and everything to a lone member', () => {
    expect(planOwnership(3, []).size).toBe(0);
    expect(planOwnership(3, [{ memberId: 'x', owned: [] }]).get('x')).toEqual([0, 1, 2]);
  });
});
