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
  it('reports the ends the broker has for explicitly partitioned writes, split over requests', async () => {
    const sourceEvents = topicName(stack.topicPrefix, 'sourceEvents');
    const alerts = topicName(stack.topicPrefix, 'alerts');
    const partitions = (await admin.fetchTopicOffsets(sourceEvents)).length;
    const reported = new Map<number, number>();
    const out = new OutputBuffer(7, scorerMetrics(new Registry()).published, (topic, p, next) => {
      expect(topic).toBe(sourceEvents);
      expect(next).toBeGreaterThan(reported.get(p) ?? 0);
      reported.set(p, next);
    });
    // Uneven counts per partition, interleaved with kafkajs-partitioned messages of another topic.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 25; i++) {
        out.push(sourceEvents, `pack:${i}`, Buffer.from(`v${round}.${i}`), (i * i) % partitions);
        if (i % 4 === 0) out.push(alerts, `a${round}.${i}`, Buffer.from('x'));
      }
      await out.flush(producer);
      const ends = await admin.fetchTopicOffsets(sourceEvents);
      for (const e of ends) {
        if (Number(e.high) === 0) expect(reported.has(e.partition)).toBe(false);
        else expect(reported.get(e.partition)).toBe(Number(e.high));
      }
    }
    expect(reported.size).toBeGreaterThan(1);
    // Values beyond a request's byte budget: the flush spans several requests, the ends stay exact.
    for (let i = 0; i < 9; i++) out.push(sourceEvents, `big:${i}`, Buffer.alloc(300_000, i), i % 2);
    await out.flush(producer);
    for (const e of await admin.fetchTopicOffsets(sourceEvents))
      if (e.partition < 2) expect(reported.get(e.partition)).toBe(Number(e.high));
  }, 60_000);
});
