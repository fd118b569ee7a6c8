import { z } from 'zod';
import { baseConfigShape, cfg, loadConfig, topicSettings, type TopicSettings } from '@ringfence/common';
import { MAIN_JOB_PORTS, MAIN_JOB_SERVICES, type MainJobPorts, type MainJobService } from './main-job.js';

const runConfigShape = {
  /** The console's HTTP port. */
  runConsolePort: cfg.port().default(MAIN_JOB_PORTS.consoleHttp),
  /** Ingest's HTTP port. */
  runIngestPort: cfg.port().default(MAIN_JOB_PORTS.ingestHttp),
  /** risk-api's gRPC port. */
  runRiskPort: cfg.port().default(MAIN_JOB_PORTS.riskGrpc),
  /** The first of six consecutive ops ports (ingest, scorer, sink, risk-api, console, exporter). */
  runOpsPortBase: cfg.int(1, 65530).default(MAIN_JOB_PORTS.ops.ingest),
  /** Seconds between two status redraws (TTY) or status lines (plain). */
  runStatusSeconds: cfg.number(0.5, 3600).optional(),
  /** The services' topic prefix, ClickHouse database and credentials: the status panel reads them too. */
  topicPrefix: baseConfigShape.topicPrefix,
  /** How the job creates the topics before its services start (the services read the same keys). */
  kafkaReplicationFactor: baseConfigShape.kafkaReplicationFactor,
  kafkaMinInsyncReplicas: baseConfigShape.kafkaMinInsyncReplicas,
  kafkaTopicPartitions: baseConfigShape.kafkaTopicPartitions,
  clickhouseDatabase: baseConfigShape.clickhouseDatabase,
  clickhouseUser: baseConfigShape.clickhouseUser,
  clickhousePassword: baseConfigShape.clickhousePassword,
  /** The scorer's consumer group, for its committed lag while it does not answer. */
  groupId: z.string().min(1).default('ringfence-scorer'),
};

/** The main job's own settings, from the environment (RUN_CONSOLE_PORT, ...). */
export interface RunConfig {
  readonly ports: MainJobPorts;
  /** Undefined: the output mode's default. */
  readonly statusSeconds: number | undefined;
  readonly topicPrefix: string;
  readonly topics: TopicSettings;
  readonly clickhouseDatabase: string;
  readonly clickhouseUser: string;
  readonly clickhousePassword: string;
  readonly scorerGroup: string;
}

/**
 * Reads the main job's settings once. Only the environment counts: $RINGFENCE_CONFIG holds the
 * services' keys, which this strict schema would refuse.
 */
export function runConfig(env: NodeJS.ProcessEnv = process.env): RunConfig {
  const c = loadConfig(z.object(runConfigShape), { env, file: '' });
  const ops = Object.fromEntries(MAIN_JOB_SERVICES.map((s, i) => [s, c.runOpsPortBase + i])) as Record<
    MainJobService,
    number
  >;
  return Object.freeze({
    ports: Object.freeze({
      consoleHttp: c.runConsolePort,
      ingestHttp: c.runIngestPort,
      riskGrpc: c.runRiskPort,
      ops: Object.freeze(ops),
    }),
    statusSeconds: c.runStatusSeconds,
    topicPrefix: c.topicPrefix,
    topics: topicSettings(c),
    clickhouseDatabase: c.clickhouseDatabase,
    clickhouseUser: c.clickhouseUser,
    clickhousePassword: c.clickhousePassword,
    scorerGroup: c.groupId,
  });
}
