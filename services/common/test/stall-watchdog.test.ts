import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StallWatchdog } from '../src/stall-watchdog.js';

describe('StallWatchdog', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports a stall once, after the timeout without progress, and only once armed', () => {
    const stalls: number[] = [];
    const w = new StallWatchdog(10_000, (ms) => stalls.push(ms));
    vi.advanceTimersByTime(60_000);
    expect(stalls).toEqual([]);
    w.arm();
    vi.advanceTimersByTime(10_000);
    expect(stalls).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(stalls).toHaveLength(1);
    expect(stalls[0]).toBeGreaterThan(10_000);
    vi.advanceTimersByTime(60_000);
    expect(stalls).toHaveLength(1);
  });

  it('never reports while progress keeps coming, nor after it is stopped', () => {
    const stalls: number[] = [];
    const w = new StallWatchdog(10_000, (ms) => stalls.push(ms));
    w.arm();
    for (let i = 0; i < 30; i++) {
      vi.advanceTimersByTime(9_000);
      w.progressed();
    }
    expect(stalls).toEqual([]);
    w.stop();
    vi.advanceTimersByTime(60_000);
    expect(stalls).toEqual([]);
  });
});
