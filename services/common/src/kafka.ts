import { Kafka, logLevel as KafkaLogLevel, type Admin, type LogEntry } from 'kafkajs';
import type { Logger } from 'pino';
import { TOPIC_SPECS, topicName, type TopicSpec } from './topics.js';

export interface KafkaOptions {
  brokers: readonly string[];
  clientId: string;
  logger: Logger;
}

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [KafkaLogLevel.ERROR]: 'error',
  [KafkaLogLevel.WARN]: 'warn',
  [KafkaLogLevel.INFO]: 'info',
  [KafkaLogLevel.DEBUG]: 'debug',
};

/** A kafkajs client whose logs go through the service's structured logger. */
export function createKafka(options: KafkaOptions): Kafka {
  // The default (Java-compatible murmur2) partitioner is the one we want; its notice is noise.
  process.env['KAFKAJS_NO_PARTITIONER_WARNING'] ??= '1';
  const log = options.logger.child({ component: 'kafka' });
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    // kafkajs retries forever with backoff only when told to; services must survive broker restarts.
    retry: { initialRetryTime: 200, maxRetryTime: 5_000, retries: Number.MAX_SAFE_INTEGER },
    connectionTimeout: 3_000,
    logLevel: KafkaLogLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...rest } = entry;
        log[LEVELS[level] ?? 'info'](rest, message);
      },
  });
}

/** Creates any missing topic with the local partition counts; compacted topics get cleanup.policy=compact. */
export async function ensureTopics(
  admin: Admin,
  prefix: string,
  specs: readonly TopicSpec[] = TOPIC_SPECS,
): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((s) => !existing.has(topicName(prefix, s.role)));
  if (missing.length === 0) return;
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((s) => ({
      topic: topicName(prefix, s.role),
      numPartitions: s.partitions,
      replicationFactor: 1,
      configEntries: s.compacted
        ? [
            { name: 'cleanup.policy', value: 'compact' },
            { name: 'min.cleanable.dirty.ratio', value: '0.1' },
            { name: 'segment.ms', value: '600000' },
          ]
        : [],
    })),
  });
  // The controller reports leaders before the brokers serve them; a first produce that meets
  // NOT_LEADER makes kafkajs's idempotent producer retry with a new sequence number, which the
  // broker refuses (OUT_OF_ORDER_SEQUENCE_NUMBER). Wait until every new partition answers.
  const deadline = Date.now() + 30_000;
  for (const spec of missing) {
    for (;;) {
      try {
        await admin.fetchTopicOffsets(topicName(prefix, spec.role));
        break;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
}
