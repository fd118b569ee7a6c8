import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { isRingfenceError, type RingfenceError } from '../src/errors.js';
import { createKafka, ensureTopics } from '../src/kafka.js';
import { createLogger } from '../src/logger.js';
import { TOPIC_SPECS, topicName, type TopicSettings } from '../src/topics.js';
import { testStack } from '../src/testing.js';

const stack = testStack();

afterAll(async () => {
  await stack.deleteTopics();
});

/** A logger whose lines are kept, to check what a start-up logged. */
function capturedLogger(level: 'info' | 'debug' = 'info'): {
  logger: ReturnType<typeof createLogger>;
  lines: string[];
} {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((l) => l !== ''),
      );
      done();
    },
  });
  return { logger: createLogger('test', level, sink), lines };
}

describe('ensureTopics', () => {
  it('returns to every service racing to create the same topics only once each can produce and join a group, with no error logged', async () => {
    const { logger, lines } = capturedLogger();
    // Services of one deployment start together: each ensures the topics, then produces at once.
    const services = Array.from({ length: 4 }, (_, i) =>
      createKafka({ brokers: stack.brokers, clientId: `race-${i}`, logger }),
    );
    await Promise.all(
      services.map(async (kafka, i) => {
        const admin = kafka.admin();
        await admin.connect();
        await ensureTopics(admin, stack.topicPrefix);
        const meta = await admin.fetchTopicMetadata({
          topics: TOPIC_SPECS.map((s) => topicName(stack.topicPrefix, s.role)),
        });
        for (const t of meta.topics) for (const p of t.partitions) expect(p.leader).toBeGreaterThanOrEqual(0);
        await admin.disconnect();

        const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
        await producer.connect();
        await producer.send({
          topic: topicName(stack.topicPrefix, 'cdr'),
          messages: Array.from({ length: 60 }, (_, n) => ({ key: `k${i}-${n}`, value: 'x' })),
        });
        await producer.disconnect();
        const consumer = kafka.consumer({ groupId: `${stack.topicPrefix}group-${i}` });
        await consumer.connect();
        await consumer.subscribe({ topics: [topicName(stack.topicPrefix, 'alerts')] });
        await consumer.disconnect();
      }),
    );
    expect(lines.filter((l) => /"level":"(error|fatal)"/.test(l))).toEqual([]);
  });
});

describe('createKafka', () => {
  it('logs a rebalance that kafkajs rejoins by itself below error level', async () => {
    const { logger, lines } = capturedLogger('debug');
    const kafka = createKafka({ brokers: stack.brokers, clientId: 'rebalance', logger });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, stack.topicPrefix);
    await admin.disconnect();
    const topic = topicName(stack.topicPrefix, 'alerts');
    const groupId = `${stack.topicPrefix}rebalance`;
    const members = [kafka.consumer({ groupId, heartbeatInterval: 300 }), kafka.consumer({ groupId })];
    try {
      const joined = members.map((m) => new Promise((resolve) => m.on(m.events.GROUP_JOIN, resolve)));
      await members[0]!.connect();
      await members[0]!.subscribe({ topics: [topic] });
      await members[0]!.run({ eachMessage: () => Promise.resolve() });
      await joined[0];
      // A second member joining: the first hears of it as REBALANCE_IN_PROGRESS on its heartbeat.
      const rejoined = new Promise((resolve) => members[0]!.on(members[0]!.events.GROUP_JOIN, resolve));
      await members[1]!.connect();
      await members[1]!.subscribe({ topics: [topic] });
      await members[1]!.run({ eachMessage: () => Promise.resolve() });
      await Promise.all([joined[1], rejoined]);
    } finally {
      await Promise.all(members.map((m) => m.disconnect()));
    }
    expect(lines.filter((l) => l.includes('The group is rebalancing')).length).toBeGreaterThan(0);
    expect(lines.filter((l) => /"level":"(error|fatal)"/.test(l))).toEqual([]);
  });
});

describe('ensureTopics with configured partitions and replication', () => {
  const scoped = testStack();

  afterAll(async () => {
    await scoped.deleteTopics();
  });

  it('creates topics from the configuration and refuses, naming the setting, what the cluster or the topics cannot match', async () => {
    const kafka = scoped.kafka();
    const admin = kafka.admin();
    await admin.connect();
    try {
      const refusal = async (settings: TopicSettings): Promise<string> => {
        const err: unknown = await ensureTopics(admin, scoped.topicPrefix, settings).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isRingfenceError(err, 'CONFIG_INVALID'), JSON.stringify(settings)).toBe(true);
        expect((err as RingfenceError).retryable).toBe(false);
        return (err as Error).message;
      };
      // The shared stack is one broker: a factor of 2 cannot be met, and nothing is created.
      expect(await refusal({ replicationFactor: 2 })).toMatch(
        /kafkaReplicationFactor \(env KAFKA_REPLICATION_FACTOR\) = 2: expected at most the number of brokers up .*, 1 /,
      );
      expect(await refusal({ replicationFactor: 1, minInsyncReplicas: 2 })).toContain(
        'kafkaMinInsyncReplicas (env KAFKA_MIN_INSYNC_REPLICAS) = 2: expected at most the replication factor, 1',
      );
      expect((await admin.listTopics()).filter((t) => t.startsWith(scoped.topicPrefix))).toEqual([]);

      await ensureTopics(admin, scoped.topicPrefix, {
        replicationFactor: 1,
        minInsyncReplicas: 1,
        partitions: { 'cdr.v1': 4 },
      });
      const cdr = topicName(scoped.topicPrefix, 'cdr');
      const { topics } = await admin.fetchTopicMetadata({ topics: [cdr] });
      expect(topics[0]?.partitions).toHaveLength(4);
      // Started again with another count than the topic has: refused, with the count it has.
      expect(await refusal({ partitions: { 'cdr.v1': 6 } })).toContain(
        `kafkaTopicPartitions (env KAFKA_TOPIC_PARTITIONS) = cdr.v1=6: topic ${cdr} exists with 4 partitions`,
      );
    } finally {
      await admin.disconnect();
    }
  });
});
