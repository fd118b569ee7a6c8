#!/usr/bin/env node
import { createLogger, createMetrics, runService, startOpsServer } from '@ringfence/common';
import { loadSinkConfig, startSink } from './sink.js';

const config = loadSinkConfig();
const logger = createLogger('sink', config.logLevel);
const registry = createMetrics('sink');

runService(logger, async (fail) => {
  const ops = await startOpsServer({ host: config.opsHost, port: config.opsPort, registry });
  const sink = await startSink(config, logger, registry, { onFatal: fail });
  ops.setReady(true);
  logger.info({ opsPort: ops.port }, 'ready');
  return async () => {
    ops.setReady(false);
    await sink.stop();
    await ops.close();
  };
});
