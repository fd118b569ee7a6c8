import { describe, expect, it } from 'vitest';
import { isRingfenceError, pollUntil, pollUntilTrue } from '../src/index.js';

describe('pollUntil', () => {
  it('returns the first defined value, counting throws as "not yet"', async () => {
    let calls = 0;
    const value = await pollUntil(
      'the third try',
      () => {
        calls++;
        if (calls === 1) return Promise.reject(new Error('still starting'));
        return Promise.resolve(calls === 3 ? 'ready' : undefined);
      },
      { timeoutMs: 5_000, intervalMs: 1 },
    );
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  it('fails with UNAVAILABLE naming what it waited for and the last error', async () => {
    const err: unknown = await pollUntil('a broker', () => Promise.reject(new Error('ECONNREFUSED')), {
      timeoutMs: 20,
      intervalMs: 5,
    }).catch((e: unknown) => e);
    expect(isRingfenceError(err, 'UNAVAILABLE')).toBe(true);
    expect((err as Error).message).toContain('waiting for a broker');
    expect((err as Error).message).toContain('ECONNREFUSED');
    expect((err as Error).cause).toBeInstanceOf(Error);
  });

  it('gives up at once when giveUp says why', async () => {
    let calls = 0;
    const err: unknown = await pollUntilTrue(
      'kafka metadata',
      () => {
        calls++;
        return Promise.resolve(false);
      },
      { timeoutMs: 60_000, intervalMs: 1, giveUp: () => (calls >= 2 ? 'exited with status 1' : undefined) },
    ).catch((e: unknown) => e);
    expect((err as Error).message).toBe('kafka metadata: exited with status 1');
    expect(calls).toBe(2);
  });

  it('stops when its signal aborts', async () => {
    const ac = new AbortController();
    const wait = pollUntilTrue('never', () => Promise.resolve(false), {
      timeoutMs: 60_000,
      intervalMs: 10_000,
      signal: ac.signal,
    });
    ac.abort();
    await expect(wait).rejects.toMatchObject({ name: 'AbortError' });
  });
});
