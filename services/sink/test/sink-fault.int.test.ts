import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClickHouse, createLogger, createMetrics, topicName } from '@ringfence/common';
import { testStack } from '@ringfence/common/testing';
import { countCdrs } from '@ringfence/store';
import { loadSinkConfig, startSink, type RunningSink } from '../src/sink.js';
import { T0, caughtUp, produceCdrs, range, until } from './fixtures.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../cli/dist/index.js', import.meta.url));
const stack = testStack();
const N1 = 30_000;
const N2 = 30_000;
const DOWN_MS = 30_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * A PRIVATE ClickHouse on its own ports and data dir, started and stopped through `ringfence stack`
 * with RINGFENCE_STACK_DIR pointing at a temp dir: the shared server on 8123 is never touched.
 */
class PrivateClickHouse {
  readonly dir = mkdtempSync(join(tmpdir(), 'rf-sink-fault-'));
  httpPort = 0;
  tcpPort = 0;
  get url(): string {
    return `http://127.0.0.1:${this.httpPort}`;
  }
  private env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      RINGFENCE_STACK_DIR: this.dir,
      CLICKHOUSE_HTTP_PORT: String(this.httpPort),
      CLICKHOUSE_TCP_PORT: String(this.tcpPort),
    };
    return env;
  }
  async up(): Promise<void> {
    if (this.httpPort === 0) {
      this.httpPort = await freePort();
      this.tcpPort = await freePort();
    }
    await run('node', [CLI, 'stack', 'up', '--only', 'clickhouse'], { env: this.env() });
  }
  async down(): Promise<void> {
    await run('node', [CLI, 'stack', 'down', '--only', 'clickhouse'], { env: this.env() });
  }
}

describe('sink while ClickHouse goes away', () => {
  const ch = new PrivateClickHouse();
  const admin = stack.kafka().admin();
  let sink: RunningSink | undefined;

  beforeAll(async () => {
    await ch.up();
    await admin.connect();
  });
  afterAll(async () => {
    await sink?.stop();
    await admin.disconnect();
    await ch.down();
    rmSync(ch.dir, { recursive: true, force: true });
  });

  it('pauses, retries and stores exactly what was produced once ClickHouse is back', async () => {
    const config = loadSinkConfig({
      env: {},
      overrides: {
        kafkaBrokers: stack.brokers,
        topicPrefix: stack.topicPrefix,
        clickhouseUrl: ch.url,
        clickhouseDatabase: stack.database,
        groupId: `gf-${stack.database}`,
        flushRows: 3_000,
        flushAgeMs: 200,
        maxBufferedRows: 10_000,
        retryInitialMs: 100,
        retryMaxMs: 2_000,
        insertTimeoutMs: 5_000,
        retentionIntervalMs: 0,
        logLevel: 'error',
      },
    });
    const db = { ch: createClickHouse({ url: ch.url, database: stack.database }), database: stack.database };
    const from = T0 - 86_400_000;
    const to = T0 + 5 * 86_400_000;
    const kafka = stack.kafka();
    sink = await startSink(config, createLogger('sink-fault', 'error'), createMetrics('sink'));
    await produceCdrs(kafka, stack.topicPrefix, range(0, N1));
    // Stop ClickHouse in the middle of the replay: some rows stored, not all.
    await until('first rows stored', async () => (await countCdrs(db, from, to)) > 0);
    await ch.down();
    // More traffic arrives while it is down (and part of the first half again, as a replay would).
    await produceCdrs(kafka, stack.topicPrefix, range(N1, N1 + N2));
    await produceCdrs(kafka, stack.topicPrefix, range(0, 5_000));
    await new Promise((r) => setTimeout(r, DOWN_MS));
    const retries = (await sink.metrics.retries.get()).values.reduce((a, v) => a + v.value, 0);
    expect(retries).toBeGreaterThan(0);
    // Memory stayed bounded: at most the bound plus one fetched batch.
    expect(sink.pending()).toBeLessThanOrEqual(config.maxBufferedRows + 20_000);
    expect((await sink.metrics.paused.get()).values[0]?.value).toBe(1);
    await ch.up();
    await until(
      'caught up after the outage',
      () => caughtUp(admin, config.groupId, topicName(stack.topicPrefix, 'cdr')),
      180_000,
    );
    expect(await countCdrs(db, from, to)).toBe(N1 + N2);
    await db.ch.close();
  });
});
