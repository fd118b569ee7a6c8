import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Admin, Kafka } from 'kafkajs';
import { createLogger } from '../src/logger.js';
import { readToEnd } from '../src/topic-reader.js';
import { testStack } from '../src/test-stack.js';

const stack = testStack();
const plain = `${stack.topicPrefix}read-plain`;
const transactional = `${stack.topicPrefix}read-txn`;
const empty = `${stack.topicPrefix}read-empty`;
let kafka: Kafka;
let admin: Admin;

beforeAll(async () => {
  kafka = stack.kafka();
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [plain, transactional, empty].map((topic) => ({ topic, numPartitions: 2, replicationFactor: 1 })),
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  await producer.send({
    topic: plain,
    messages: Array.from({ length: 40 }, (_, i) => ({ partition: i % 2, key: `k${i}`, value: String(i) })),
  });
  await producer.disconnect();
  // A transactional topic ends with commit/abort markers that no consumer is handed.
  const txp = kafka.producer({
    transactionalId: `${stack.topicPrefix}read`,
    idempotent: true,
    maxInFlightRequests: 1,
  });
  await txp.connect();
  const committed = await txp.transaction();
  await committed.send({
    topic: transactional,
    messages: [0, 1].map((p) => ({ partition: p, value: `c${p}` })),
  });
  await committed.commit();
  const aborted = await txp.transaction();
  await aborted.send({
    topic: transactional,
    messages: [0, 1].map((p) => ({ partition: p, value: `a${p}` })),
  });
  await aborted.abort();
  await txp.disconnect();
});

afterAll(async () => {
  await stack.deleteTopics();
  await admin?.disconnect();
});

const values = async (topic: string, from?: ReadonlyMap<number, number>): Promise<string[]> => {
  const out: string[] = [];
  await readToEnd(
    kafka,
    admin,
    topic,
    (_partition, m) => out.push(m.value!.toString()),
    { groupPrefix: 'read-to-end', ...(from === undefined ? {} : { from }) },
    createLogger('test', 'warn'),
  );
  return out.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
};

describe('readToEnd', () => {
  it('reads every partition from the beginning to its end', async () => {
    expect(await values(plain)).toEqual(Array.from({ length: 40 }, (_, i) => String(i)));
  });

  it('starts each partition at the given offset', async () => {
    // Partition 0 holds the even values, partition 1 the odd ones, 20 each.
    expect(
      await values(
        plain,
        new Map([
          [0, 18],
          [1, 19],
        ]),
      ),
    ).toEqual(['36', '38', '39']);
  });

  it('ends a transactional topic whose last records are markers, without the aborted records', async () => {
    expect(await values(transactional)).toEqual(['c0', 'c1']);
  });

  it('returns at once for an empty topic, and leaves no group behind', async () => {
    expect(await values(empty)).toEqual([]);
    const { groups } = await admin.listGroups();
    expect(groups.filter((g) => g.groupId.startsWith('read-to-end-'))).toEqual([]);
  });
});
