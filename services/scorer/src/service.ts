import { createLogger, createMetrics, loadConfig, runService, startOpsServer } from '@ringfence/common';
import { scorerConfigSchema } from './config.js';
import { runScorer, type ScorerRunner } from './scorer-runner.js';

/** Runs the scorer as a service: config, logs, metrics, health, clean SIGTERM. */
export function main(): void {
  const config = loadConfig(scorerConfigSchema);
  const logger = createLogger('scorer', config.logLevel);
  runService(logger, async () => {
    const registry = createMetrics('scorer');
    const current: { runner?: ScorerRunner } = {};
    const ops = await startOpsServer({
      host: config.opsHost,
      port: config.opsPort,
      registry,
      live: () => current.runner?.live() ?? true,
    });
    const runner = await runScorer(config, logger, registry);
    ops.setReady(true);
    logger.info({ opsPort: ops.port, groupId: config.groupId }, 'scorer started');
    current.runner = runner;
    return async () => {
      ops.setReady(false);
      await runner.stop();
      await ops.close();
    };
  });
}
