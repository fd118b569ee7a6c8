import type { Admin, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry, topicName } from '@ringfence/common';
import { testStack } from '@ringfence/common/testing';
import { OutputBuffer } from '../src/output-buffer.js';
import { scorerMetrics } from '../src/scorer-metrics.js';

const stack = testStack();
let admin: Admin;
let producer: Producer;

beforeAll(async () => {
  await stack.createTopics();
  const kafka = stack.kafka();
  admin = kafka.admin();
  await admin.connect();
  producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
}, 60_000);

afterAll(async () => {
  await producer.disconnect();
  await admin.disconnect();
  await stack.deleteTopics();
});

describe('OutputBuffer', () => {
  it('sends everything pushed, in requests of at most batchSize messages and about 1 MiB, and says when it holds a full one', async () => {
    const sourceEvents = topicName(stack.topicPrefix, 'sourceEvents');
    const alerts = topicName(stack.topicPrefix, 'alerts');
    const ends = async (topic: string): Promise<number> =>
      (await admin.fetchTopicOffsets(topic)).reduce((n, e) => n + Number(e.high), 0);
    const published = scorerMetrics(new Registry()).published;
    const out = new OutputBuffer(7, published);
    // Fewer messages than a request holds: not full.
    for (let i = 0; i < 6; i++) out.push(sourceEvents, `pack:${i}`, Buffer.from(`v${i}`), i % 2);
    expect(out.full).toBe(false);
    out.push(alerts, 'a0', Buffer.from('x'));
    expect(out.full).toBe(true);
    // Uneven counts per partition, interleaved with kafkajs-partitioned messages of another topic.
    for (let i = 0; i < 60; i++) {
      out.push(sourceEvents, `pack:${i}`, Buffer.from(`w${i}`), (i * i) % 3);
      if (i % 4 === 0) out.push(alerts, `a${i}`, Buffer.from('x'));
    }
    await out.flush(producer);
    expect(out.size).toBe(0);
    expect(out.full).toBe(false);
    expect(await ends(sourceEvents)).toBe(66);
    expect(await ends(alerts)).toBe(16);
    // Values beyond a request's byte budget: full by bytes, sent over several requests.
    const big = new OutputBuffer(1_000, published);
    big.push(sourceEvents, 'big:0', Buffer.alloc(600_000, 1), 0);
    expect(big.full).toBe(false);
    big.push(sourceEvents, 'big:1', Buffer.alloc(600_000, 2), 1);
    expect(big.full).toBe(true);
    for (let i = 2; i < 5; i++) big.push(sourceEvents, `big:${i}`, Buffer.alloc(300_000, i), i % 2);
    await big.flush(producer);
    expect(await ends(sourceEvents)).toBe(71);
    expect((await published.get()).values.find((v) => v.labels.topic === sourceEvents)?.value).toBe(71);
  }, 60_000);
});
