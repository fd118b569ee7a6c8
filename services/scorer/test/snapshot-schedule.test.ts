import { describe, expect, it } from 'vitest';
import { SnapshotSchedule } from '../src/snapshot-schedule.js';

const timing = { snapshotIntervalMs: 10_000, snapshotMaxWaitMs: 600_000, snapshotTimeShare: 0.1 };

describe('SnapshotSchedule', () => {
  it('is due once input was applied and the interval has passed', () => {
    const s = new SnapshotSchedule(timing, 0);
    expect(s.due(60_000, false)).toBe(false);
    s.applies(5, 1, 1_000);
    expect(s.due(9_999, false)).toBe(false);
    expect(s.due(10_000, false)).toBe(true);
  });

  it('starts counting again after each snapshot', () => {
    const s = new SnapshotSchedule(timing, 0);
    s.applies(1, 1, 0);
    s.taken(10_000, 0.05);
    expect(s.due(30_000, false)).toBe(false);
    s.applies(1, 1, 15_000);
    expect(s.due(19_999, false)).toBe(false);
    expect(s.due(20_000, false)).toBe(true);
  });

  it('waits after a costly snapshot until the partition has worked its cost over the share', () => {
    const s = new SnapshotSchedule(timing, 0);
    s.applies(1, 1, 0);
    // 1.5 s of snapshot at a tenth: 15 s of applying this partition's input before the next.
    s.taken(0, 1_500);
    s.applies(1_000, 14_000, 5_000);
    expect(s.due(60_000, false)).toBe(false);
    s.applies(1, 999, 61_000);
    expect(s.due(61_000, false)).toBe(false);
    s.applies(1, 1, 62_000);
    expect(s.due(62_000, false)).toBe(true);
  });

  it('does not wait past the longest wait for a partition whose input trickles in', () => {
    const s = new SnapshotSchedule(timing, 0);
    s.applies(1, 1, 0);
    s.taken(0, 2_000);
    s.applies(1, 0.01, 1_000);
    expect(s.due(599_999, false)).toBe(false);
    expect(s.due(600_000, false)).toBe(true);
  });

  it('goes back to the interval once idle', () => {
    const s = new SnapshotSchedule(timing, 0);
    s.applies(1, 1, 0);
    s.taken(0, 1_500);
    s.applies(1, 1, 1_000);
    expect(s.due(9_999, true)).toBe(false);
    expect(s.due(10_000, true)).toBe(true);
  });

  it('reports the input a crash would replay: from the first record applied since the snapshot', () => {
    const s = new SnapshotSchedule(timing, 0);
    expect(s.replaySpanMs(100_000)).toBe(10_000);
    s.applies(1, 1, 100_000);
    s.applies(1, 1, 130_000);
    expect(s.replaySpanMs(145_000)).toBe(45_000);
    s.taken(145_000, 10);
    expect(s.replaySpanMs(200_000)).toBe(10_000);
  });
});
