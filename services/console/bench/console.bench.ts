/**
 * Console benchmark against the real local stack: how long an operator waits for a number's page
 * (investigation: verdict, hourly chart, summary, callees, complaints, actions) and its traceback
 * with 10M CDRs stored. CDRs are generated with INSERT ... SELECT from system.numbers into a dedicated
 * database that is dropped afterwards (the sink benchmark's approach). Baseline: the store's
 * callerSummary alone for the same number, the heaviest single query behind the page.
 * The per-source hourly view is dropped in the bench database before the fill: no console page reads
 * it, and it is most of the fill time on a shared 2-core machine.
 * Last stdout line: the bench JSON (docs/developing.md).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClickHouse, createLogger, ident, loadConfig, sql } from '@ringfence/common';
import {
  callerSummary,
  fillSyntheticCdrs,
  migrate,
  syntheticHeavyCaller,
  table,
  type StoreDb,
} from '@ringfence/store';
import { consoleConfigSchema, startConsole } from '../src/index.js';

const STORED = Number(process.env['BENCH_STORED_ROWS'] ?? 10_000_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 7);
const URL_CH = process.env['CLICKHOUSE_URL'] ?? 'http://127.0.0.1:8123';
const BROKERS = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';
const T0 = Date.UTC(2026, 9, 1);
const DAYS = 7;
/** One of 50 heavy callers (1% of traffic each ≈ 2k calls/week at 10M); spoofed via trunk-evil. */
const HEAVY = syntheticHeavyCaller(0);
const ORDINARY_SEED = 12345;

function progress(line: string): void {
  process.stderr.write(`[console bench] ${line}\n`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

async function timeIt(name: string, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: first read of the parts from disk
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  progress(`${name}: median ${Math.round(median(times))} ms (${times.map((t) => Math.round(t)).join(', ')})`);
  return median(times);
}

const database = `bench_console_${randomBytes(4).toString('hex')}`;
await migrate({ url: URL_CH, database });
const ch = createClickHouse({ url: URL_CH, database, requestTimeoutMs: 1_800_000 });
const db: StoreDb = { ch, database };
const startS = Math.floor(T0 / 1000);
let stop: (() => Promise<void>) | undefined;
try {
  progress(`generating ${STORED} CDRs in ${database}`);
  const g0 = performance.now();
  await ch.command({ query: sql`DROP TABLE IF EXISTS ${ident(database, 'cdr_hourly_source_mv')}` });
  await fillSyntheticCdrs(db, {
    rows: STORED,
    startMs: T0,
    days: DAYS,
    onProgress: (n) => progress(`${n} rows after ${Math.round(performance.now() - g0)} ms`),
  });
  progress(`generated in ${Math.round(performance.now() - g0)} ms`);
  // A verdict history for the heavy callers (one change per hour for the week).
  await ch.command({
    query: sql`INSERT INTO ${table(db, 'risk_changes')}
SELECT 'number', concat('+86130000000', toString(10 + number % 50)), toDateTime(${startS} + intDiv(number, 50) * 3600),
  (${startS} + intDiv(number, 50) * 3600) * 1000, toUInt32(50 + number % 50), if(number % 50 < 25, 'HIGH', 'MEDIUM'),
  'robocall', ['HIGH_VOLUME'], '[{"code":"HIGH_VOLUME","value":120,"threshold":60,"window":"1h","points":50}]',
  ${T0}, toUInt64(intDiv(number, 50) * 12), '[]', '', 0, ${T0}
FROM system.numbers LIMIT ${50 * 24 * DAYS}`,
  });
  const ordinary = (
    await (
      await ch.query({
        query: sql`SELECT calling FROM ${table(db, 'cdr')} WHERE calling LIKE '+86138%' LIMIT 1 OFFSET ${ORDINARY_SEED}`,
        format: 'JSONEachRow',
      })
    ).json<{ calling: string }>()
  )[0]?.calling;
  if (ordinary === undefined) throw new Error('no ordinary caller generated');

  const config = loadConfig(consoleConfigSchema, {
    env: {},
    overrides: {
      kafkaBrokers: BROKERS,
      topicPrefix: 'bench-console.',
      clickhouseUrl: URL_CH,
      clickhouseDatabase: database,
      httpPort: 0,
      usersFile: join(mkdtempSync(join(tmpdir(), 'console-bench-')), 'users.json'),
      requestsPerMinute: 1_000_000,
      logLevel: 'warn',
    },
  });
  const server = await startConsole(config, createLogger('console-bench', 'warn'));
  stop = server.stop;
  await server.context.users.upsert('bench', 'analyst', 'bench-password-1');
  const token = await server.context.users.issueToken('bench');
  const get = async (path: string): Promise<void> => {
    const res = await fetch(server.url + path, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    await res.arrayBuffer();
  };
  const from = T0;
  const to = T0 + DAYS * 86_400_000;
  const heavyPage = await timeIt('number page, heavy caller', () =>
    get(`/numbers/${encodeURIComponent(HEAVY)}`),
  );
  const ordinaryPage = await timeIt('number page, ordinary caller', () =>
    get(`/numbers/${encodeURIComponent(ordinary)}`),
  );
  const traceback = await timeIt('traceback page, heavy caller', () =>
    get(`/traceback/number/${encodeURIComponent(HEAVY)}`),
  );
  const baseline = await timeIt('callerSummary alone, heavy caller', () =>
    callerSummary(db, HEAVY, from, to),
  );
  const results = [
    {
      metric: 'number page load (median), heavy caller, 10M CDRs stored',
      value: Math.round(heavyPage),
      unit: 'ms',
      target: '<= 1000',
      baseline: {
        metric: 'store callerSummary alone, same number and week',
        value: Math.round(baseline),
        unit: 'ms',
      },
      notes: `${STORED} CDRs over ${DAYS} days, ~${Math.round(STORED / 5000)} calls for this number; HTTP with bearer token incl. audit insert; median of ${ROUNDS} after a warm-up`,
    },
    {
      metric: 'number page load (median), ordinary caller, 10M CDRs stored',
      value: Math.round(ordinaryPage),
      unit: 'ms',
      target: '<= 1000',
      notes: `median of ${ROUNDS}`,
    },
    {
      metric: 'traceback page load (median), heavy caller, 10M CDRs stored',
      value: Math.round(traceback),
      unit: 'ms',
      target: '<= 2000',
      notes: `includes numbers that came over the same trunk (a scan of that trunk's week); median of ${ROUNDS}`,
    },
  ];
  process.stdout.write(`${JSON.stringify({ bench: 'console/console', results })}\n`);
} finally {
  await stop?.();
  await ch.command({ query: sql`DROP DATABASE IF EXISTS ${ident(database)}` });
  await ch.close();
}
process.exit(0);
