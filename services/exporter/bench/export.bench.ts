// Export of one busy day from the real ClickHouse: BENCH_CDRS distinct CDRs (plus 10% re-delivered
// duplicates) from BENCH_NUMBERS callers, BENCH_FLAGGED of them flagged, exported as a signed revision.
// Baseline in the same run: the bare uniqExact(call_id) count of the day (the cheapest full read).
// Median of BENCH_ROUNDS rounds; each round exports into a fresh directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ident } from '@ringfence/common';
import { testStack } from '@ringfence/common/testing';
import { cdrRow, countCdrs, migrate, riskChangeRow, type StoreDb } from '@ringfence/store';
import { exportPeriod } from '../src/export-period.js';
import { generateSigningKey, loadSigner } from '../src/signing.js';

const CDRS = Number(process.env['BENCH_CDRS'] ?? 500_000);
const NUMBERS = Number(process.env['BENCH_NUMBERS'] ?? 50_000);
const FLAGGED = Number(process.env['BENCH_FLAGGED'] ?? 2_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const DAY_START = Date.UTC(2026, 10, 1, 16);
const BATCH = 50_000;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

const stack = testStack();
const db: StoreDb = { ch: stack.clickhouse(), database: stack.database };
const signer = loadSigner(generateSigningKey().privateKeyPem);
const number = (i: number): string => `+86138${String(10_000_000 + i)}`;

try {
  await migrate({ url: stack.clickhouseUrl, database: stack.database });
  const table = ident(stack.database, 'cdr').text;
  for (let start = 0; start < CDRS; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(CDRS, start + BATCH); i++) {
      const setup = DAY_START + Math.floor((i / CDRS) * 86_399_000);
      const caller = number(i % NUMBERS);
      const called = `+86139${String(20_000_000 + ((i * 7919) % 1_000_000))}`;
      const row = cdrRow({
        callId: `b${i}`,
        switchId: `SW${i % 4}`,
        setupTimeMs: setup,
        answerTimeMs: i % 3 === 0 ? 0 : setup + 2_000,
        releaseTimeMs: setup + 30_000,
        calling: { raw: caller, e164: caller, valid: true },
        called: { raw: called, e164: called, valid: true },
        ingressTrunk: `TRK-${i % 40}`,
        ingressCarrier: `CARRIER-${i % 12}`,
        media: 1,
        ingestTimeMs: setup + 1_000,
      });
      rows.push(row);
      if (i % 10 === 0) rows.push({ ...row, ingest_ms: row.ingest_ms + 5_000 });
    }
    await db.ch.insert({ table, format: 'JSONEachRow', values: rows });
  }
  const verdicts = [];
  for (let i = 0; i < FLAGGED; i++) {
    verdicts.push(
      riskChangeRow(
        {
          kind: 1,
          id: number(i),
          score: 40 + (i % 60),
          level: 1 + (i % 3),
          category: ['robocall', 'scam', 'wangiri', 'telemarketing'][i % 4] ?? '',
          reasons: [{ code: 'FANOUT', value: 100, threshold: 50, window: '1h', points: 40 }],
          updatedMs: DAY_START + 3_600_000 + i * 1_000,
          firstSeenMs: DAY_START + i * 500,
          calls: 10,
        },
        1,
      ),
    );
  }
  await db.ch.insert({
    table: ident(stack.database, 'risk_changes').text,
    format: 'JSONEachRow',
    values: verdicts,
  });

  const exportMs: number[] = [];
  const countMs: number[] = [];
  let calls = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    calls = await countCdrs(db, DAY_START, DAY_START + 86_400_000);
    countMs.push(performance.now() - t0);
    const out = await mkdtemp(join(tmpdir(), 'rf-export-bench-'));
    const t1 = performance.now();
    const result = await exportPeriod({
      db,
      period: 'daily',
      date: '2026-11-02',
      outDir: out,
      signer,
      calleeHashKey: 'bench-hash-key-0123456789',
    });
    exportMs.push(performance.now() - t1);
    if (result.report.summary.flaggedNumbers !== FLAGGED) throw new Error('unexpected flagged count');
    await rm(out, { recursive: true, force: true });
  }
  if (calls !== CDRS) throw new Error(`counted ${calls} CDRs, expected ${CDRS}`);
  const exportSec = median(exportMs) / 1000;
  process.stdout.write(
    `${JSON.stringify({
      bench: 'exporter/export',
      results: [
        {
          metric: 'daily export (read, render, sign, write)',
          value: Number(exportSec.toFixed(2)),
          unit: 's',
          target: '<= 60',
          baseline: {
            metric: 'uniqExact(call_id) count of the same day',
            value: Number((median(countMs) / 1000).toFixed(3)),
            unit: 's',
          },
          notes: `${CDRS} CDRs (+10% duplicates), ${NUMBERS} callers, ${FLAGGED} flagged; median of ${ROUNDS}; ${Math.round(CDRS / exportSec)} CDR/s`,
        },
      ],
    })}\n`,
  );
} finally {
  await db.ch.close();
  await stack.dropDatabase();
}
