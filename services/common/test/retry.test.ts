import { describe, expect, it } from 'vitest';
import { backoffDelay, withRetry } from '../src/retry.js';

describe('withRetry', () => {
  it('retries until the call succeeds, doubling the pause up to the cap', async () => {
    const pauses: number[] = [];
    const result = await withRetry(
      (n) => (n < 5 ? Promise.reject(new Error(`failure ${n}`)) : Promise.resolve(`ok after ${n}`)),
      { initialMs: 1, maxMs: 4, onRetry: (_err, _n, delay) => void pauses.push(delay) },
    );
    expect(result).toBe('ok after 5');
    expect(pauses).toEqual([1, 2, 4, 4]);
  });

  it('rethrows at once a failure that is not retryable', async () => {
    let calls = 0;
    await expect(
      withRetry(
        () => {
          calls += 1;
          return Promise.reject(new Error(calls === 1 ? 'transient' : 'fatal'));
        },
        { initialMs: 1, retryable: (err) => (err as Error).message === 'transient' },
      ),
    ).rejects.toThrow('fatal');
    expect(calls).toBe(2);
  });

  it('stops when the signal aborts, with the last failure', async () => {
    const stop = new AbortController();
    await expect(
      withRetry(
        (n) => {
          if (n === 3) stop.abort();
          return Promise.reject(new Error(`failure ${n}`));
        },
        { initialMs: 1, signal: stop.signal },
      ),
    ).rejects.toThrow('failure 3');
  });

  it('does not pause past the deadline', async () => {
    let calls = 0;
    await expect(
      withRetry(
        () => {
          calls += 1;
          return Promise.reject(new Error('down'));
        },
        { initialMs: 60_000, deadline: Date.now() + 1_000 },
      ),
    ).rejects.toThrow('down');
    expect(calls).toBe(1);
  });
});

describe('backoffDelay', () => {
  it('starts at the initial pause and never exceeds the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 100].map((n) => backoffDelay(n, 200, 5_000))).toEqual([
      200, 400, 800, 1_600, 3_200, 5_000, 5_000,
    ]);
  });
});
