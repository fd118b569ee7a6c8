import {
  Kafka,
  logLevel as KafkaLogLevel,
  type Admin,
  type ConfigResourceTypes,
  type LogEntry,
  type Producer,
  type ProducerConfig,
} from 'kafkajs';
import type { Logger } from 'pino';
import { envName } from './config.js';
import { RingfenceError } from './errors.js';
import { keyPartitioner } from './key-partitioner.js';
import { pollUntil } from './poll-until.js';
import {
  TOPICS,
  TOPIC_SPECS,
  configuredSpecs,
  topicName,
  type TopicSettings,
  type TopicSpec,
} from './topics.js';

export interface KafkaOptions {
  brokers: readonly string[];
  clientId: string;
  logger: Logger;
  /** Attempts before a request or connection fails; undefined: without end (services outlive broker restarts). */
  retries?: number;
}

/**
 * Broker answers that kafkajs retries by itself after refreshing metadata: they are routine while
 * topics get their first leaders and groups their coordinator (start-up, a broker restart), so they
 * are logged at debug. A condition that outlasts the retries still surfaces as the caller's error.
 */
const RETRIED_BY_KAFKAJS = new Set([
  'This server does not host this topic-partition',
  'There is no leader for this topic-partition as we are in the middle of a leadership election',
  'This server is not the leader for that topic-partition',
  'The replica is not available for the requested topic-partition',
  "The coordinator is loading and hence can't process requests for this group",
  'The group coordinator is not available',
  'This is not the correct coordinator for this group',
  'This is not the correct controller for this cluster',
  'The leader epoch in the request is older than the epoch on the broker',
  'The leader epoch in the request is newer than the epoch on the broker',
  'The leader high watermark has not caught up from a recent leader election so the offsets cannot be guaranteed to be monotonically increasing',
  // A member joined or left the group: kafkajs rejoins, and its consumer logs that at warn.
  'The group is rebalancing, so a rejoin is needed',
  // A transaction's first write while the previous commit's markers are still being written.
  'The producer attempted to update a transaction while another concurrent operation on the same transaction was ongoing',
]);

/** kafkajs's producer logs a retried send as "Failed to send messages: <broker's answer>". */
const RETRIED_SEND = 'Failed to send messages: ';

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [KafkaLogLevel.ERROR]: 'error',
  [KafkaLogLevel.WARN]: 'warn',
  [KafkaLogLevel.INFO]: 'info',
  [KafkaLogLevel.DEBUG]: 'debug',
};

/** Producers place keyed records as kafkajs's default partitioner does, at a fraction of its CPU. */
class RingfenceKafka extends Kafka {
  override producer(config?: ProducerConfig): Producer {
    return super.producer({ createPartitioner: keyPartitioner, ...config });
  }
}

/** A kafkajs client whose logs go through the service's structured logger. */
export function createKafka(options: KafkaOptions): Kafka {
  // The default (Java-compatible murmur2) partitioner is the one we want; its notice is noise.
  process.env['KAFKAJS_NO_PARTITIONER_WARNING'] ??= '1';
  const log = options.logger.child({ component: 'kafka' });
  return new RingfenceKafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    // kafkajs retries forever with backoff only when told to; services must survive broker restarts.
    retry: {
      initialRetryTime: 200,
      maxRetryTime: 5_000,
      retries: options.retries ?? Number.MAX_SAFE_INTEGER,
    },
    connectionTimeout: 3_000,
    logLevel: KafkaLogLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...rest } = entry;
        const routine =
          (typeof rest['error'] === 'string' && RETRIED_BY_KAFKAJS.has(rest['error'])) ||
          (message.startsWith(RETRIED_SEND) && RETRIED_BY_KAFKAJS.has(message.slice(RETRIED_SEND.length))) ||
          // Services starting together race to create the same topics; the losers' TOPIC_ALREADY_EXISTS
          // is expected, and any other creation error is thrown to the caller of createTopics anyway.
          message.startsWith('Response CreateTopics');
        log[routine ? 'debug' : (LEVELS[level] ?? 'info')](rest, message);
      },
  });
}

/** How long ensureTopics waits for leaders and a group coordinator before giving up. */
const READY_TIMEOUT_MS = 60_000;

/** The group whose coordinator ensureTopics looks up: any name would do, the lookup is what matters. */
const PROBE_GROUP = 'ringfence.start-probe';

function poll<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  return pollUntil(`Kafka ${what}`, attempt, { timeoutMs: READY_TIMEOUT_MS, intervalMs: 100 });
}

// kafkajs's ConfigResourceTypes.BROKER: its CommonJS exports hide the enum from an ESM import.
const BROKER_RESOURCE = 4 as ConfigResourceTypes;

/** A configuration error about a Kafka topic setting, worded as loadConfig words a bad value. */
function badSetting(key: string, value: unknown, expected: string): RingfenceError {
  return new RingfenceError(
    'CONFIG_INVALID',
    `invalid configuration:\n  ${key} (env ${envName(key)}) = ${String(value)}: ${expected}`,
    {
      detail: { keys: key },
    },
  );
}

/** The replication factor and min.insync.replicas new topics get, checked against the cluster. */
async function replication(
  admin: Admin,
  settings: TopicSettings,
): Promise<{ factor: number; minInsync: number | undefined }> {
  const cluster = await admin.describeCluster();
  const up = cluster.brokers.map((b) => `${b.host}:${b.port}`).join(', ');
  let factor = settings.replicationFactor;
  if (factor === undefined) {
    // kafkajs speaks CreateTopics v3, which cannot ask for the broker's default (-1 came in v4).
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [
        {
          type: BROKER_RESOURCE,
          name: String(cluster.brokers[0]?.nodeId ?? cluster.controller ?? 1),
          configNames: ['default.replication.factor'],
        },
      ],
    });
    factor = Number(
      resources[0]?.configEntries.find((e) => e.configName === 'default.replication.factor')?.configValue ??
        1,
    );
  }
  if (factor > cluster.brokers.length) {
    throw badSetting(
      'kafkaReplicationFactor',
      factor,
      `expected at most the number of brokers up to create topics with, ${cluster.brokers.length} (${up})` +
        (settings.replicationFactor === undefined
          ? " (the value is the cluster's default.replication.factor)"
          : ''),
    );
  }
  const minInsync = settings.minInsyncReplicas;
  if (minInsync !== undefined && minInsync > factor) {
    throw badSetting(
      'kafkaMinInsyncReplicas',
      minInsync,
      `expected at most the replication factor, ${factor}`,
    );
  }
  return { factor, minInsync };
}

/**
 * Creates any missing topic with the configured partition counts, replication factor and
 * min.insync.replicas (compacted topics get cleanup.policy=compact), checks that topics that exist
 * have the configured partition counts (and replication factor, when one is configured), then
 * returns only once every partition of every topic has a leader that answers and consumer groups
 * have a coordinator, so a service's first produce, fetch or join does not meet "not the leader" or
 * "coordinator not available". A setting the cluster cannot meet throws CONFIG_INVALID.
 */
export async function ensureTopics(
  admin: Admin,
  prefix: string,
  settings: TopicSettings = {},
  baseSpecs: readonly TopicSpec[] = TOPIC_SPECS,
): Promise<void> {
  const specs = configuredSpecs(baseSpecs, settings.partitions);
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((s) => !existing.has(topicName(prefix, s.role)));
  if (missing.length > 0) {
    const { factor, minInsync } = await replication(admin, settings);
    // Services of one deployment start together and race to create the same topics; kafkajs
    // reports the loser's TOPIC_ALREADY_EXISTS as `false`, and the waits below cover both.
    await admin.createTopics({
      // kafkajs's own wait fails on the UNKNOWN_TOPIC_OR_PARTITION a broker answers until the new
      // topic's metadata reaches it (several brokers); the poll below waits that out too.
      waitForLeaders: false,
      topics: missing.map((s) => ({
        topic: topicName(prefix, s.role),
        numPartitions: s.partitions,
        replicationFactor: factor,
        configEntries: [
          ...(minInsync === undefined ? [] : [{ name: 'min.insync.replicas', value: String(minInsync) }]),
          ...(s.compacted
            ? [
                { name: 'cleanup.policy', value: 'compact' },
                { name: 'min.cleanable.dirty.ratio', value: '0.1' },
                { name: 'segment.ms', value: '600000' },
              ]
            : []),
        ],
      })),
    });
  }
  const topics = specs.map((s) => topicName(prefix, s.role));
  // A topic another process is still creating may be listed before all its partitions have a
  // leader, whoever created it: wait on the metadata, not on who won the race.
  const meta = await poll('topic leaders', async () => {
    const { topics: found } = await admin.fetchTopicMetadata({ topics });
    const ready = topics.every((name) => {
      const t = found.find((m) => m.name === name);
      return (
        t !== undefined &&
        t.partitions.length > 0 &&
        t.partitions.every((p) => p.leader >= 0 && p.partitionErrorCode === 0)
      );
    });
    return ready ? found : undefined;
  });
  for (const s of specs) {
    const base = TOPICS[s.role];
    const t = meta.find((m) => m.name === topicName(prefix, s.role))!;
    if (t.partitions.length !== s.partitions) {
      throw badSetting(
        'kafkaTopicPartitions',
        `${base}=${s.partitions}`,
        `topic ${t.name} exists with ${t.partitions.length} partitions: configure ${base}=${t.partitions.length} (partitions of a keyed topic are chosen once)`,
      );
    }
    const factor = settings.replicationFactor;
    const off = t.partitions.find((p) => p.replicas.length !== factor);
    if (factor !== undefined && off !== undefined) {
      throw badSetting(
        'kafkaReplicationFactor',
        factor,
        `topic ${t.name} exists with ${off.replicas.length} replicas of partition ${off.partitionId}: reassign its replicas (kafka-reassign-partitions) or configure ${off.replicas.length}`,
      );
    }
  }
  // The controller reports leaders before the brokers serve them; a first produce that meets
  // NOT_LEADER makes kafkajs's idempotent producer retry with a new sequence number, which the
  // broker refuses (OUT_OF_ORDER_SEQUENCE_NUMBER). Wait until every partition answers.
  for (const topic of topics) await poll(`${topic} offsets`, () => admin.fetchTopicOffsets(topic));
  // The first group lookup on a fresh broker creates __consumer_offsets; until its partitions are
  // loaded every join and commit is refused. Looking up one group waits that out here.
  await poll('a consumer group coordinator', () => admin.describeGroups([PROBE_GROUP]));
}
