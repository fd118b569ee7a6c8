import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  /** The first pause; each failure doubles it up to `maxMs`. */
  initialMs?: number;
  maxMs?: number;
  /** Whether a failure is worth another attempt; false rethrows it at once. Default: every failure. */
  retryable?: (err: unknown, attempt: number) => boolean;
  /** Ends the retrying: a pause under way stops and the last failure is rethrown. */
  signal?: AbortSignal;
  /** Epoch ms after which no attempt starts: the last failure is rethrown instead of pausing past it. */
  deadline?: number;
  /** Runs before each pause (log, count, replace a broken client); awaited. */
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void | Promise<void>;
}

/** The pause after failed attempt `attempt` (1-based): initialMs doubled per earlier failure, capped at maxMs. */
export function backoffDelay(attempt: number, initialMs = 200, maxMs = 5_000): number {
  return Math.min(maxMs, initialMs * 2 ** Math.min(attempt - 1, 30));
}

/**
 * Calls `attempt` (with its 1-based number) until it resolves, pausing with exponential backoff
 * between failures; rethrows a failure that is not retryable, arrives after the deadline, or once
 * the signal aborted. The one retry loop of the project: services and tools use it instead of their own.
 */
export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      const delay = backoffDelay(n, options.initialMs, options.maxMs);
      if (options.signal?.aborted === true) throw err;
      if (options.retryable !== undefined && !options.retryable(err, n)) throw err;
      if (options.deadline !== undefined && Date.now() + delay > options.deadline) throw err;
      await options.onRetry?.(err, n, delay);
      try {
        await sleep(delay, undefined, options.signal === undefined ? undefined : { signal: options.signal });
      } catch {
        throw err;
      }
    }
  }
}
