import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `check` until it resolves true; throws naming `what` after `timeoutMs`. Errors thrown by `check` end the wait. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(250);
  }
}
