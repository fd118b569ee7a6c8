import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ident, sql } from '@ringfence/common';
import { CLICKHOUSE_LAYOUTS, type LayoutScope } from '@ringfence/common/testing';
import { Attestation, Level, Media, SubjectKind, type ICallDetailRecord } from '@ringfence/proto';
import {
  MIGRATIONS,
  alertRow,
  appendAudit,
  applyRetention,
  auditLog,
  callerHourly,
  callerSummary,
  cdrRow,
  countCdrs,
  getRedressCase,
  listAlerts,
  migrate,
  riskChangeRow,
  riskHistory,
  riskTombstoneRow,
  saveRedressCase,
  sourceHourly,
  sourcePath,
  status,
  topCallers,
  type StoreDb,
  type StoreTarget,
} from '../src/index.js';

const T0 = Date.UTC(2026, 10, 20, 10, 0, 0);
const HOUR = 3_600_000;
const CALLER = "+8613800000001'; DROP TABLE cdr; --";

function cdr(i: number, over: Partial<ICallDetailRecord> = {}): ICallDetailRecord {
  const setup = T0 + i * 60_000;
  return {
    callId: `c${i}`,
    switchId: i % 2 === 0 ? 'sw1' : 'sw2',
    setupTimeMs: setup,
    answerTimeMs: i % 3 === 0 ? 0 : setup + 5_000,
    releaseTimeMs: setup + (i % 3 === 0 ? 8_000 : 5_000 + i * 1000),
    calling: { raw: CALLER, e164: CALLER, valid: true },
    called: {
      raw: `+861390000${String(i % 7).padStart(4, '0')}`,
      e164: `+861390000${String(i % 7).padStart(4, '0')}`,
      valid: true,
    },
    ingressTrunk: 'tr-a',
    ingressCarrier: 'CARRIER-X',
    releaseCause: 16,
    media: Media.MEDIA_AUDIO,
    attestation: Attestation.ATTESTATION_C,
    deviceId: '',
    ingestTimeMs: T0 + 10 * HOUR + i,
    ...over,
  };
}

describe.each(CLICKHOUSE_LAYOUTS)('store on $name', (layout) => {
  let scope: LayoutScope;
  let target: StoreTarget;
  let db: StoreDb;
  async function insert(name: string, values: unknown[]): Promise<void> {
    await db.ch.insert({ table: ident(db.database, name).text, values, format: 'JSONEachRow' });
  }

  beforeAll(async () => {
    scope = await layout.start();
    target = scope.target();
    db = scope.db();
    await migrate(target);
  });
  afterAll(async () => {
    await db.ch.close();
    await scope.close();
  });

  it('migrates idempotently and lists every migration as applied', async () => {
    const first = await status(target);
    expect(first.map((s) => s.state)).toEqual(MIGRATIONS.map(() => 'applied'));
    const tablesBefore = await db.ch
      .query({ query: sql`SHOW TABLES FROM ${ident(db.database)}`, format: 'JSONEachRow' })
      .then((r) => r.json<{ name: string }>());
    expect(await migrate(target)).toEqual([]);
    const second = await status(target);
    expect(second).toEqual(first);
    const tablesAfter = await db.ch
      .query({ query: sql`SHOW TABLES FROM ${ident(db.database)}`, format: 'JSONEachRow' })
      .then((r) => r.json<{ name: string }>());
    expect(tablesAfter).toEqual(tablesBefore);
    expect(tablesAfter.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'cdr',
        'cdr_hourly_caller',
        'cdr_hourly_source',
        'alerts',
        'audit_log',
        'redress_cases',
      ]),
    );
  });

  it('refuses to run when an applied migration was edited', async () => {
    const edited = MIGRATIONS.map((m) =>
      m.version === 1 ? { ...m, statements: () => [...m.statements(ident('x')), 'SELECT 1'] } : m,
    );
    const st = await status(target, edited);
    expect(st[0]?.state).toBe('changed');
    await expect(migrate(target, edited)).rejects.toMatchObject({ code: 'INTEGRITY' });
  });

  it('counts each CDR once however often it was written', async () => {
    const records = Array.from({ length: 30 }, (_, i) => cdrRow(cdr(i)));
    await insert('cdr', records);
    await insert('cdr', records.slice(0, 10)); // a retry
    await insert('cdr', records); // a replay
    const from = T0;
    const to = T0 + 2 * HOUR;
    expect(await countCdrs(db, from, to)).toBe(30);
    const s = await callerSummary(db, CALLER, from, to);
    expect(s.calls).toBe(30);
    expect(s.answered).toBe(20);
    expect(s.distinctCalled).toBe(7);
    expect(s.carriers).toEqual(['CARRIER-X']);
    expect(s.firstMs).toBe(T0);
    expect(s.lastMs).toBe(T0 + 29 * 60_000);
    const hourly = await callerHourly(db, CALLER, from, to);
    expect(hourly.reduce((a, h) => a + h.calls, 0)).toBe(30);
    expect(hourly[0]).toMatchObject({ hourMs: T0, calls: 30, answered: 20, distinctCalled: 7 });
    const trunk = await sourceHourly(db, 'trunk', 'tr-a', from, to);
    expect(trunk).toEqual([{ hourMs: T0, calls: 30, answered: 20, distinctCalling: 1, distinctCalled: 7 }]);
    const path = await sourcePath(db, 'number', CALLER, from, to);
    expect(path.map((p) => [p.switchId, p.calls])).toEqual([
      ['sw1', 15],
      ['sw2', 15],
    ]);
    expect(path[0]?.attestation).toBe('C');
    const top = await topCallers(db, from, to, 5);
    expect(top[0]).toMatchObject({ number: CALLER, calls: 30 });
    expect(await countCdrs(db, T0 + 5 * HOUR, T0 + 6 * HOUR)).toBe(0);
  });

  it('records risk changes, tombstones and alerts once each', async () => {
    const v = {
      kind: SubjectKind.SUBJECT_KIND_NUMBER,
      id: '+8613800000002',
      score: 80,
      level: Level.LEVEL_HIGH,
      category: 'robocall',
      reasons: [{ code: 'RATE_10M', value: 40, threshold: 20, window: '10m', points: 50 }],
      updatedMs: T0,
      calls: 40,
    };
    const rows = [
      riskChangeRow(v, 1),
      riskChangeRow(v, 2),
      riskTombstoneRow('+8613800000002', false, T0 + HOUR, 3),
    ];
    await insert('risk_changes', rows);
    const h = await riskHistory(db, 'number', '+8613800000002');
    expect(h.map((x) => [x.level, x.expired])).toEqual([
      ['HIGH', false],
      ['NONE', true],
    ]);
    expect(h[0]?.reasonCodes).toEqual(['RATE_10M']);
    const a = alertRow({
      alertId: 'a1',
      timeMs: T0,
      kind: SubjectKind.SUBJECT_KIND_TRUNK,
      id: 'tr-a',
      fromLevel: Level.LEVEL_LOW,
      toLevel: Level.LEVEL_HIGH,
      verdict: v,
      evidence: { rate: 4.5 },
    });
    await insert('alerts', [a, a]);
    const alerts = await listAlerts(db, { from: T0, to: T0 + HOUR, minLevel: 'MEDIUM' });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      alertId: 'a1',
      kind: 'trunk',
      toLevel: 'HIGH',
      evidence: { rate: 4.5 },
    });
  });

  it('keeps the audit log and the latest redress case state', async () => {
    await appendAudit(db, [
      {
        eventId: 'e1',
        timeMs: T0,
        actor: 'op1',
        action: 'export',
        detail: { rows: 3 },
        sourceIp: '10.0.0.1',
      },
    ]);
    await appendAudit(db, [
      { eventId: 'e1', timeMs: T0, actor: 'op1', action: 'export', detail: { rows: 3 } },
    ]);
    const log = await auditLog(db, { from: T0, to: T0 + HOUR, actor: 'op1' });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor: 'op1', action: 'export', detail: { rows: 3 } });
    const base = {
      caseId: 'case-1',
      kind: 'number' as const,
      id: '+8613800000002',
      openedMs: T0,
      channel: 'web',
      contact: 'x@example.com',
      description: "it's me",
      resolution: '',
      operator: '',
    };
    await saveRedressCase(db, { ...base, status: 'open', updatedMs: T0 });
    await saveRedressCase(db, { ...base, status: 'upheld', updatedMs: T0 + 1000, operator: 'op2' });
    expect(await getRedressCase(db, 'case-1')).toMatchObject({
      status: 'upheld',
      operator: 'op2',
      openedMs: T0,
    });
    expect(await getRedressCase(db, 'nope')).toBeUndefined();
  });

  it('drops only partitions older than the retention limit', async () => {
    const old = cdrRow(cdr(0, { callId: 'old', setupTimeMs: T0 - 30 * 24 * HOUR }));
    await insert('cdr', [old]);
    const dropped = await applyRetention(target, { cdr: 10 }, T0 + HOUR);
    expect(dropped.filter((d) => d.table === 'cdr').map((d) => d.partition)).toEqual(['20261021']);
    expect(await countCdrs(db, T0 - 40 * 24 * HOUR, T0 + 2 * HOUR)).toBe(30);
  });
});
