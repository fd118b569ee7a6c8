import { counter, isRingfenceError, withRetry, type Logger, type Registry } from '@ringfence/common';
import type { ScorerConfig } from './config.js';
import { startScorer, type Scorer } from './scorer.js';

export interface ScorerRunner {
  /** False when the scorer in place has failed and is not yet being replaced. */
  live(): boolean;
  stop(): Promise<void>;
}

/**
 * Keeps one scorer running in this process. A scorer whose state can no longer be trusted (a batch
 * failed half-applied, a transaction failed because the broker went away, another instance fenced it)
 * is abandoned and a new one started: it restores the latest snapshot and becomes active again, or
 * stands by when another instance holds the group. Doing this in-process keeps the process, its
 * ops port and its metrics; the state is rebuilt exactly as a restarted process would rebuild it.
 */
export async function runScorer(
  config: ScorerConfig,
  logger: Logger,
  registry: Registry,
): Promise<ScorerRunner> {
  let current: Scorer | undefined;
  let stopping = false;
  let replacing: Promise<void> = Promise.resolve();
  const restarts = counter(
    registry,
    'ringfence_scorer_restarts_total',
    'Scorers abandoned and started again in this process (their state suspect, or fenced by another instance)',
  );

  const start = (): Promise<Scorer> =>
    withRetry(() => startScorer(config, logger, registry, { onFatal: () => replace() }), {
      initialMs: 1_000,
      maxMs: 30_000,
      // A refused configuration (rules, partition counts) does not heal by waiting: start-up fails.
      retryable: (err) => !stopping && !(isRingfenceError(err) && !err.retryable),
      onRetry: (err, attempt, delayMs) =>
        logger.warn(
          { err: (err as Error).message, attempt, retryInMs: delayMs },
          'scorer did not start; retrying',
        ),
    });

  const replace = (): void => {
    replacing = replacing.then(async () => {
      const failed = current;
      current = undefined;
      await failed?.abandon(config.sessionTimeoutMs);
      if (stopping) return;
      restarts.inc();
      logger.warn('starting a new scorer from the latest snapshot');
      current = await start();
    });
    replacing.catch((err: unknown) => logger.error({ err }, 'scorer could not be restarted'));
  };

  current = await start();
  return {
    // Alive while it replaces a failed scorer: the runner itself is working, and a restart of the
    // process would only start over.
    live: () => current?.live() ?? true,
    async stop() {
      stopping = true;
      await replacing.catch(() => undefined);
      await current?.stop();
    },
  };
}
