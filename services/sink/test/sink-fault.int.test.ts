import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClickHouse, createLogger, createMetrics, topicName } from '@ringfence/common';
import { PrivateStack, testStack, until } from '@ringfence/common/testing';
import { countCdrs, migrate } from '@ringfence/store';
import { loadSinkConfig, startSink, type RunningSink } from '../src/sink.js';
import { T0, caughtUp, produceCdrs, range } from './fixtures.js';

const stack = testStack();
const N1 = 30_000;
const N2 = 30_000;
const DOWN_MS = 30_000;

describe('sink while ClickHouse goes away', () => {
  // A private ClickHouse this test may stop; the shared server on 8123 is never touched.
  let ch: PrivateStack;
  const admin = stack.kafka().admin();
  let sink: RunningSink | undefined;

  beforeAll(async () => {
    ch = await PrivateStack.start(['clickhouse']);
    // The sink waits for the schema; the migrate Job's part is played here.
    await migrate({ url: ch.clickhouseUrl, database: stack.database });
    await admin.connect();
  });
  afterAll(async () => {
    await sink?.stop();
    await admin.disconnect();
    await ch.destroy();
  });

  it('pauses, retries and stores exactly what was produced once ClickHouse is back', async () => {
    const config = loadSinkConfig({
      env: {},
      overrides: {
        kafkaBrokers: stack.brokers,
        topicPrefix: stack.topicPrefix,
        clickhouseUrl: ch.clickhouseUrl,
        clickhouseDatabase: stack.database,
        groupId: `gf-${stack.database}`,
        flushRows: 3_000,
        flushAgeMs: 200,
        maxBufferedRows: 10_000,
        retryInitialMs: 100,
        retryMaxMs: 2_000,
        insertTimeoutMs: 5_000,
        logLevel: 'error',
      },
    });
    const db = {
      ch: createClickHouse({ url: ch.clickhouseUrl, database: stack.database }),
      database: stack.database,
    };
    const from = T0 - 86_400_000;
    const to = T0 + 5 * 86_400_000;
    const kafka = stack.kafka();
    sink = await startSink(config, createLogger('sink-fault', 'error'), createMetrics('sink'));
    await produceCdrs(kafka, stack.topicPrefix, range(0, N1));
    // Stop ClickHouse in the middle of the replay: some rows stored, not all.
    await until('first rows stored', async () => (await countCdrs(db, from, to)) > 0);
    await ch.down('clickhouse');
    // More traffic arrives while it is down (and part of the first half again, as a replay would).
    await produceCdrs(kafka, stack.topicPrefix, range(N1, N1 + N2));
    await produceCdrs(kafka, stack.topicPrefix, range(0, 5_000));
    await new Promise((r) => setTimeout(r, DOWN_MS));
    const retries = (await sink.metrics.retries.get()).values.reduce((a, v) => a + v.value, 0);
    expect(retries).toBeGreaterThan(0);
    // Memory stayed bounded: at most the bound plus one fetched batch.
    expect(sink.pending()).toBeLessThanOrEqual(config.maxBufferedRows + 20_000);
    expect((await sink.metrics.paused.get()).values[0]?.value).toBe(1);
    await ch.up('clickhouse');
    await until(
      'caught up after the outage',
      () => caughtUp(admin, config.groupId, topicName(stack.topicPrefix, 'cdr')),
      180_000,
    );
    expect(await countCdrs(db, from, to)).toBe(N1 + N2);
    await db.ch.close();
  });
});
