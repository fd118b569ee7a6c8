import {
  createKafka,
  createLogger,
  createMetrics,
  ensureTopics,
  gauge,
  loadConfig,
  runService,
  startOpsServer,
  type Logger,
  type Stop,
  topicSettings,
} from '@ringfence/common';
import { IngestCore } from './ingest-core.js';
import { createIngestProducer } from './ingest-producer.js';
import type { AddressInfo } from 'node:net';
import { ingestServiceConfig, type IngestServiceConfig } from './config.js';
import { buildHttpApi } from './http-api.js';
import { startRawNormaliser, type RawNormaliser } from './raw-normaliser.js';

export interface RunningIngest {
  /** Port the HTTP API listens on. */
  readonly httpPort: number;
  readonly opsPort: number;
  readonly stop: Stop;
}

/**
 * Starts the ingest service: topics ensured, one producer shared by the HTTP API and the raw-topic
 * normaliser (each with its own ingest core), ops server with metrics. `stop` stops taking work,
 * flushes everything in flight to Kafka, then closes.
 */
export async function startIngest(
  config: Readonly<IngestServiceConfig>,
  logger: Logger,
): Promise<RunningIngest> {
  const registry = createMetrics('ingest');
  let cores: IngestCore[] = [];
  // A core whose producer failed for good refuses all work: report unhealthy so it gets restarted.
  const live = (): boolean => cores.every((c) => !c.failed);
  const ops = await startOpsServer({ host: config.opsHost, port: config.opsPort, registry, live });
  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'ringfence-ingest', logger });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, config.topicPrefix, topicSettings(config));
  await admin.disconnect();
  const producer = createIngestProducer(kafka, { logger: logger.child({ component: 'producer' }) });
  await producer.connect();

  const httpCore = new IngestCore({
    producer,
    topicPrefix: config.topicPrefix,
    source: 'http',
    config,
    registry,
  });
  const rawCore = new IngestCore({
    producer,
    topicPrefix: config.topicPrefix,
    source: 'raw-topic',
    config,
    registry,
  });
  cores = [httpCore, rawCore];
  gauge(registry, 'ringfence_ingest_queued_messages', 'Messages waiting for Kafka', ['source'], (g) => {
    g.set({ source: 'http' }, httpCore.queued);
    g.set({ source: 'raw-topic' }, rawCore.queued);
  });

  const app = buildHttpApi({ core: httpCore, config, logger });
  await app.listen({ host: config.httpHost, port: config.httpPort });
  const httpPort = (app.server.address() as AddressInfo).port;

  let raw: RawNormaliser | undefined;
  if (config.rawTopicEnabled) {
    raw = await startRawNormaliser({
      kafka,
      core: rawCore,
      topicPrefix: config.topicPrefix,
      groupId: config.rawGroupId,
      logger,
    });
  }
  ops.setReady(true);
  logger.info({ httpPort, opsPort: ops.port }, 'ingest ready');

  return {
    httpPort,
    opsPort: ops.port,
    stop: async () => {
      ops.setReady(false);
      // Stop intake first (in-flight requests finish and are acknowledged), then drain the producer.
      await app.close();
      await raw?.stop();
      await httpCore.flush();
      await rawCore.flush();
      await producer.disconnect();
      await ops.close();
    },
  };
}

/** The ingest service's process: configuration from the environment, then run until a signal. */
export function main(): void {
  const config = loadConfig(ingestServiceConfig);
  const logger = createLogger('ingest', config.logLevel);
  if (config.ingestTokens.length === 0)
    logger.warn('INGEST_TOKENS is empty: the HTTP API refuses every request');
  runService(logger, async () => (await startIngest(config, logger)).stop);
}
