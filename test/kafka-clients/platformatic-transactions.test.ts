import { randomBytes } from 'node:crypto';
import {
  Consumer,
  Producer,
  stringDeserializers,
  stringSerializers,
  type Message,
} from '@platformatic/kafka';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Admin, Kafka } from 'kafkajs';
import { testStack, until } from '@ringfence/common/testing';

// Issue #20: the transaction guarantees (see kafkajs-transactions.test.ts) held by @platformatic/kafka
// 2.x against the real broker. Offsets join a transaction through a consumer of the group, as the
// client's API requires (Transaction.addConsumer + addOffset).
const stack = testStack();
const input = `${stack.topicPrefix}ptxn-input`;
const output = `${stack.topicPrefix}ptxn-output`;
const brokers = [...stack.brokers];
let kafka: Kafka;
let admin: Admin;

beforeAll(async () => {
  kafka = stack.kafka();
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [input, output].map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })),
  });
  const p = kafka.producer();
  await p.connect();
  await p.send({ topic: input, messages: [0, 1, 2].map((i) => ({ value: `in-${i}` })) });
  await p.disconnect();
});

afterAll(async () => {
  await stack.deleteTopics();
  await admin?.disconnect();
});

const suffix = (): string => randomBytes(3).toString('hex');

const transactional = (transactionalId: string): Producer<string, string, string, string> =>
  new Producer({
    clientId: `ptxn-${suffix()}`,
    bootstrapBrokers: brokers,
    transactionalId,
    idempotent: true,
    serializers: stringSerializers,
    retries: 3,
    // Without these, InitProducerId goes out with producer id 0 and epoch 0, which the broker reads as
    // an existing producer's claim: a second instance with the same transactional id is refused with
    // PRODUCER_FENCED instead of fencing the first (2.12.1). -1/-1 asks for a new epoch.
    producerId: -1n,
    producerEpoch: -1,
  });

/** Every value a read_committed @platformatic/kafka consumer sees up to a marker written last. */
async function committedValues(topic: string): Promise<string[]> {
  const marker = `end-${suffix()}`;
  const p = kafka.producer();
  await p.connect();
  await p.send({ topic, messages: [{ value: marker }] });
  await p.disconnect();
  const reader = new Consumer({
    clientId: `reader-${suffix()}`,
    groupId: `${stack.topicPrefix}reader-${suffix()}`,
    bootstrapBrokers: brokers,
    deserializers: stringDeserializers,
  });
  const values: string[] = [];
  try {
    const stream = await reader.consume({ topics: [topic], mode: 'earliest', autocommit: false });
    for await (const m of stream) {
      if (m.value === marker) break;
      values.push(m.value);
    }
  } finally {
    await reader.close(true);
  }
  return values.sort();
}

/** The first record of the input topic, read by a member of `groupId` (so its offset can join a transaction). */
async function firstInput(groupId: string): Promise<{
  consumer: Consumer<string, string, string, string>;
  message: Message<string, string, string, string>;
}> {
  const consumer = new Consumer({
    clientId: `member-${suffix()}`,
    groupId,
    bootstrapBrokers: brokers,
    deserializers: stringDeserializers,
  });
  const stream = await consumer.consume({ topics: [input], mode: 'earliest', autocommit: false });
  for await (const message of stream) {
    stream.pause();
    return { consumer, message };
  }
  throw new Error('input topic ended');
}

/** The broker error ids inside a (nested) @platformatic/kafka error. */
function brokerErrors(error: unknown): string[] {
  if (!(error instanceof Error)) return [];
  const own = (error as Error & { apiId?: string }).apiId;
  const nested = error instanceof AggregateError ? (error.errors as unknown[]).flatMap(brokerErrors) : [];
  return own === undefined ? nested : [own, ...nested];
}

async function committedOffset(groupId: string): Promise<string | undefined> {
  const offsets = await admin.fetchOffsets({ groupId, topics: [input] });
  return offsets[0]?.partitions.find((p) => p.partition === 0)?.offset;
}

describe('@platformatic/kafka transactions', () => {
  it('commits produced records and consumer offsets together', async () => {
    const group = `${stack.topicPrefix}scorer-${suffix()}`;
    const { consumer, message } = await firstInput(group);
    const producer = transactional(`${stack.topicPrefix}ptx-${suffix()}`);
    try {
      const txn = await producer.beginTransaction();
      await txn.send({ messages: [{ topic: output, key: 'a', value: 'committed-1' }] });
      await txn.addConsumer(consumer);
      await txn.addOffset(message);
      await txn.commit();
    } finally {
      await producer.close();
      await consumer.close(true);
    }
    // The offset commits with the transaction's markers, which the coordinator writes after the
    // commit returns: until then the group's offset still reads as none.
    await until(
      "the transaction's offset commit",
      async () => (await committedOffset(group)) === '1',
      15_000,
    );
    expect(await committedValues(output)).toContain('committed-1');
  });

  it('keeps an aborted transaction invisible to read_committed readers, records and offsets', async () => {
    const group = `${stack.topicPrefix}aborted-${suffix()}`;
    const { consumer, message } = await firstInput(group);
    const producer = transactional(`${stack.topicPrefix}ptx-${suffix()}`);
    try {
      const txn = await producer.beginTransaction();
      await txn.send({ messages: [{ topic: output, key: 'b', value: 'aborted-1' }] });
      await txn.addConsumer(consumer);
      await txn.addOffset(message);
      await txn.abort();
      const after = await producer.beginTransaction();
      await after.send({ messages: [{ topic: output, key: 'b', value: 'after-abort' }] });
      await after.commit();
    } finally {
      await producer.close();
      await consumer.close(true);
    }
    const values = await committedValues(output);
    expect(values).toContain('after-abort');
    expect(values).not.toContain('aborted-1');
    expect(await committedOffset(group)).toBe('-1');
  });

  it('a second producer with the same transactional id fences the first', async () => {
    const transactionalId = `${stack.topicPrefix}ptx-${suffix()}`;
    const first = transactional(transactionalId);
    const second = transactional(transactionalId);
    try {
      const zombie = await first.beginTransaction();
      await zombie.send({ messages: [{ topic: output, key: 'c', value: 'p-zombie-before-fence' }] });
      const owner = await second.beginTransaction();
      await owner.send({ messages: [{ topic: output, key: 'c', value: 'p-owner-1' }] });
      await owner.commit();

      const error: unknown = await zombie
        .send({ messages: [{ topic: output, key: 'c', value: 'p-zombie-after-fence' }] })
        .then(() => zombie.commit())
        .then(
          () => undefined,
          (err: unknown) => err,
        );
      expect(error, 'the fenced producer commit must fail').toBeInstanceOf(Error);
      expect(brokerErrors(error)).toContain('INVALID_PRODUCER_EPOCH');
    } finally {
      await first.close(true).catch(() => undefined);
      await second.close();
    }
    const values = await committedValues(output);
    expect(values).toContain('p-owner-1');
    expect(values).not.toContain('p-zombie-before-fence');
    expect(values).not.toContain('p-zombie-after-fence');
  });
});
