import { randomBytes } from 'node:crypto';
import {
  Consumer as PlatformaticConsumer,
  Producer as PlatformaticProducer,
  compatibilityPartitioner,
} from '@platformatic/kafka';
import type { Kafka } from 'kafkajs';
import { createKafka, createLogger } from '@ringfence/common';
import { until } from '@ringfence/common/testing';

/**
 * The Kafka clients under comparison (issue #20), each behind the same small surface the guarantee
 * tests drive: an idempotent producer with several sends in flight, and a group member that commits
 * each batch's offsets after processing it. Each is configured as a service would configure it:
 * retrying through broker outages by itself.
 */
export interface Candidate {
  readonly name: string;
  /**
   * Sends a producer may have outstanding while keeping their order per partition through retries.
   * kafkajs: 1. With several concurrent send() calls it retries a failed call after later ones, so a
   * broker restart or hang reorders records (measured: 1-3 out of order per partition; no duplicate
   * or gap). Every project producer awaits each send.
   */
  readonly sendsInFlight: number;
  producer(): Promise<CandidateProducer>;
  /** Joins `groupId` on `topic` from the earliest offset; `process` runs before the offsets are committed. */
  member(groupId: string, topic: string, process: (records: readonly Received[]) => void): Promise<Member>;
}

export interface CandidateProducer {
  send(topic: string, records: readonly { key: string; value: string }[]): Promise<void>;
  close(): Promise<void>;
}

export interface Member {
  close(): Promise<void>;
  /** Commits refused (a rebalance under way, the broker away): what a duplicate would come from. */
  readonly failedCommits: number;
}

export interface Received {
  partition: number;
  offset: bigint;
  value: string;
}

const logger = createLogger('test', 'fatal');
/** KAFKA_CLIENT_SENDS_IN_FLIGHT overrides a candidate's sends in flight (to reproduce a failure). */
const inFlight = (fallback: number): number =>
  Number(process.env['KAFKA_CLIENT_SENDS_IN_FLIGHT'] ?? fallback);
const id = (): string => randomBytes(3).toString('hex');

export function kafkajsCandidate(brokers: readonly string[]): Candidate {
  const kafka: Kafka = createKafka({ brokers, clientId: `kafkajs-${id()}`, logger });
  return {
    name: 'kafkajs',
    sendsInFlight: inFlight(1),
    async producer() {
      // As ingest configures it.
      const p = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await p.connect();
      return {
        send: async (topic, records) => {
          await p.send({ topic, acks: -1, messages: records.map((r) => ({ key: r.key, value: r.value })) });
        },
        close: () => p.disconnect(),
      };
    },
    async member(groupId, topic, process) {
      const c = kafka.consumer({
        groupId,
        sessionTimeout: 10_000,
        heartbeatInterval: 1_000,
        maxWaitTimeInMs: 200,
      });
      let failedCommits = 0;
      await c.connect();
      await c.subscribe({ topics: [topic], fromBeginning: true });
      await c.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          if (batch.messages.length === 0) return;
          process(
            batch.messages.map((m) => ({
              partition: batch.partition,
              offset: BigInt(m.offset),
              value: m.value?.toString() ?? '',
            })),
          );
          const next = (BigInt(batch.lastOffset()) + 1n).toString();
          await c
            .commitOffsets([{ topic, partition: batch.partition, offset: next }])
            .catch(() => (failedCommits += 1));
        },
      });
      return {
        close: () => c.disconnect(),
        get failedCommits() {
          return failedCommits;
        },
      };
    },
  };
}

/** The candidates by name, for a test's `KAFKA_CLIENT_CANDIDATES` (comma-separated). */
export function candidatesFromEnv(brokers: readonly string[], fallback: readonly string[]): Candidate[] {
  const names = (process.env['KAFKA_CLIENT_CANDIDATES'] ?? fallback.join(','))
    .split(',')
    .filter((n) => n !== '');
  return names.map((n) => {
    if (n === 'kafkajs') return kafkajsCandidate(brokers);
    if (n === 'platformatic') return platformaticCandidate(brokers);
    throw new Error(`unknown Kafka client candidate ${n} (kafkajs, platformatic)`);
  });
}

export function platformaticCandidate(brokers: readonly string[]): Candidate {
  const base = {
    bootstrapBrokers: [...brokers],
    // Retries through a broker restart or hang as kafkajs does with the project's settings.
    retries: Number.MAX_SAFE_INTEGER,
    retryDelay: 500,
  };
  return {
    name: '@platformatic/kafka',
    sendsInFlight: inFlight(4),
    producer() {
      // Java-compatible key hashing (as kafkajs's default): keys keep their partitions.
      const p = new PlatformaticProducer({
        ...base,
        clientId: `plt-${id()}`,
        idempotent: true,
        partitioner: compatibilityPartitioner,
      });
      return Promise.resolve({
        send: async (topic, records) => {
          await p.send({
            messages: records.map((r) => ({ topic, key: Buffer.from(r.key), value: Buffer.from(r.value) })),
          });
        },
        close: () => p.close(),
      });
    },
    async member(groupId, topic, process) {
      const c = new PlatformaticConsumer({
        ...base,
        clientId: `plt-${id()}`,
        groupId,
        sessionTimeout: 10_000,
        heartbeatInterval: 1_000,
        maxWaitTime: 200,
      });
      let failedCommits = 0;
      const stream = await c.consume({
        topics: [topic],
        mode: 'committed',
        fallbackMode: 'earliest',
        autocommit: false,
      });
      stream.on('error', () => undefined);
      // One record at a time, each committed after it is processed (the stream has no batch boundary).
      const done = (async () => {
        for await (const m of stream) {
          process([{ partition: m.partition, offset: m.offset, value: m.value.toString() }]);
          try {
            await m.commit();
          } catch {
            failedCommits += 1;
          }
        }
      })().catch(() => undefined);
      return {
        close: async () => {
          await c.close(true);
          await done;
        },
        get failedCommits() {
          return failedCommits;
        },
      };
    },
  };
}

/**
 * Creates a topic and waits until every partition answers (a fresh broker lists leaders before it
 * serves them, and createTopics' own leader wait can fail on that).
 */
export async function createTopic(kafka: Kafka, topic: string, partitions: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: false,
      topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
    });
    await until(
      `${topic} leaders`,
      async () => (await admin.fetchTopicOffsets(topic)).length === partitions,
      60_000,
    );
  } finally {
    await admin.disconnect();
  }
}
