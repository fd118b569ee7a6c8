import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Admin, Kafka } from 'kafkajs';
import { testStack, until } from '@ringfence/common/testing';

// Issue #20: the transaction guarantees the scorer's fencing relies on, held by kafkajs (the client in
// use) against the real broker: produce and consumer offsets commit together, an aborted transaction
// stays invisible to read_committed readers, and a second producer with the same transactional id
// fences the first.
const stack = testStack();
const input = `${stack.topicPrefix}txn-input`;
const output = `${stack.topicPrefix}txn-output`;
let kafka: Kafka;
let admin: Admin;

beforeAll(async () => {
  kafka = stack.kafka();
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [input, output].map((topic) => ({ topic, numPartitions: 2, replicationFactor: 1 })),
  });
});

afterAll(async () => {
  await stack.deleteTopics();
  await admin?.disconnect();
});

const id = (): string => `${stack.topicPrefix}tx-${randomBytes(3).toString('hex')}`;

/** Every value of `topic` a read_committed reader sees, read to the topic's end. */
async function committedValues(topic: string): Promise<string[]> {
  const groupId = `${stack.topicPrefix}reader-${randomBytes(4).toString('hex')}`;
  const ends = await admin.fetchTopicOffsets(topic);
  const reader = kafka.consumer({ groupId, readUncommitted: false });
  const values: string[] = [];
  // read_committed stops at the last stable offset: the end is reached once every partition's
  // position passed the high watermark (control records included), seen through the batch's lag.
  const pending = new Set(ends.filter((e) => Number(e.high) > 0).map((e) => e.partition));
  await reader.connect();
  await reader.subscribe({ topics: [topic], fromBeginning: true });
  try {
    await new Promise<void>((resolve, reject) => {
      if (pending.size === 0) resolve();
      reader
        .run({
          eachBatch: async ({ batch }) => {
            for (const m of batch.messages) values.push(m.value?.toString() ?? '');
            if (BigInt(batch.highWatermark) <= BigInt(batch.lastOffset()) + 1n)
              pending.delete(batch.partition);
            if (pending.size === 0) resolve();
            return Promise.resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await reader.disconnect();
  }
  return values.sort();
}

describe('kafkajs transactions', () => {
  it('commits produced records and consumer offsets together', async () => {
    const group = `${stack.topicPrefix}scorer`;
    const producer = kafka.producer({ transactionalId: id(), idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      const txn = await producer.transaction();
      await txn.send({ topic: output, messages: [{ key: 'a', value: 'committed-1' }] });
      await txn.sendOffsets({
        consumerGroupId: group,
        topics: [{ topic: input, partitions: [{ partition: 0, offset: '42' }] }],
      });
      await txn.commit();
    } finally {
      await producer.disconnect();
    }
    // The offset commits with the transaction's markers, which the coordinator writes after the
    // commit returns: until then the group's offset still reads as none.
    await until(
      "the transaction's offset commit",
      async () => {
        const offsets = await admin.fetchOffsets({ groupId: group, topics: [input] });
        return offsets[0]?.partitions.find((p) => p.partition === 0)?.offset === '42';
      },
      15_000,
    );
    expect(await committedValues(output)).toContain('committed-1');
  });

  it('keeps an aborted transaction invisible to read_committed readers, records and offsets', async () => {
    const group = `${stack.topicPrefix}aborted`;
    const producer = kafka.producer({ transactionalId: id(), idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      const txn = await producer.transaction();
      await txn.send({ topic: output, messages: [{ key: 'b', value: 'aborted-1' }] });
      await txn.sendOffsets({
        consumerGroupId: group,
        topics: [{ topic: input, partitions: [{ partition: 1, offset: '7' }] }],
      });
      await txn.abort();
      const after = await producer.transaction();
      await after.send({ topic: output, messages: [{ key: 'b', value: 'after-abort' }] });
      await after.commit();
    } finally {
      await producer.disconnect();
    }
    const values = await committedValues(output);
    expect(values).toContain('after-abort');
    expect(values).not.toContain('aborted-1');
    const offsets = await admin.fetchOffsets({ groupId: group, topics: [input] });
    expect(offsets[0]?.partitions.find((p) => p.partition === 1)?.offset).toBe('-1');
  });

  it('a second producer with the same transactional id fences the first', async () => {
    const transactionalId = id();
    const first = kafka.producer({ transactionalId, idempotent: true, maxInFlightRequests: 1 });
    const second = kafka.producer({ transactionalId, idempotent: true, maxInFlightRequests: 1 });
    await first.connect();
    try {
      const zombie = await first.transaction();
      await zombie.send({ topic: output, messages: [{ key: 'c', value: 'zombie-before-fence' }] });
      // kafkajs's connect() takes a plain idempotent producer id: the fence is the transactional
      // InitProducerId of the new owner's first transaction(), which also aborts the zombie's open one.
      await second.connect();
      await zombie.send({ topic: output, messages: [{ key: 'c', value: 'zombie-after-connect' }] });
      const owner = await second.transaction();
      await owner.send({ topic: output, messages: [{ key: 'c', value: 'owner-1' }] });
      await owner.commit();

      const error: unknown = await zombie
        .send({ topic: output, messages: [{ key: 'c', value: 'zombie-after-fence' }] })
        .then(() => zombie.commit())
        .then(
          () => undefined,
          (err: unknown) => err,
        );
      expect(error, 'the fenced producer commit must fail').toBeInstanceOf(Error);
      const e = error as Error & { type?: string; code?: number; retriable?: boolean };
      expect({ name: e.name, type: e.type, code: e.code, retriable: e.retriable }).toEqual({
        name: 'KafkaJSProtocolError',
        type: 'INVALID_PRODUCER_EPOCH',
        code: 47,
        retriable: false,
      });
      // Fenced for good: the producer cannot begin another transaction.
      await expect(first.transaction()).rejects.toThrow();
    } finally {
      await first.disconnect().catch(() => undefined);
      await second.disconnect();
    }
    const values = await committedValues(output);
    expect(values).toContain('owner-1');
    expect(values).not.toContain('zombie-before-fence');
    expect(values).not.toContain('zombie-after-connect');
    expect(values).not.toContain('zombie-after-fence');
  });
});
