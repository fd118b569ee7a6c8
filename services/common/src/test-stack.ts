import { randomBytes } from 'node:crypto';
import { createClickHouse, type ClickHouseClient } from './clickhouse.js';
import { createKafka, ensureTopics } from './kafka.js';
import { createLogger } from './logger.js';
import { ident, sql } from './sql.js';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';

/**
 * Helpers for integration tests against the real local stack (`ringfence stack up`). Each test gets
 * its own topic prefix and ClickHouse database so test files never see each other's data.
 */
export interface TestStack {
  readonly brokers: readonly string[];
  readonly clickhouseUrl: string;
  /** Unique per call: `t<hex>.` */
  readonly topicPrefix: string;
  /** Unique per call: `t_<hex>` */
  readonly database: string;
  kafka(clientId?: string): Kafka;
  /** A client bound to `database` (created on first use by the caller's migrations or `createDatabase`). */
  clickhouse(): ClickHouseClient;
  /** Creates every Ringfence topic under `topicPrefix`. */
  createTopics(): Promise<void>;
  /** Deletes every topic under `topicPrefix`. */
  deleteTopics(): Promise<void>;
  createDatabase(): Promise<void>;
  dropDatabase(): Promise<void>;
  /** Environment for a child service process pointed at this stack, prefix and database. */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
}

/** Where the stack is when not the shared local one (a private stack a fault test may stop). */
export interface TestStackOptions {
  brokers?: readonly string[];
  clickhouseUrl?: string;
}

export function testStack(options: TestStackOptions = {}): TestStack {
  const id = randomBytes(4).toString('hex');
  const brokers = [...(options.brokers ?? (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','))];
  const clickhouseUrl = options.clickhouseUrl ?? process.env['CLICKHOUSE_URL'] ?? 'http://127.0.0.1:8123';
  const topicPrefix = `t${id}.`;
  const database = `t_${id}`;
  const logger = createLogger('test', 'warn');
  const admin = (): ClickHouseClient => createClickHouse({ url: clickhouseUrl, database: 'default' });
  const kafka = (clientId = `test-${id}`): Kafka => createKafka({ brokers, clientId, logger });
  const withAdmin = async (fn: (admin: Admin) => Promise<void>): Promise<void> => {
    const admin = kafka().admin();
    await admin.connect();
    try {
      await fn(admin);
    } finally {
      await admin.disconnect();
    }
  };
  return {
    brokers,
    clickhouseUrl,
    topicPrefix,
    database,
    kafka,
    createTopics: () => withAdmin((admin) => ensureTopics(admin, topicPrefix)),
    deleteTopics: () =>
      withAdmin(async (admin) => {
        const topics = (await admin.listTopics()).filter((t) => t.startsWith(topicPrefix));
        if (topics.length > 0) await admin.deleteTopics({ topics });
      }),
    clickhouse: () => createClickHouse({ url: clickhouseUrl, database }),
    async createDatabase() {
      const c = admin();
      await c.command({ query: sql`CREATE DATABASE IF NOT EXISTS ${ident(database)}` });
      await c.close();
    },
    async dropDatabase() {
      const c = admin();
      await c.command({ query: sql`DROP DATABASE IF EXISTS ${ident(database)}` });
      await c.close();
    },
    env: (extra = {}) => ({
      ...process.env,
      KAFKA_BROKERS: brokers.join(','),
      TOPIC_PREFIX: topicPrefix,
      CLICKHOUSE_URL: clickhouseUrl,
      CLICKHOUSE_DATABASE: database,
      LOG_LEVEL: 'warn',
      ...extra,
    }),
  };
}

/**
 * Reads `topics` from the beginning until `count` messages arrived in total or `timeoutMs` passed,
 * then one second more, so that surplus (duplicated) messages show up in exact-count assertions.
 */
export async function readTopics(
  kafka: Kafka,
  topics: string[],
  count: number,
  timeoutMs = 60_000,
): Promise<Map<string, KafkaMessage[]>> {
  const out = new Map<string, KafkaMessage[]>(topics.map((t) => [t, []]));
  const consumer = kafka.consumer({ groupId: `reader-${randomBytes(6).toString('hex')}` });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  let seen = 0;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    void consumer.run({
      eachMessage: ({ topic, message }) => {
        out.get(topic)?.push(message);
        seen += 1;
        if (seen >= count) {
          clearTimeout(timer);
          resolve();
        }
        return Promise.resolve();
      },
    });
  });
  await new Promise((r) => setTimeout(r, 1_000));
  await consumer.disconnect();
  return out;
}
