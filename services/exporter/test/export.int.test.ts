import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ident, raw, sql, type SqlQuery } from '@ringfence/common';
import { CLICKHOUSE_LAYOUTS, type LayoutScope, type TestStack } from '@ringfence/common/testing';
import {
  alertRow,
  cdrRow,
  col,
  complaintRow,
  feedbackRow,
  migrate,
  riskChangeRow,
  rows,
  type StoreDb,
} from '@ringfence/store';
import { exportPeriod } from '../src/export-period.js';
import { generateSigningKey, loadSigner } from '../src/signing.js';
import { startExporter } from '../src/service.js';
import { verifyExport } from '../src/verify.js';

type Cdr = Parameters<typeof cdrRow>[0];
type Verdict = Parameters<typeof riskChangeRow>[0];

// Every layout runs the whole file in turn: these are set by its suite's beforeAll.
let scope: LayoutScope;
let stack: TestStack;
let db: StoreDb;
const keys = generateSigningKey();
const signer = loadSigner(keys.privateKeyPem);
const HASH_KEY = 'integration-hash-key-0123';
// 2026-11-02 in Asia/Shanghai is [2026-11-01T16:00Z, 2026-11-02T16:00Z).
const DAY_START = Date.UTC(2026, 10, 1, 16);
const DAY_END = DAY_START + 86_400_000;
const MIN = 60_000;
const ROBO = '+8613800000001';
const HARASSER = '+8613900000002';
const VICTIM = '+8613512345678';
const KIND = { number: 1, trunk: 2, carrier: 3 } as const;
const LEVEL = { LOW: 1, MEDIUM: 2, HIGH: 3 } as const;

let out: string;
let seq = 0;

function call(calling: string, called: string, setupMs: number, over: Partial<Cdr> = {}): Cdr {
  seq += 1;
  return {
    callId: `call-${String(seq).padStart(5, '0')}`,
    switchId: 'SW1',
    setupTimeMs: setupMs,
    answerTimeMs: setupMs + 3_000,
    releaseTimeMs: setupMs + 9_000,
    calling: { raw: calling, e164: calling, valid: true },
    called: { raw: called, e164: called, valid: true },
    ingressTrunk: 'TRK-1',
    ingressCarrier: 'ON-NET',
    releaseCause: 16,
    media: 1,
    attestation: 1,
    ingestTimeMs: setupMs + 1_000,
    ...over,
  };
}

function verdict(
  kind: number,
  id: string,
  level: number,
  category: string,
  updatedMs: number,
  score: number,
): Verdict {
  return {
    kind,
    id,
    score,
    level,
    category,
    reasons: [
      { code: 'FANOUT', value: 120, threshold: 50, window: '1h', points: score - 10 },
      { code: 'SHORT_CALLS', value: 0.9, threshold: 0.5, window: '1h', points: 10 },
    ],
    updatedMs,
    firstSeenMs: DAY_START + MIN,
    calls: 10,
  };
}

async function insert(table: string, values: object[]): Promise<void> {
  await db.ch.insert({ table: ident(stack.database, table).text, format: 'JSONEachRow', values });
}

const cdrs: Cdr[] = [];

async function fillStore(): Promise<void> {
  cdrs.length = 0;
  seq = 0;
  await migrate(scope.target());
  out = await mkdtemp(join(tmpdir(), 'rf-export-int-'));
  // Robocaller: 120 short calls to distinct callees through a foreign carrier, plus calls just outside the day.
  for (let i = 0; i < 120; i++) {
    cdrs.push(
      call(ROBO, `+86137${String(10_000_000 + i)}`, DAY_START + MIN + i * 7 * MIN, {
        ingressCarrier: 'CARRIER-X',
        ingressTrunk: 'TRK-9',
        switchId: i % 2 === 0 ? 'SW1' : 'SW2',
      }),
    );
  }
  cdrs.push(
    call(ROBO, '+8613711111111', DAY_START - MIN, { ingressCarrier: 'CARRIER-X', ingressTrunk: 'TRK-9' }),
  );
  cdrs.push(call(ROBO, '+8613711111112', DAY_END, { ingressCarrier: 'CARRIER-X', ingressTrunk: 'TRK-9' }));
  // Targeted harasser: 25 calls to one victim.
  for (let i = 0; i < 25; i++) cdrs.push(call(HARASSER, VICTIM, DAY_START + 3 * 3_600_000 + i * 11 * MIN));
  // Ordinary subscribers.
  for (let n = 0; n < 40; n++) {
    for (let i = 0; i < 5; i++) {
      cdrs.push(
        call(
          `+86136${String(20_000_000 + n)}`,
          `+86135${String(30_000_000 + n * 5 + i)}`,
          DAY_START + n * 13 * MIN + i * MIN,
          {
            ingressCarrier: n % 2 === 0 ? 'ON-NET' : 'CARRIER-Y',
            ingressTrunk: n % 2 === 0 ? 'TRK-1' : 'TRK-5',
          },
        ),
      );
    }
  }
  await insert('cdr', cdrs.map(cdrRow));
  // The sink delivers at least once: 40 CDRs arrive twice, re-ingested later.
  await insert(
    'cdr',
    cdrs.slice(0, 40).map((c) => cdrRow({ ...c, ingestTimeMs: Number(c.ingestTimeMs) + 60_000 })),
  );

  const verdicts = [
    verdict(KIND.number, ROBO, LEVEL.LOW, 'robocall', DAY_START + 20 * MIN, 30),
    verdict(KIND.number, ROBO, LEVEL.HIGH, 'robocall', DAY_START + 60 * MIN, 90),
    verdict(KIND.number, HARASSER, LEVEL.MEDIUM, 'targeted_harassment', DAY_START + 5 * 3_600_000, 60),
    // Flagged the day before only: not in this day's report.
    verdict(KIND.number, '+8613600000099', LEVEL.HIGH, 'scam', DAY_START - 3_600_000, 80),
    verdict(KIND.trunk, 'TRK-9', LEVEL.HIGH, 'robocall', DAY_START + 2 * 3_600_000, 85),
  ];
  await insert(
    'risk_changes',
    verdicts.map((v) => riskChangeRow(v, 1)),
  );
  // A replayed verdict collapses under FINAL.
  await insert('risk_changes', [riskChangeRow(verdicts[1] as Verdict, 2)]);

  const alerts = [
    {
      alertId: 'a1',
      timeMs: DAY_START + 20 * MIN,
      kind: KIND.number,
      id: ROBO,
      fromLevel: 0,
      toLevel: LEVEL.LOW,
      verdict: verdicts[0],
    },
    {
      alertId: 'a2',
      timeMs: DAY_START + 60 * MIN,
      kind: KIND.number,
      id: ROBO,
      fromLevel: 1,
      toLevel: LEVEL.HIGH,
      verdict: verdicts[1],
    },
    {
      alertId: 'a3',
      timeMs: DAY_START + 5 * 3_600_000,
      kind: KIND.number,
      id: HARASSER,
      fromLevel: 0,
      toLevel: LEVEL.MEDIUM,
      verdict: verdicts[2],
    },
  ];
  await insert('alerts', alerts.map(alertRow));
  await insert('alerts', [alertRow(alerts[0] as Parameters<typeof alertRow>[0])]);

  const complaint = (id: string, reported: string, timeMs: number) =>
    complaintRow({
      complaintId: id,
      timeMs,
      reporter: { raw: VICTIM, e164: VICTIM, valid: true },
      reported: { raw: reported, e164: reported, valid: true },
      category: 1,
      ingestTimeMs: timeMs,
    });
  await insert('complaints', [
    complaint('k1', ROBO, DAY_START + 2 * 3_600_000),
    complaint('k2', ROBO, DAY_START + 3 * 3_600_000),
    complaint('k3', HARASSER, DAY_START + 6 * 3_600_000),
    complaint('k4', '+8613620000001', DAY_START + 7 * 3_600_000),
    complaint('k5', ROBO, DAY_END + MIN),
  ]);
  await insert('feedback', [
    feedbackRow({
      feedbackId: 'f1',
      timeMs: DAY_START + 2 * 3_600_000,
      kind: KIND.number,
      id: ROBO,
      action: 4,
      operator: 'op1',
    }),
    feedbackRow({
      feedbackId: 'f2',
      timeMs: DAY_START + 6 * 3_600_000,
      kind: KIND.number,
      id: HARASSER,
      action: 5,
      operator: 'op1',
      note: 'watch',
    }),
  ]);
}

const run = (dir: string) =>
  exportPeriod({
    db,
    period: 'daily',
    date: '2026-11-02',
    outDir: dir,
    signer,
    calleeHashKey: HASH_KEY,
  });

async function independentCount(query: SqlQuery): Promise<number> {
  const r = await rows(db, query, z.object({ n: col.num }));
  return r[0]?.n ?? -1;
}

describe.each(CLICKHOUSE_LAYOUTS)('exportPeriod on the real ClickHouse: $name', (layout) => {
  beforeAll(async () => {
    scope = await layout.start();
    stack = scope.stack;
    db = scope.db();
    await fillStore();
  });
  afterAll(async () => {
    await db.ch.close();
    await scope.close();
    await rm(out, { recursive: true, force: true });
  });

  it('exports a signed day whose figures match independent counts of the stored data', async () => {
    const r = await run(out);
    expect(r).toMatchObject({ status: 'new', revision: 1 });
    expect((await verifyExport(r.location, signer.publicKeyPem)).ok).toBe(true);

    const t = ident(stack.database, 'cdr');
    const inDay = sql`setup_ms >= ${DAY_START} AND setup_ms < ${DAY_END}`;
    const calls = await independentCount(
      sql`SELECT count() AS n FROM (SELECT call_id FROM ${t} FINAL WHERE ${raw(inDay)} GROUP BY call_id)`,
    );
    const roboCalls = await independentCount(
      sql`SELECT count() AS n FROM (SELECT call_id FROM ${t} FINAL WHERE calling = ${ROBO} AND ${raw(inDay)} GROUP BY call_id)`,
    );
    const roboCallees = await independentCount(
      sql`SELECT count() AS n FROM (SELECT DISTINCT called FROM ${t} FINAL WHERE calling = ${ROBO} AND ${raw(inDay)})`,
    );
    expect(calls).toBe(120 + 25 + 200);
    expect(roboCalls).toBe(120);

    const summary = JSON.parse(await readFile(join(r.location, 'summary.json'), 'utf8')) as {
      summary: Record<string, unknown>;
      data_watermark: string;
    };
    expect(summary.summary).toMatchObject({
      calls_analysed: calls,
      flagged_numbers: 2,
      flagged_by_category: { robocall: 1, targeted_harassment: 1 },
      flagged_by_level: { HIGH: 1, MEDIUM: 1 },
      alerts: 3,
      operator_actions: 2,
      complaints_received: 4,
      complaints_about_flagged_numbers: 3,
      median_detection_delay_ms: 19 * MIN,
    });
    const bucketTotal = (summary.summary['calls_by_bucket'] as { calls: number }[]).reduce(
      (n, b) => n + b.calls,
      0,
    );
    expect(bucketTotal).toBe(calls);

    const flagged = (
      JSON.parse(await readFile(join(r.location, 'flagged-numbers.json'), 'utf8')) as {
        flagged_numbers: Record<string, unknown>[];
      }
    ).flagged_numbers;
    expect(flagged.map((f) => f['number'])).toEqual([ROBO, HARASSER]);
    expect(flagged[0]).toMatchObject({
      level: 'HIGH',
      category: 'robocall',
      calls: roboCalls,
      distinct_callees: roboCallees,
      source_carrier: 'CARRIER-X',
      source_trunk: 'TRK-9',
      action: 'blocklist',
      complaints: 2,
      top_reasons: ['FANOUT', 'SHORT_CALLS'],
    });
    expect(flagged[1]).toMatchObject({
      calls: 25,
      distinct_callees: 1,
      top_callee_calls: 25,
      action: 'none',
    });

    const sources = (
      JSON.parse(await readFile(join(r.location, 'sources.json'), 'utf8')) as {
        sources: Record<string, unknown>[];
      }
    ).sources;
    expect(sources.find((s) => s['id'] === 'TRK-9')).toMatchObject({
      rank: 1,
      flagged_calls: 120,
      calls: 120,
      risk_level: 'HIGH',
      switches: ['SW1', 'SW2'],
    });
    expect(sources.find((s) => s['id'] === 'ON-NET')).toMatchObject({ flagged_calls: 25, calls: 125 });
    expect(sources.some((s) => s['id'] === 'CARRIER-Y')).toBe(false);

    for (const name of await readdir(r.location)) {
      const text = await readFile(join(r.location, name), 'utf8');
      expect(text.includes(VICTIM), `${name} holds a callee`).toBe(false);
    }
  });

  it('re-exports byte-identically and fails verification once a file is tampered with', async () => {
    const again = await run(out);
    expect(again).toMatchObject({ status: 'unchanged', revision: 1 });
    const other = await mkdtemp(join(tmpdir(), 'rf-export-int-b-'));
    try {
      const fresh = await run(other);
      for (const name of await readdir(again.location)) {
        const a = await readFile(join(again.location, name));
        expect(a.equals(await readFile(join(fresh.location, name))), name).toBe(true);
      }
      const csv = join(fresh.location, 'flagged-numbers.csv');
      await writeFile(csv, (await readFile(csv, 'utf8')).replace('blocklist', 'none'));
      const v = await verifyExport(fresh.location);
      expect(v.ok).toBe(false);
      expect(v.problems.map((p) => [p.kind, p.file])).toEqual([['changed', 'flagged-numbers.csv']]);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('turns late data into a new revision that supersedes the first', async () => {
    await insert('cdr', [
      cdrRow(
        call(ROBO, '+8613799999999', DAY_END - 5 * MIN, {
          ingressCarrier: 'CARRIER-X',
          ingressTrunk: 'TRK-9',
        }),
      ),
    ]);
    const late = await run(out);
    expect(late).toMatchObject({ status: 'new', revision: 2, supersedes: 1 });
    expect(late.report.summary.callsAnalysed).toBe(346);
    expect(late.report.flagged[0]?.calls).toBe(121);
    expect(late.watermark).toBe(new Date(DAY_END - 5 * MIN).toISOString());
    expect((await verifyExport(late.location)).ok).toBe(true);
    expect((await verifyExport(join(out, 'daily', '2026-11-02', 'r1'))).ok).toBe(true);
    expect(await readdir(join(out, 'daily', '2026-11-02'))).toEqual(['r1', 'r2']);
  });

  it('runs as a service that catches up on the periods it missed', async () => {
    const serviceOut = await mkdtemp(join(tmpdir(), 'rf-export-svc-'));
    const keyFile = join(serviceOut, 'signing.pem');
    await writeFile(keyFile, keys.privateKeyPem);
    try {
      const svc = await startExporter({
        env: {},
        now: () => DAY_END + 3_600_000,
        overrides: {
          clickhouseUrl: stack.clickhouseUrl,
          clickhouseDatabase: stack.database,
          outDir: join(serviceOut, 'exports'),
          signingKey: keyFile,
          calleeHashKey: HASH_KEY,
          periods: ['daily'],
          dailyCron: '',
          catchUpPeriods: 2,
          recheckPeriods: 1,
          logLevel: 'silent',
        },
      });
      await svc.caughtUp;
      const status = await fetch(`http://127.0.0.1:${svc.opsPort}/readyz`);
      expect(status.status).toBe(200);
      expect(await readdir(join(serviceOut, 'exports', 'daily'))).toEqual(['2026-11-01', '2026-11-02']);
      await svc.runNow('daily'); // a tick with nothing new: the re-check is unchanged
      expect(await readdir(join(serviceOut, 'exports', 'daily', '2026-11-02'))).toEqual(['r1']);
      const metrics = await (await fetch(`http://127.0.0.1:${svc.opsPort}/metrics`)).text();
      expect(metrics).toMatch(/ringfence_exporter_exports_total\{[^}]*status="unchanged"[^}]*\} 1/);
      await svc.stop();
    } finally {
      await rm(serviceOut, { recursive: true, force: true });
    }
  });

  it('runs as a process: ready, healthy, and exits 0 on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rf-export-proc-'));
    const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    const child = spawn(process.execPath, [entry], {
      env: stack.env({
        OUT_DIR: dir,
        SIGNING_KEY: keys.privateKeyPem,
        CALLEE_HASH_KEY: HASH_KEY,
        PERIODS: 'daily',
        CATCH_UP_PERIODS: '1',
        RECHECK_PERIODS: '0',
        LOG_LEVEL: 'info',
      }),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let opsPort = 0;
      for await (const line of createInterface({ input: child.stdout })) {
        const rec = JSON.parse(line) as { msg?: string; opsPort?: number };
        if (rec.msg === 'ready') {
          opsPort = rec.opsPort ?? 0;
          break;
        }
      }
      expect((await fetch(`http://127.0.0.1:${opsPort}/healthz`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${opsPort}/readyz`)).status).toBe(200);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });
});
