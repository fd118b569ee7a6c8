import { createLogger, createMetrics, loadConfig, runService, startOpsServer } from '@ringfence/common';
import { scorerConfigSchema } from './config.js';
import { startScorer, type Scorer } from './scorer.js';

/** Runs the scorer as a service: config, logs, metrics, health, clean SIGTERM. */
export function main(): void {
  const config = loadConfig(scorerConfigSchema);
  const logger = createLogger('scorer', config.logLevel);
  runService(logger, async () => {
    const registry = createMetrics('scorer');
    const current: { scorer?: Scorer } = {};
    const ops = await startOpsServer({
      host: config.opsHost,
      port: config.opsPort,
      registry,
      live: () => current.scorer?.live() ?? true,
    });
    const scorer = await startScorer(config, logger, registry, {
      // A half-applied batch cannot be retried in place: exit and restart from the last snapshot.
      onFatal: () => process.exit(1),
    });
    ops.setReady(true);
    logger.info({ opsPort: ops.port, groupId: config.groupId }, 'scorer started');
    current.scorer = scorer;
    return async () => {
      ops.setReady(false);
      await scorer.stop();
      await ops.close();
    };
  });
}
