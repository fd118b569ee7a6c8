import { pollUntilTrue } from './poll-until.js';

/**
 * Polls `check` every 250 ms until it resolves true; throws naming `what` after `timeoutMs` (a safety
 * net for tests, not a speed assertion). A throwing check counts as "not yet" (what is polled may be
 * down on purpose); the last error is in the timeout's message.
 */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  await pollUntilTrue(what, check, { timeoutMs });
}
