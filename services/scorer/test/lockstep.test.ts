import { describe, expect, it } from 'vitest';
import { Lockstep } from '../src/lockstep.js';

describe('Lockstep', () => {
  it('is behind until every partition is applied up to the ends written so far', async () => {
    const position = new Map<number, number>();
    const l = new Lockstep(
      [
        { partition: 1, low: 0, high: 0 },
        { partition: 0, low: 5, high: 5 },
      ],
      (p) => position.get(p),
    );
    expect(l.behind()).toBe(false);
    l.written(1, 3);
    expect(l.behind()).toBe(true);
    position.set(1, 2);
    expect(l.behind()).toBe(true);
    // A waiter wakes on applied(), heartbeating in between, and returns once caught up.
    let beats = 0;
    const waited = l.caughtUp(
      () => {
        beats++;
        return Promise.resolve();
      },
      () => false,
    );
    position.set(1, 3);
    l.applied();
    await waited;
    expect(beats).toBe(1);
    expect(l.behind()).toBe(false);
    // An end never moves back.
    l.written(1, 2);
    expect(l.behind()).toBe(false);
  });

  it('stops waiting when told to stop', async () => {
    const l = new Lockstep([{ partition: 0, low: 0, high: 9 }], () => undefined);
    await l.caughtUp(
      () => Promise.resolve(),
      () => true,
    );
    expect(l.behind()).toBe(true);
  });
});
