import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseConfigShape, createLogger, loadConfig, topicName } from '@ringfence/common';
import { PrivateStack, readTopics, until } from '@ringfence/common/testing';
import { cdrv1 } from '@ringfence/proto';
import { IngestCore, createIngestProducer, ingestConfigShape, type IngestProducer } from '@ringfence/ingest';
import { cdrObject } from '@ringfence/cdr/testing';

const N1 = 3_000;
const N2 = 6_000;

describe('ingest producer across a broker bounce', () => {
  // A private broker this test may bounce; the shared one is never touched.
  let broker: PrivateStack;
  let producer: IngestProducer | undefined;

  beforeAll(async () => {
    broker = await PrivateStack.start(['kafka']);
  });
  afterAll(async () => {
    await producer?.disconnect().catch(() => undefined);
    await broker.destroy();
  });

  it('keeps producing by itself after the broker restarts, and loses nothing', async () => {
    const stack = broker.scope();
    await stack.createTopics();
    const kafka = stack.kafka();
    const config = loadConfig(z.object({ ...baseConfigShape, ...ingestConfigShape }), {
      env: {},
      file: '',
      overrides: { topicPrefix: stack.topicPrefix, produceBatchSize: 200, produceLingerMs: 5 },
    });
    producer = createIngestProducer(kafka, { logger: createLogger('recovery-test', 'error') });
    await producer.connect();
    const core = new IngestCore({ producer, topicPrefix: stack.topicPrefix, source: 'replay', config });
    const ingest = async (from: number, to: number): Promise<void> => {
      for (let i = from; i < to; i++) {
        expect(core.ingest('cdr', { raw: Buffer.from('x'), value: cdrObject(i) }).status).toBe('accepted');
        if (core.saturated) await core.waitForCapacity();
        // Trickle, so the bounce lands in the middle of the stream.
        if (i % 200 === 0) await new Promise((r) => setTimeout(r, 20));
      }
    };
    await ingest(0, N1);
    await core.flush();

    // Stop the broker while records keep arriving, then bring it back.
    const bounce = (async () => {
      await broker.down('kafka');
      await new Promise((r) => setTimeout(r, 2_000));
      await broker.up('kafka');
    })();
    await ingest(N1, N2);
    await bounce;
    await core.flush();

    expect(core.failed).toBe(false);
    expect(core.stats()).toMatchObject({ accepted: N2, acknowledged: N2 });

    // Duplicates are allowed (a resent batch may have been half written); a missing record is not.
    const topic = topicName(stack.topicPrefix, 'cdr');
    const admin = kafka.admin();
    await admin.connect();
    // Right after the bounce the admin's first answers can come from a broker not yet leading again.
    let total = 0;
    await until('the topic ends readable after the bounce', async () => {
      const offsets = await admin.fetchTopicOffsets(topic);
      total = offsets.reduce((n, o) => n + Number(o.high), 0);
      return true;
    });
    await admin.disconnect();
    expect(total).toBeGreaterThanOrEqual(N2);
    const got = await readTopics(kafka, [topic], total, 120_000);
    const ids = new Set(got.get(topic)!.map((m) => cdrv1.CallDetailRecord.decode(m.value!).callId));
    const missing: string[] = [];
    for (let i = 0; i < N2; i++) if (!ids.has(`call-${i}`)) missing.push(`call-${i}`);
    expect(missing).toEqual([]);
  });
});
