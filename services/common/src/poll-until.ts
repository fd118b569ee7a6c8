import { setTimeout as sleep } from 'node:timers/promises';
import { RingfenceError } from './errors.js';

export interface PollOptions {
  /** Give up after this long: a safety net for something that should come, not a speed target. */
  readonly timeoutMs: number;
  /** Pause between attempts (default 250 ms). */
  readonly intervalMs?: number;
  /** Stops the wait at once when aborted (a Ctrl-C while a stack starts). */
  readonly signal?: AbortSignal;
  /** Says why waiting longer is pointless (the process being waited for has exited), or undefined. */
  readonly giveUp?: () => string | undefined;
}

/**
 * Calls `attempt` until it returns something other than undefined and returns that. A throwing
 * attempt counts as "not yet" (what is polled may be down on purpose, or still starting); after
 * `timeoutMs` the wait fails with UNAVAILABLE naming `what`, the last error as its cause.
 * For a fixed-interval wait on readiness; retries of a failed operation use `withRetry`.
 */
export async function pollUntil<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  options: PollOptions,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let last: unknown;
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    const why = options.giveUp?.();
    if (why !== undefined) throw new RingfenceError('UNAVAILABLE', `${what}: ${why}`, { cause: last });
    if (Date.now() > deadline) {
      const cause = last instanceof Error ? ` (last error: ${last.message})` : '';
      throw new RingfenceError(
        'UNAVAILABLE',
        `timed out after ${options.timeoutMs} ms waiting for ${what}${cause}`,
        {
          cause: last,
        },
      );
    }
    await sleep(options.intervalMs ?? 250, undefined, { signal: options.signal });
  }
}

/** `pollUntil` for a yes/no check. */
export async function pollUntilTrue(
  what: string,
  check: () => Promise<boolean>,
  options: PollOptions,
): Promise<void> {
  await pollUntil(what, async () => ((await check()) ? true : undefined), options);
}
