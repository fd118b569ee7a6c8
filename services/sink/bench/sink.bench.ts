/**
 * Sink benchmark against the real local stack.
 * 1. Sustained CDR rows/s from Kafka into ClickHouse: pre-fill cdr.v1, time the sink draining it with a
 *    fresh consumer group per round (median of rounds). Baseline: the same rows inserted straight into
 *    ClickHouse (JSONEachRow, 50k per insert), the ceiling the sink can approach.
 * 2. Investigation/export query times over 10M stored CDRs generated with INSERT ... SELECT from
 *    system.numbers into a dedicated database that is dropped afterwards.
 * Last stdout line: the bench JSON (docs/developing.md).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  createClickHouse,
  createKafka,
  createLogger,
  createMetrics,
  ensureTopics,
  ident,
  sql,
  topicName,
} from '@ringfence/common';
import { Attestation, Media, cdrv1 } from '@ringfence/proto';
import {
  callerHourly,
  callerSummary,
  cdrRow,
  countCdrs,
  migrate,
  sourceHourly,
  sourcePath,
  topCallers,
  type StoreDb,
} from '@ringfence/store';
import { loadSinkConfig, startSink } from '../src/sink.js';

const ROWS = Number(process.env['BENCH_SINK_ROWS'] ?? 400_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const STORED = Number(process.env['BENCH_STORED_ROWS'] ?? 10_000_000);
const URL_CH = process.env['CLICKHOUSE_URL'] ?? 'http://127.0.0.1:8123';
const BROKERS = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const T0 = Date.UTC(2026, 10, 16);
const logger = createLogger('sink-bench', 'error');
const progress = (msg: string): void => {
  process.stderr.write(`${msg}\n`);
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function cdrBytes(i: number): { key: string; value: Buffer } {
  const calling = `+86138${String(i % 50_000).padStart(8, '0')}`;
  const setup = T0 + (i % (3 * 86_400)) * 1000;
  const rec = {
    callId: `b-${i}`,
    switchId: `sw${i % 3}`,
    setupTimeMs: setup,
    answerTimeMs: i % 4 === 0 ? 0 : setup + 3_000,
    releaseTimeMs: setup + 40_000,
    calling: { raw: calling, e164: calling, valid: true },
    called: {
      raw: `+86139${String(i % 99_991).padStart(8, '0')}`,
      e164: `+86139${String(i % 99_991).padStart(8, '0')}`,
      valid: true,
    },
    ingressTrunk: `trunk-${i % 20}`,
    ingressCarrier: i % 2 === 0 ? 'ON-NET' : `CARRIER-${i % 5}`,
    releaseCause: 16,
    media: Media.MEDIA_AUDIO,
    attestation: Attestation.ATTESTATION_B,
    origid: 'orig-1',
    deviceId: i % 2 === 0 ? `35${String(i % 80_000).padStart(13, '0')}` : '',
    cellId: `cell-${i % 900}`,
    ingestTimeMs: Date.now(),
  };
  return { key: calling, value: Buffer.from(cdrv1.CallDetailRecord.encode(rec).finish()) };
}

async function throughput(): Promise<{ sink: number; baseline: number }> {
  const id = randomBytes(4).toString('hex');
  const prefix = `bench${id}.`;
  const database = `bench_sink_${id}`;
  const kafka = createKafka({ brokers: BROKERS, clientId: 'sink-bench', logger });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, prefix);
  progress(`producing ${ROWS} CDRs to ${topicName(prefix, 'cdr')}`);
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < ROWS; i += 10_000) {
    const messages = [];
    for (let j = i; j < Math.min(ROWS, i + 10_000); j++) messages.push(cdrBytes(j));
    // Right after creation the topic's metadata may lag; retry a few times.
    for (let attempt = 0; ; attempt++) {
      try {
        await producer.send({ topic: topicName(prefix, 'cdr'), messages });
        break;
      } catch (err) {
        if (attempt >= 10) throw err;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
  await producer.disconnect();
  await migrate({ url: URL_CH, database });
  const ch = createClickHouse({ url: URL_CH, database });
  const rates: number[] = [];
  const baselines: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const registry = createMetrics('sink');
      const config = loadSinkConfig({
        env: {},
        overrides: {
          kafkaBrokers: BROKERS,
          topicPrefix: prefix,
          clickhouseUrl: URL_CH,
          clickhouseDatabase: database,
          groupId: `bench-${id}-${round}`,
          migrateOnStart: false,
          retentionIntervalMs: 0,
          flushRows: 50_000,
          flushAgeMs: 1_000,
          maxBufferedRows: 300_000,
          partitionsConsumedConcurrently: 3,
          logLevel: 'error',
        },
      });
      const sink = await startSink(config, logger, registry);
      const inserted = async (): Promise<number> =>
        (await sink.metrics.rowsInserted.get()).values.reduce((a, v) => a + v.value, 0);
      // The clock starts when the first rows arrive (after the group join, which is not the sink's speed).
      while (sink.pending() === 0 && (await inserted()) === 0) await new Promise((r) => setTimeout(r, 5));
      const start = performance.now();
      while ((await inserted()) < ROWS) await new Promise((r) => setTimeout(r, 20));
      const seconds = (performance.now() - start) / 1000;
      await sink.stop();
      rates.push(ROWS / seconds);
      progress(`round ${round}: sink ${Math.round(ROWS / seconds)} rows/s`);

      const rows = [];
      for (let i = 0; i < ROWS; i++) rows.push(cdrRow(cdrv1.CallDetailRecord.decode(cdrBytes(i).value)));
      const b0 = performance.now();
      for (let i = 0; i < rows.length; i += 50_000) {
        await ch.insert({
          table: ident(database, 'cdr').text,
          values: rows.slice(i, i + 50_000),
          format: 'JSONEachRow',
          clickhouse_settings: { date_time_input_format: 'basic' },
        });
      }
      baselines.push(ROWS / ((performance.now() - b0) / 1000));
      progress(`round ${round}: direct insert ${Math.round(baselines.at(-1) ?? 0)} rows/s`);
    }
  } finally {
    await ch.command({ query: sql`DROP DATABASE IF EXISTS ${ident(database)}` });
    await ch.close();
    await admin.deleteTopics({ topics: [topicName(prefix, 'cdr')] }).catch(() => undefined);
    await admin.disconnect();
  }
  return { sink: median(rates), baseline: median(baselines) };
}

async function queries(): Promise<{ name: string; ms: number }[]> {
  const database = `bench_q_${randomBytes(4).toString('hex')}`;
  await migrate({ url: URL_CH, database });
  const ch = createClickHouse({ url: URL_CH, database, requestTimeoutMs: 600_000 });
  const db: StoreDb = { ch, database };
  const startS = Math.floor(T0 / 1000);
  const days = 7;
  try {
    progress(`generating ${STORED} CDRs in ${database}`);
    const g0 = performance.now();
    // 1M ordinary callers plus 50 heavy ones (1% of traffic), 40 trunks, a week of setup times.
    await ch.command({
      query: sql`INSERT INTO ${ident(database, 'cdr')}
SELECT
  concat('g-', toString(number)) AS call_id,
  concat('sw', toString(number % 4)) AS switch_id,
  toDateTime(${startS} + (number * 7919) % ${days * 86_400}) AS setup_time,
  toUInt64(setup_time) * 1000 + number % 1000 AS setup_ms,
  if(number % 4 = 0, toUInt64(0), setup_ms + 5000) AS answer_ms,
  setup_ms + 5000 + (number % 300) * 1000 AS release_ms,
  toUInt8(number % 4 != 0) AS answered,
  toUInt64(if(answered = 1, release_ms - answer_ms, 0)) AS duration_ms,
  if(number % 100 = 0, concat('+8613000000', toString(10 + number % 50)),
     concat('+86138', toString(10000000 + cityHash64(number) % 1000000))) AS calling,
  calling AS calling_raw,
  toUInt8(1) AS calling_valid,
  concat('+86139', toString(10000000 + cityHash64(number, 1) % 5000000)) AS called,
  called AS called_raw,
  '' AS asserted,
  concat('trunk-', toString(number % 40)) AS ingress_trunk,
  if(number % 2 = 0, 'ON-NET', concat('CARRIER-', toString(number % 9))) AS ingress_carrier,
  '' AS egress_trunk,
  toUInt16(16) AS release_cause,
  'audio' AS media,
  'B' AS attestation,
  '' AS origid,
  if(number % 2 = 0, concat('35', toString(1000000000000 + number % 400000)), '') AS device_id,
  concat('cell-', toString(number % 900)) AS cell_id,
  toUInt64(1764000000000) AS ingest_ms
FROM system.numbers LIMIT ${STORED}`,
    });
    progress(`generated in ${Math.round(performance.now() - g0)} ms`);
    const from = T0;
    const to = T0 + days * 86_400_000;
    const hot = '+861300000010';
    const cases: [string, () => Promise<unknown>][] = [
      ['countCdrs over the week (uniqExact of every call_id)', () => countCdrs(db, from, to)],
      ['callerSummary, heavy caller, week', () => callerSummary(db, hot, from, to)],
      ['callerHourly, heavy caller, week', () => callerHourly(db, hot, from, to)],
      ['sourcePath, heavy caller, week', () => sourcePath(db, 'number', hot, from, to)],
      ['sourceHourly, one trunk, week', () => sourceHourly(db, 'trunk', 'trunk-7', from, to)],
      ['topCallers export, one day (hourly aggregate)', () => topCallers(db, from, from + 86_400_000, 1000)],
    ];
    const out: { name: string; ms: number }[] = [];
    for (const [name, fn] of cases) {
      const times: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const t = performance.now();
        await fn();
        times.push(performance.now() - t);
      }
      out.push({ name, ms: median(times) });
      progress(`${name}: ${Math.round(median(times))} ms`);
    }
    return out;
  } finally {
    await ch.command({ query: sql`DROP DATABASE IF EXISTS ${ident(database)}` });
    await ch.close();
  }
}

// BENCH_SINK_ROWS=0 measures the queries only.
const tp = ROWS > 0 ? await throughput() : undefined;
const qs = await queries();
const results = [
  ...(tp === undefined
    ? []
    : [
        {
          metric: 'sink throughput (Kafka cdr.v1 → ClickHouse)',
          value: Math.round(tp.sink),
          unit: 'rows/s',
          target: '>= 200000',
          baseline: {
            metric: 'direct JSONEachRow insert, 50k rows per insert',
            value: Math.round(tp.baseline),
            unit: 'rows/s',
          },
          notes: `${ROWS} CDRs pre-filled, 6 partitions, fresh consumer group per round, median of ${ROUNDS}; includes the hourly materialised views`,
        },
      ]),
  ...qs.map((q) => ({
    metric: `query: ${q.name}`,
    value: Math.round(q.ms),
    unit: 'ms',
    target: '<= 2000',
    notes: `${STORED} stored CDRs, median of ${ROUNDS}`,
  })),
];
process.stdout.write(`${JSON.stringify({ bench: 'sink/sink', results })}\n`);
process.exit(0);
