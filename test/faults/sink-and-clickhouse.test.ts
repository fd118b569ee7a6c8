import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PrivateStack, until } from '@ringfence/common/testing';
import { Pipeline } from '../support/pipeline.js';
import { ServiceProcess } from '../support/service-process.js';
import { generatedTraffic, robocallLines, type Traffic } from '../support/traffic.js';

// Issue #9 (b), (c), (d): the sink killed mid-batch, ClickHouse stopped, ClickHouse hung under a
// flood, Kafka hung under a flood; (e) the sink's consumer stopped fetching. One private stack; each
// scenario its own pipeline (own topics, database and consumer groups), run one after the other.
const DAY_MS = 86_400_000;
/** The shortest stall timeout the sink accepts. */
const STALL_MS = 10_000;
const STALLED_FETCH = fileURLToPath(new URL('../support/stalled-fetch.mjs', import.meta.url));
const BUSY_MORNING = '2026-11-02T09:00:00+08:00';
const work = mkdtempSync(join(tmpdir(), 'rf-fault-sink-'));
let stack: PrivateStack | undefined;
let p: Pipeline | undefined;
let traffic: Traffic;

beforeAll(async () => {
  stack = await PrivateStack.start();
  traffic = await generatedTraffic(
    work,
    { subscribers: 4000, hours: 3, seed: 21, start: BUSY_MORNING },
    'cdrs',
  );
});

afterEach(async () => {
  await p?.stop();
  p = undefined;
});

afterAll(async () => {
  ServiceProcess.killAll();
  await stack?.destroy();
  rmSync(work, { recursive: true, force: true });
});

/** True once the sink's group committed all of cdr.v1 and exactly `accepted` distinct CDRs are stored. */
async function caughtUp(pipeline: Pipeline, accepted: number, t: Traffic = traffic): Promise<boolean> {
  return (await pipeline.sinkLag()) === 0 && (await stored(pipeline, t)) === accepted;
}

/** Distinct CDRs stored over the event-time span of `t` (with a day's margin each side). */
function stored(pipeline: Pipeline, t: Traffic = traffic): Promise<number> {
  return pipeline.storedCdrs(t.startMs - DAY_MS, t.endMs + DAY_MS);
}

describe('faults around the sink and ClickHouse', () => {
  it('(b) sink SIGKILLed mid-batch and restarted: no CDR missing, none counted twice', async () => {
    p = await Pipeline.start(stack!, {
      services: ['sink', 'ingest'],
      env: { sink: { FLUSH_ROWS: '1000', FLUSH_AGE_MS: '100' } },
    });
    const pipeline = p;
    const sink = pipeline.service('sink');
    const half = Math.floor(traffic.lines.length / 2);
    // Spread out, so the sink is always partway through a batch when it dies.
    let accepted = 0;
    const firstHalf = pipeline.ingest!.postAll(traffic.lines.slice(0, half), 200, 50);
    await until('sink storing and holding a part-filled batch', async () => {
      const inserted = (await sink.metric('ringfence_sink_rows_inserted_total', 'table="cdr"')) ?? 0;
      const buffered = (await sink.metric('ringfence_sink_buffered_rows')) ?? 0;
      return inserted > 0 && buffered > 0;
    });
    expect(await sink.kill('SIGKILL')).toBeNull();
    accepted += await firstHalf;
    accepted += await pipeline.ingest!.postAll(traffic.lines.slice(half), 200);
    expect(await stored(pipeline)).toBeLessThan(accepted);

    await sink.start();
    await sink.ready();
    await until('restarted sink caught up', () => caughtUp(pipeline, accepted), 180_000);
    expect(await stored(pipeline)).toBe(accepted);
    // At-least-once: rows inserted but not yet committed when it died were written again; the
    // distinct count above is what every query reports.
    expect(await pipeline.storedCdrRows()).toBeGreaterThanOrEqual(accepted);
  });

  it('(c) ClickHouse down for 30 s: ingest accepts, scorer publishes, risk-api answers; the sink catches up', async () => {
    p = await Pipeline.start(stack!);
    const pipeline = p;
    const ingest = pipeline.ingest!;
    const half = Math.floor(traffic.lines.length / 2);
    const before = '+8618612340011';
    const during = '+8618612340012';
    let accepted = await ingest.postAll([
      ...traffic.lines.slice(0, half),
      ...robocallLines('18612340011', traffic.startMs + 3_600_000),
    ]);
    await until('first half stored', () => caughtUp(pipeline, accepted));
    await until('first robocaller flagged', () => pipeline.flaggedHigh(before));
    const pids = new Map([...pipeline.services].map(([name, s]) => [name, s.pid]));

    await stack!.down('clickhouse');
    const downAt = Date.now();
    accepted += await ingest.postAll([
      ...traffic.lines.slice(half),
      ...robocallLines('18612340012', traffic.endMs - 3_600_000),
    ]);
    // The scorer's verdicts reach risk-api through Kafka alone.
    await until('robocaller flagged while ClickHouse is down', () => pipeline.flaggedHigh(during), 60_000);
    expect(await pipeline.flaggedHigh(before)).toBe(true);
    await until(
      'sink retrying its inserts',
      async () => ((await pipeline.service('sink').metric('ringfence_sink_insert_retries_total')) ?? 0) > 0,
    );
    expect(await pipeline.sinkLag()).toBeGreaterThan(0);
    await sleep(Math.max(0, 30_000 - (Date.now() - downAt)));
    await stack!.up('clickhouse');

    await until('sink caught up after the outage', () => caughtUp(pipeline, accepted), 180_000);
    expect(await stored(pipeline)).toBe(accepted);
    for (const [name, s] of pipeline.services) {
      expect(s.alive, `${name} still running:\n${s.tail()}`).toBe(true);
      expect(s.pid, `${name} same process`).toBe(pids.get(name));
    }
  });

  it('(d) ClickHouse hung under a flood: the sink pauses with bounded memory, lag grows, then recovers exactly', async () => {
    const maxBuffered = 1_000;
    p = await Pipeline.start(stack!, {
      services: ['sink', 'ingest'],
      env: { sink: { FLUSH_ROWS: '500', FLUSH_AGE_MS: '100', MAX_BUFFERED_ROWS: String(maxBuffered) } },
    });
    const pipeline = p;
    const sink = pipeline.service('sink');
    // A flood many times the sink's bound: three waves, the last two while ClickHouse hangs.
    const flood = await generatedTraffic(
      work,
      { subscribers: 10_000, hours: 4, seed: 22, start: BUSY_MORNING },
      'flood',
    );
    const lines = flood.lines;
    const wave = Math.floor(lines.length / 3);
    let accepted = await pipeline.ingest!.postAll(lines.slice(0, wave));
    await until('first wave stored', () => caughtUp(pipeline, accepted, flood));

    stack!.freeze('clickhouse');
    try {
      accepted += await pipeline.ingest!.postAll(lines.slice(wave, 2 * wave));
      await until(
        'sink paused on a full buffer',
        async () => (await sink.metric('ringfence_sink_paused')) === 1,
        60_000,
      );
      await sleep(1_000);
      const buffered1 = (await sink.metric('ringfence_sink_buffered_rows')) ?? 0;
      const lag1 = await pipeline.sinkLag();
      accepted += await pipeline.ingest!.postAll(lines.slice(2 * wave));
      await sleep(2_000);
      const buffered2 = (await sink.metric('ringfence_sink_buffered_rows')) ?? 0;
      const lag2 = await pipeline.sinkLag();
      expect(await sink.metric('ringfence_sink_paused')).toBe(1);
      // The sink stops taking rows at its bound, mid-fetch included, and nothing drains while
      // ClickHouse hangs: it holds exactly the bound.
      expect(buffered1).toBe(maxBuffered);
      expect(maxBuffered).toBeLessThan(wave);
      // The third wave went to the lag, not into memory.
      expect(buffered2).toBe(buffered1);
      expect(lag2).toBeGreaterThanOrEqual(lag1 + (lines.length - 2 * wave));
    } finally {
      stack!.thaw('clickhouse');
    }
    await until(
      'lag back to 0 and every CDR stored once',
      () => caughtUp(pipeline, accepted, flood),
      180_000,
    );
    expect(await stored(pipeline, flood)).toBe(accepted);
    expect(await sink.metric('ringfence_sink_paused')).toBe(0);
    expect(sink.alive).toBe(true);
  });

  it('(d) Kafka hung: ingest answers 429 with Retry-After once its queue is full, then takes the traffic', async () => {
    p = await Pipeline.start(stack!, {
      services: ['sink', 'ingest'],
      env: { ingest: { PRODUCE_MAX_QUEUED: '500', PRODUCE_BATCH_SIZE: '100' } },
    });
    const pipeline = p;
    const ingest = pipeline.ingest!;
    const svc = pipeline.service('ingest');
    const lines = traffic.lines.slice(0, 1_200);
    const queued = async (): Promise<number> =>
      (await svc.metric('ringfence_ingest_queued_messages', 'source="http"')) ?? 0;

    stack!.freeze('kafka');
    try {
      const first = ingest.post(lines.slice(0, 400));
      await until('first request queued', async () => (await queued()) >= 400, 30_000);
      const second = ingest.post(lines.slice(400, 800));
      await until('queue full', async () => (await queued()) >= 500, 30_000);
      const refused = await ingest.post(lines.slice(800));
      expect(refused.status).toBe(429);
      expect(refused.retryAfter).toBe('1');
      expect(refused.accepted).toBe(0);
      stack!.thaw('kafka');
      const [a1, a2] = await Promise.all([first, second]);
      expect([a1.status, a2.status]).toEqual([200, 200]);
      let accepted = a1.accepted + a2.accepted;
      // The client does what Retry-After says.
      accepted += await ingest.postAll(lines.slice(800));
      expect(accepted).toBe(lines.length);
      await until('everything stored', () => caughtUp(pipeline, accepted), 180_000);
    } finally {
      stack!.thaw('kafka');
    }
  });

  it("(e) the sink's consumer stops fetching: not a stall while idle; behind, it exits 1, and restarted it stores everything", async () => {
    p = await Pipeline.start(stack!, {
      services: ['sink', 'ingest'],
      env: { sink: { STALL_TIMEOUT_MS: String(STALL_MS), NODE_OPTIONS: `--import ${STALLED_FETCH}` } },
    });
    const pipeline = p;
    const sink = pipeline.service('sink');
    const half = Math.floor(traffic.lines.length / 2);
    let accepted = await pipeline.ingest!.postAll(traffic.lines.slice(0, half));
    await until('first half stored', () => caughtUp(pipeline, accepted));

    sink.signal('SIGUSR2');
    // Caught up with its consumer stalled: nothing waits, so nothing is wrong. Longer than the
    // timeout plus two of its idle checks.
    await sleep(STALL_MS + 2 * 5_000 + 2_000);
    expect(sink.alive, sink.tail()).toBe(true);

    accepted += await pipeline.ingest!.postAll(traffic.lines.slice(half));
    const code = await Promise.race([sink.exited(), sleep(90_000).then(() => 'still running')]);
    expect(code, sink.tail()).toBe(1);
    expect(sink.logLines('(STALL_TIMEOUT_MS): stalled')).toHaveLength(1);
    expect(await stored(pipeline)).toBeLessThan(accepted);

    // Started again, as its supervisor does.
    await sink.start();
    await sink.ready();
    await until('restarted sink caught up', () => caughtUp(pipeline, accepted), 180_000);
    expect(await stored(pipeline)).toBe(accepted);
  });
});
