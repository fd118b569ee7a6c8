import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Admin, Kafka } from 'kafkajs';
import { createLogger } from '../src/logger.js';
import { readToEnd, type ReadToEndOptions } from '../src/topic-reader.js';
import { testStack } from '../src/test-stack.js';

const stack = testStack();
const plain = `${stack.topicPrefix}read-plain`;
const transactional = `${stack.topicPrefix}read-txn`;
const empty = `${stack.topicPrefix}read-empty`;
const open = `${stack.topicPrefix}read-open`;
const large = `${stack.topicPrefix}read-large`;
let kafka: Kafka;
let admin: Admin;

beforeAll(async () => {
  kafka = stack.kafka();
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [plain, transactional, empty, open, large].map((topic) => ({
      topic,
      numPartitions: 2,
      replicationFactor: 1,
    })),
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  await producer.send({
    topic: plain,
    messages: Array.from({ length: 40 }, (_, i) => ({ partition: i % 2, key: `k${i}`, value: String(i) })),
  });
  // 3 MiB in one partition: more than one fetch's worth (1 MiB a partition).
  for (let batch = 0; batch < 3; batch++) {
    await producer.send({
      topic: large,
      messages: Array.from({ length: 64 }, (_, i) => ({
        partition: 0,
        value: `${batch * 64 + i} ${'x'.repeat(16_000)}`,
      })),
    });
  }
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
  const after = await txp.transaction();
  await after.send({ topic: transactional, messages: [{ partition: 0, value: 'c2' }] });
  await after.commit();
  await txp.disconnect();
});

afterAll(async () => {
  await stack.deleteTopics();
  await admin?.disconnect();
});

const values = async (topic: string, options: ReadToEndOptions = {}): Promise<string[]> => {
  const out: string[] = [];
  await readToEnd(
    admin,
    topic,
    (_partition, m) => out.push(m.value!.toString()),
    options,
    createLogger('test', 'warn'),
  );
  return out.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
};

describe('readToEnd', () => {
  it('reads every partition from the beginning to its end', async () => {
    expect(await values(plain)).toEqual(Array.from({ length: 40 }, (_, i) => String(i)));
  });

  it('waits for afterFetch between fetches: nothing more is handed over until it resolves', async () => {
    const seen: number[] = [];
    const heldAt: number[] = [];
    await readToEnd(
      admin,
      large,
      (_partition, m) => seen.push(Number(m.value!.toString().split(' ')[0])),
      {
        afterFetch: async () => {
          const before = seen.length;
          await new Promise((resolve) => setTimeout(resolve, 100));
          // Held: the read handed nothing over while this waited.
          heldAt.push(seen.length - before);
        },
      },
      createLogger('test', 'warn'),
    );
    expect(seen).toEqual(Array.from({ length: 192 }, (_, i) => i));
    expect(heldAt.length).toBeGreaterThanOrEqual(3);
    expect(heldAt.every((n) => n === 0)).toBe(true);
  });

  it('starts each partition at the given offset', async () => {
    // Partition 0 holds the even values, partition 1 the odd ones, 20 each.
    expect(
      await values(plain, {
        from: new Map([
          [0, 18],
          [1, 19],
        ]),
      }),
    ).toEqual(['36', '38', '39']);
  });

  it('reads only the partitions asked for', async () => {
    expect(await values(plain, { partitions: [1] })).toEqual(
      Array.from({ length: 20 }, (_, i) => String(2 * i + 1)),
    );
  });

  it('reads committed records past aborted ones, up to the markers that end the topic', async () => {
    expect(await values(transactional)).toEqual(['c0', 'c1', 'c2']);
  });

  it('stops at the last stable offset: a transaction still open is neither read nor waited for', async () => {
    const before = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await before.connect();
    await before.send({ topic: open, messages: [{ partition: 0, value: 'before' }] });
    await before.disconnect();
    const txp = kafka.producer({
      transactionalId: `${stack.topicPrefix}read-open`,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await txp.connect();
    const pending = await txp.transaction();
    await pending.send({ topic: open, messages: [{ partition: 0, value: 'pending' }] });
    try {
      expect(await values(open)).toEqual(['before']);
    } finally {
      await pending.abort();
      await txp.disconnect();
    }
  });

  it('with pastOpenTransactions, reads what was committed behind a transaction still open, not the open one', async () => {
    const producer = (id: string): ReturnType<Kafka['producer']> =>
      kafka.producer({
        transactionalId: `${stack.topicPrefix}${id}`,
        idempotent: true,
        maxInFlightRequests: 1,
      });
    const [holder, committer, aborter] = [producer('hold'), producer('commit'), producer('abort')];
    const outside = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    for (const p of [holder, committer, aborter, outside]) await p.connect();
    const held = await holder.transaction();
    await held.send({ topic: open, messages: [{ partition: 1, value: 'open' }] });
    const behind = await committer.transaction();
    await behind.send({ topic: open, messages: [{ partition: 1, value: 'behind' }] });
    await behind.commit();
    const dropped = await aborter.transaction();
    await dropped.send({ topic: open, messages: [{ partition: 1, value: 'aborted' }] });
    await dropped.abort();
    await outside.send({ topic: open, messages: [{ partition: 1, value: 'plain' }] });
    try {
      expect(await values(open)).toEqual(['before']);
      expect(await values(open, { pastOpenTransactions: true })).toEqual(['before', 'behind', 'plain']);
    } finally {
      await held.abort();
      for (const p of [holder, committer, aborter, outside]) await p.disconnect();
    }
  });

  it('returns at once for an empty topic, and joins no consumer group', async () => {
    const before = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
    expect(await values(empty)).toEqual([]);
    expect(await values(plain)).toHaveLength(40);
    const after = (await admin.listGroups()).groups.map((g) => g.groupId);
    expect(after.filter((g) => !before.has(g))).toEqual([]);
  });
});
