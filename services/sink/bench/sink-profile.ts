/**
 * One sink round on sink.bench's input, for a profile: produce BENCH_SINK_ROWS CDRs, time the sink
 * draining them into a fresh database (real hourly views), print rows/s, this process's CPU per row and
 * the share of it spent in GC pauses. Not part of `npm run bench` (no JSON line). With
 * BENCH_PROFILE_FILE=path it also writes a V8 CPU profile (.cpuprofile) of the timed part only (the
 * sink runs in this process; producing the input is left out).
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { createClickHouse, createLogger, createMetrics, ident, sql } from '@ringfence/common';
import { migrate } from '@ringfence/store';
import { loadSinkConfig, startSink } from '../src/sink.js';
import { produceBenchCdrs } from './bench-input.js';
import { gcMeter } from './gc-meter.js';

const ROWS = Number(process.env['BENCH_SINK_ROWS'] ?? 400_000);
const URL_CH = process.env['CLICKHOUSE_URL'] ?? 'http://127.0.0.1:8123';
const BROKERS = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const PROFILE_FILE = process.env['BENCH_PROFILE_FILE'];
const logger = createLogger('sink-profile', 'error');

const id = randomBytes(4).toString('hex');
const prefix = `prof${id}.`;
const database = `prof_sink_${id}`;
await produceBenchCdrs(BROKERS, prefix, ROWS, logger);
await migrate({ url: URL_CH, database });
const config = loadSinkConfig({
  env: {},
  overrides: {
    kafkaBrokers: BROKERS,
    topicPrefix: prefix,
    clickhouseUrl: URL_CH,
    clickhouseDatabase: database,
    groupId: `prof-${id}`,
    flushRows: 50_000,
    flushAgeMs: 1_000,
    maxBufferedRows: 300_000,
    partitionsConsumedConcurrently: 3,
    logLevel: 'error',
  },
});
const sink = await startSink(config, logger, createMetrics('sink'));
const inserted = async (): Promise<number> =>
  (await sink.metrics.rowsInserted.get()).values.reduce((a, v) => a + v.value, 0);
while (sink.pending() === 0 && (await inserted()) === 0) await new Promise((r) => setTimeout(r, 5));
const session = new Session();
if (PROFILE_FILE !== undefined) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const gc = gcMeter();
gc.start();
const t0 = performance.now();
const c0 = process.cpuUsage();
while ((await inserted()) < ROWS) await new Promise((r) => setTimeout(r, 20));
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
const g = gc.stop();
if (PROFILE_FILE !== undefined) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(PROFILE_FILE, JSON.stringify(profile));
  session.disconnect();
}
await sink.stop();
const ch = createClickHouse({ url: URL_CH, database: 'default' });
await ch.command({ query: sql`DROP DATABASE IF EXISTS ${ident(database)}` });
await ch.close();
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(
  `${JSON.stringify({
    rowsPerSecond: Math.round(ROWS / seconds),
    cpuUsPerRow: Number(((cpuMs * 1000) / ROWS).toFixed(2)),
    gcMs: Math.round(g.total),
    gcShareOfCpu: Number((g.total / cpuMs).toFixed(3)),
    gcByKindMs: Object.fromEntries(Object.entries(g.byKind).map(([k, v]) => [k, Math.round(v)])),
    gcCounts: g.counts,
  })}\n`,
);
process.exit(0);
