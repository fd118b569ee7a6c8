import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `check` every 250 ms until it resolves true; throws naming `what` after `timeoutMs` (a safety
 * net for tests, not a speed assertion). A throwing check counts as "not yet" (what is polled may be
 * down on purpose); the last error is in the timeout's message.
 */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      const cause = last instanceof Error ? ` (last error: ${last.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await sleep(250);
  }
}
