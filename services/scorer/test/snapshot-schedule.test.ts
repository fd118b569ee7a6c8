import { describe, expect, it } from 'vitest';
import { SnapshotSchedule } from '../src/snapshot-schedule.js';

describe('SnapshotSchedule', () => {
  it('is due once input was applied and the interval has passed', () => {
    const s = new SnapshotSchedule(10_000, 0);
    expect(s.due(60_000, 0.1)).toBe(false);
    s.applies(5);
    expect(s.due(9_999, 0.1)).toBe(false);
    expect(s.due(10_000, 0.1)).toBe(true);
  });

  it('starts counting again after each snapshot', () => {
    const s = new SnapshotSchedule(10_000, 0);
    s.applies(1);
    s.taken(10_000, 50);
    expect(s.due(30_000, 0.1)).toBe(false);
    s.applies(1);
    expect(s.due(19_999, 0.1)).toBe(false);
    expect(s.due(20_000, 0.1)).toBe(true);
  });

  it('waits longer after a costly snapshot while input flows, to keep within its share', () => {
    const s = new SnapshotSchedule(10_000, 0);
    s.applies(1);
    // 1.5 s of snapshot with a tenth of a 2-task instance (0.05 each): 30 s to the next.
    s.taken(0, 1_500);
    s.applies(1);
    expect(s.waitMs(0.05)).toBe(30_000);
    expect(s.due(29_999, 0.05)).toBe(false);
    expect(s.due(30_000, 0.05)).toBe(true);
  });

  it('goes back to the interval once idle, or once snapshots are cheap again', () => {
    const s = new SnapshotSchedule(10_000, 0);
    s.applies(1);
    s.taken(0, 1_500);
    s.applies(1);
    expect(s.due(10_000, Infinity)).toBe(true);
    s.taken(10_000, 200);
    s.applies(1);
    expect(s.waitMs(0.05)).toBe(10_000);
    expect(s.due(20_000, 0.05)).toBe(true);
  });
});
