#!/usr/bin/env node
import { createLogger, loadConfig, runService } from '@ringfence/common';
import { ingestServiceConfig } from './config.js';
import { startIngest } from './start.js';

const config = loadConfig(ingestServiceConfig);
const logger = createLogger('ingest', config.logLevel);
if (config.ingestTokens.length === 0)
  logger.warn('INGEST_TOKENS is empty: the HTTP API refuses every request');
runService(logger, async () => (await startIngest(config, logger)).stop);
