import { afterAll, describe, expect, it } from 'vitest';
import { TOPIC_SPECS, ensureTopics, topicName } from '@ringfence/common';
import { testStack } from '@ringfence/common/testing';
import { cdrv1 } from '@ringfence/proto';

// The foundation's promise: the real broker and the real server are up, and the shared helpers reach them.
const stack = testStack();

afterAll(async () => {
  await stack.dropDatabase();
});

describe('the local stack', () => {
  it('produces and consumes protobuf CDRs through the real Kafka broker', async () => {
    const kafka = stack.kafka();
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, stack.topicPrefix);
    const topics = await admin.listTopics();
    for (const spec of TOPIC_SPECS) expect(topics).toContain(topicName(stack.topicPrefix, spec.role));
    const meta = await admin.fetchTopicMetadata({ topics: [topicName(stack.topicPrefix, 'cdr')] });
    expect(meta.topics[0]?.partitions).toHaveLength(6);
    await admin.disconnect();

    const topic = topicName(stack.topicPrefix, 'cdr');
    const producer = kafka.producer();
    await producer.connect();
    const sent = Array.from({ length: 50 }, (_, i) => ({
      callId: `c${i}`,
      setupTimeMs: 1_700_000_000_000 + i,
      calling: { raw: `1380013800${i % 10}`, e164: `+861380013800${i % 10}`, valid: true },
    }));
    await producer.send({
      topic,
      messages: sent.map((r) => ({
        key: r.calling.e164,
        value: Buffer.from(cdrv1.CallDetailRecord.encode(r).finish()),
      })),
    });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: `${stack.topicPrefix}smoke` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const got = new Map<string, number>();
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: ({ message }) => {
          const rec = cdrv1.CallDetailRecord.decode(message.value!);
          got.set(rec.callId, rec.setupTimeMs);
          expect(message.key?.toString()).toBe(rec.calling?.e164);
          if (got.size === sent.length) resolve();
          return Promise.resolve();
        },
      });
    });
    await consumer.disconnect();
    expect(got.get('c7')).toBe(1_700_000_000_007);
  });

  it('inserts and selects through the real ClickHouse server', async () => {
    await stack.createDatabase();
    const ch = stack.clickhouse();
    await ch.command({
      query: 'CREATE TABLE smoke (id UInt64, at DateTime, n String) ENGINE = MergeTree ORDER BY id',
    });
    await ch.insert({
      table: 'smoke',
      format: 'JSONEachRow',
      values: [
        { id: 1, at: '2026-01-01 00:00:00', n: 'a' },
        { id: 2, at: 1_767_225_600, n: "o'hara" },
      ],
    });
    const rs = await ch.query({
      query: 'SELECT id, n, toUnixTimestamp(at) AS t FROM smoke ORDER BY id',
      format: 'JSON',
    });
    const body = await rs.json<{ id: string; n: string; t: string }>();
    expect(body.data).toEqual([
      { id: '1', n: 'a', t: 1_767_225_600 },
      { id: '2', n: "o'hara", t: 1_767_225_600 },
    ]);
    const version = await (
      await ch.query({ query: 'SELECT version() AS v', format: 'JSON' })
    ).json<{ v: string }>();
    expect(version.data[0]?.v).toMatch(/^\d+\.\d+/);
    await ch.close();
  });
});
