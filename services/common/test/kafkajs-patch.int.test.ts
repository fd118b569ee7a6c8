// What patches/kafkajs+2.2.4.patch mends in kafkajs's read_committed path, on the real broker: the
// records of transactions aborted in another order than they began (what a crashed scorer's
// successors do when they fence its tasks) must reach no reader.
import type { Admin, Kafka, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { readToEnd } from '../src/topic-reader.js';
import { testStack } from '../src/test-stack.js';

const stack = testStack();
const topic = `${stack.topicPrefix}aborted-order`;
const PRODUCERS = 4;
let kafka: Kafka;
let admin: Admin;
const producers: Producer[] = [];
const committed: string[] = [];

beforeAll(async () => {
  kafka = stack.kafka();
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  for (let i = 0; i < PRODUCERS; i++) {
    const p = kafka.producer({
      transactionalId: `${stack.topicPrefix}aborted-order-${i}`,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await p.connect();
    producers.push(p);
  }
  // Every producer opens a transaction and writes into it, interleaved; they are aborted last
  // first, so the broker's abort index lists them in the reverse of their first offsets.
  const open = [];
  for (const p of producers) open.push(await p.transaction());
  for (let round = 0; round < 3; round++)
    for (const [i, t] of open.entries())
      await t.send({ topic, messages: [{ key: `p${i}`, value: `aborted p${i} #${round}` }] });
  for (const t of [...open].reverse()) await t.abort();
  // Then each commits a transaction of its own, interleaved the same way.
  const next = [];
  for (const p of producers) next.push(await p.transaction());
  for (const [i, t] of next.entries()) {
    await t.send({ topic, messages: [{ key: `p${i}`, value: `committed p${i}` }] });
    committed.push(`committed p${i}`);
  }
  for (const t of next) await t.commit();
}, 60_000);

afterAll(async () => {
  for (const p of producers) await p.disconnect();
  await stack.deleteTopics();
  await admin?.disconnect();
});

describe('kafkajs patch: transactions aborted out of order, on the broker', () => {
  it('a consumer group member is handed the committed records only', async () => {
    const consumer = kafka.consumer({ groupId: `${stack.topicPrefix}aborted-order`, maxWaitTimeInMs: 200 });
    const seen: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        seen.push(message.value!.toString());
        return Promise.resolve();
      },
    });
    const deadline = Date.now() + 30_000;
    while (seen.length < committed.length && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    // Anything aborted would have come first: it lies before every committed record.
    await consumer.disconnect();
    expect(seen).toEqual(committed);
  }, 60_000);

  it('readToEnd reads the committed records only', async () => {
    const seen: string[] = [];
    await readToEnd(
      admin,
      topic,
      (_p, m) => seen.push(m.value!.toString()),
      {},
      createLogger('test', 'warn'),
    );
    expect(seen).toEqual(committed);
  });
});

describe('kafkajs patch: fetchTopicsEnds, on the broker', () => {
  it("gives fetchTopicOffsets's ends of several topics in two ListOffsets and no Metadata once the topics are known, or the high watermarks", async () => {
    const other = `${stack.topicPrefix}ends-other`;
    await admin.createTopics({
      topics: [{ topic: other, numPartitions: 3, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    const p = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await p.connect();
    await p.send({
      topic: other,
      messages: [0, 1, 1, 2, 2, 2].map((partition) => ({ partition, value: 'x' })),
    });
    await p.disconnect();
    // A transaction left open: its records lie past the last stable offset a committed reader reaches.
    const open = await producers[0]!.transaction();
    await open.send({ topic, messages: [{ key: 'open', value: 'open' }] });
    try {
      const counted = kafka.admin();
      const requests: string[] = [];
      counted.on(counted.events.REQUEST, (e) => requests.push(e.payload.apiName));
      await counted.connect();
      try {
        const expected = await Promise.all(
          [topic, other].map(async (t) => ({
            topic: t,
            // In partition order (kafkajs lists them in the metadata's order).
            partitions: (await admin.fetchTopicOffsets(t))
              .map(({ partition, high, low }) => ({ partition, high, low }))
              .sort((a, b) => a.partition - b.partition),
          })),
        );
        expect(await counted.fetchTopicsEnds([topic, other])).toEqual(expected);
        requests.length = 0;
        const again = await counted.fetchTopicsEnds([topic, other]);
        expect(again).toEqual(expected);
        expect(requests.sort()).toEqual(['ListOffsets', 'ListOffsets']);
        const [ends] = again;
        const [committedEnd] = await admin.fetchTopicEndsCommitted(topic);
        expect(ends!.partitions[0]!.high).toBe(committedEnd!.high);
        expect(Number(ends!.partitions[0]!.high)).toBeLessThan(Number(committedEnd!.highWatermark));
        // Told to, it gives the high watermark instead: the open transaction's record counts.
        requests.length = 0;
        const [written, otherWritten] = await counted.fetchTopicsEnds([topic, other], {
          readUncommitted: true,
        });
        expect(requests.sort()).toEqual(['ListOffsets', 'ListOffsets']);
        expect(written!.partitions[0]).toEqual({
          partition: 0,
          high: committedEnd!.highWatermark,
          low: committedEnd!.low,
        });
        expect(otherWritten).toEqual(expected[1]);
      } finally {
        await counted.disconnect();
      }
    } finally {
      await open.abort();
    }
  });
});
