import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseConfigShape, loadConfig, topicName } from '@ringfence/common';
import { readTopics, testStack } from '@ringfence/common/testing';
import { cdrv1 } from '@ringfence/proto';
import { reject } from '@ringfence/cdr';
import { IngestCore, ThreadedIngestProducer, ingestConfigShape } from '@ringfence/ingest';
import { cdrObject } from '@ringfence/cdr/testing';

const stack = testStack();
const prefix = stack.topicPrefix;
const config = loadConfig(z.object({ ...baseConfigShape, ...ingestConfigShape }), {
  env: {},
  file: '',
  overrides: { topicPrefix: prefix, produceBatchSize: 300 },
});
const producer = new ThreadedIngestProducer({
  brokers: stack.brokers,
  clientId: `${prefix}thread`,
  logLevel: 'error',
});

beforeAll(async () => {
  await stack.createTopics();
  await producer.connect();
});

afterAll(async () => {
  await producer.disconnect();
  await stack.deleteTopics();
});

describe('ThreadedIngestProducer on the real Kafka', () => {
  it('delivers every record and dead letter, keyed and in order per key, from its own thread', async () => {
    const core = new IngestCore({ producer, topicPrefix: prefix, source: 'replay', config });
    const N = 2_000;
    for (let i = 0; i < N; i++) {
      core.ingest('cdr', { raw: Buffer.from(`r${i}`), value: cdrObject(i) });
      if (i % 100 === 0)
        core.ingest('cdr', { raw: Buffer.from(`bad${i}`), error: reject('MALFORMED', 'not JSON') });
      if (core.saturated) await core.waitForCapacity();
    }
    await core.flush();
    const stats = core.stats();
    expect(stats).toMatchObject({ accepted: N, rejected: 20, acknowledged: N + 20 });

    const cdrTopic = topicName(prefix, 'cdr');
    const dlqTopic = topicName(prefix, 'cdrDlq');
    const got = await readTopics(stack.kafka(), [cdrTopic, dlqTopic], N + 20);
    const cdrs = got.get(cdrTopic)!;
    expect(cdrs).toHaveLength(N);
    const lastByKey = new Map<string, number>();
    for (const m of cdrs) {
      const c = cdrv1.CallDetailRecord.decode(m.value!);
      const key = m.key!.toString();
      expect(key).toBe(c.calling!.e164);
      // Records of one calling number arrive in ingest order (one partition, batches in order).
      const n = Number(c.callId.slice('call-'.length));
      expect(n).toBeGreaterThan(lastByKey.get(key) ?? -1);
      lastByKey.set(key, n);
    }
    const dead = got.get(dlqTopic)!.map((m) => cdrv1.DeadLetter.decode(m.value!));
    expect(dead).toHaveLength(20);
    expect(
      dead.every((d) => d.reason === 'MALFORMED' && Buffer.from(d.original).toString().startsWith('bad')),
    ).toBe(true);
  });
});
