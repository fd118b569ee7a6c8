import { randomBytes } from 'node:crypto';
import { createClickHouse, type ClickHouseClient } from './clickhouse.js';
import { createKafka, ensureTopics } from './kafka.js';
import { createLogger } from './logger.js';
import { ident, sql } from './sql.js';
import type { TopicSettings } from './topics.js';
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
  /** Creates every Ringfence topic under `topicPrefix` (replication: the cluster's defaults). */
  createTopics(settings?: TopicSettings): Promise<void>;
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
  /** When the scope counts as created (its name carries it); now by default. */
  createdMs?: number;
}

/**
 * Topic prefixes and databases of test scopes, and nothing else: `t<id>.` and `t_<id>`, where the id
 * is the creation time (8 hex digits of epoch seconds) and 4 random hex digits.
 */
const SCOPE_TOPIC = /^t([0-9a-f]{8})[0-9a-f]{4}\./;
const SCOPE_DATABASE = /^t_([0-9a-f]{8})[0-9a-f]{4}$/;

/**
 * Scopes younger than this may belong to a test run still going on (two runs on one stack, say a
 * developer's and an editor's): the sweep leaves them.
 */
const SCOPE_MAX_AGE_S = 6 * 3600;

/** Scopes named before ids carried their creation time (8 random hex digits): always stale. */
const LEGACY_TOPIC = /^t[0-9a-f]{8}\./;
const LEGACY_DATABASE = /^t_[0-9a-f]{8}$/;

/** True when `name` is a test scope created more than SCOPE_MAX_AGE_S ago. */
function staleScope(pattern: RegExp, legacy: RegExp, name: string, nowS: number): boolean {
  const m = pattern.exec(name);
  if (m === null) return legacy.test(name);
  return nowS - parseInt(m[1]!, 16) > SCOPE_MAX_AGE_S;
}

function stackAddress(options: TestStackOptions): { brokers: string[]; clickhouseUrl: string } {
  return {
    brokers: [...(options.brokers ?? (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','))],
    clickhouseUrl: options.clickhouseUrl ?? process.env['CLICKHOUSE_URL'] ?? 'http://127.0.0.1:8123',
  };
}

async function withKafkaAdmin<T>(kafka: Kafka, fn: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}

export function testStack(options: TestStackOptions = {}): TestStack {
  const created = Math.floor((options.createdMs ?? Date.now()) / 1000)
    .toString(16)
    .padStart(8, '0');
  const id = `${created}${randomBytes(2).toString('hex')}`;
  const { brokers, clickhouseUrl } = stackAddress(options);
  const topicPrefix = `t${id}.`;
  const database = `t_${id}`;
  const logger = createLogger('test', 'warn');
  const admin = (): ClickHouseClient => createClickHouse({ url: clickhouseUrl, database: 'default' });
  const kafka = (clientId = `test-${id}`): Kafka => createKafka({ brokers, clientId, logger });
  const withAdmin = (fn: (admin: Admin) => Promise<void>): Promise<void> => withKafkaAdmin(kafka(), fn);
  return {
    brokers,
    clickhouseUrl,
    topicPrefix,
    database,
    kafka,
    createTopics: (settings) => withAdmin((admin) => ensureTopics(admin, topicPrefix, settings)),
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

/**
 * Deletes every test scope's topics and database left on the stack (by a file that does not clean
 * up after itself, or a run that was killed). Without it the local broker kept every test topic ever
 * made: 12,277 partitions and 26 GB on one development machine, where the scorer bench drained
 * 40.7k CDR/s, and 45.5k right after the data was wiped. Run before and after the integration
 * tests; returns what it removed.
 */
export async function sweepTestScopes(
  options: TestStackOptions = {},
): Promise<{ topics: number; databases: number }> {
  const { brokers, clickhouseUrl } = stackAddress(options);
  const nowS = Date.now() / 1000;
  // A few attempts, not a service's endless ones: a stack that is down fails the sweep, not hangs it.
  const kafka = createKafka({
    brokers,
    clientId: 'test-sweep',
    logger: createLogger('test', 'silent'),
    retries: 3,
  });
  const topics = await withKafkaAdmin(kafka, async (admin) => {
    const stale = (await admin.listTopics()).filter((t) => staleScope(SCOPE_TOPIC, LEGACY_TOPIC, t, nowS));
    // Chunks keep each request, and the broker's work per request, small.
    for (let i = 0; i < stale.length; i += 200) {
      await admin.deleteTopics({ topics: stale.slice(i, i + 200), timeout: 60_000 });
    }
    return stale.length;
  });
  const ch = createClickHouse({ url: clickhouseUrl, database: 'default' });
  try {
    const rs = await ch.query({ query: 'SELECT name FROM system.databases', format: 'JSONEachRow' });
    const stale = (await rs.json<{ name: string }>())
      .map((r) => r.name)
      .filter((n) => staleScope(SCOPE_DATABASE, LEGACY_DATABASE, n, nowS));
    for (const name of stale) await ch.command({ query: sql`DROP DATABASE IF EXISTS ${ident(name)}` });
    return { topics, databases: stale.length };
  } finally {
    await ch.close();
  }
}
