import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ident, sql } from '@ringfence/common';
import { CLICKHOUSE_LAYOUTS, type LayoutScope } from '@ringfence/common/testing';
import { Attestation, Media, type ICallDetailRecord } from '@ringfence/proto';
import {
  CDR_COLUMNS,
  MIGRATIONS,
  callerHourly,
  cdrRow,
  countCdrs,
  fillSyntheticCdrs,
  insertCdrs,
  migrate,
  sourceHourly,
  syntheticHeavyCaller,
  topCallers,
  type CdrRow,
  type StoreDb,
  type StoreTarget,
} from '../src/index.js';

const T0 = Date.UTC(2026, 10, 21, 8, 0, 0);
const HOUR = 3_600_000;

function cdr(i: number, over: Partial<ICallDetailRecord> = {}): ICallDetailRecord {
  const setup = T0 + i * 1000;
  return {
    callId: `r${i}`,
    switchId: 'sw1',
    setupTimeMs: setup,
    answerTimeMs: i % 2 === 0 ? 0 : setup + 1_000,
    releaseTimeMs: setup + (i % 4 === 1 ? 5_000 : 60_000),
    calling: { raw: '+8613800000099', e164: '+8613800000099', valid: true },
    called: { raw: `+86139${i % 3}`, e164: `+86139${i % 3}`, valid: true },
    ingressTrunk: 'tr-1',
    ingressCarrier: 'CAR-1',
    deviceId: i % 2 === 0 ? 'dev-1' : '',
    releaseCause: 16,
    media: Media.MEDIA_AUDIO,
    attestation: Attestation.ATTESTATION_A,
    ingestTimeMs: T0 + HOUR,
    ...over,
  };
}

describe.each(CLICKHOUSE_LAYOUTS)('cdr inserts and the hourly aggregates on $name', (layout) => {
  let scope: LayoutScope;
  let target: StoreTarget;
  let db: StoreDb;
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

  it('stores every column of a RowBinary insert as given, hostile strings included', async () => {
    const tricky = [
      "'; DROP TABLE cdr; --",
      'tab\there\nnewline\\backslash',
      '號碼📞 ünïcödé',
      '\u0000\u0001\u007f',
      'x'.repeat(20_000),
      '',
    ];
    const rows: CdrRow[] = tricky.map((s, i) => ({
      ...cdrRow(cdr(1000 + i, { media: Media.MEDIA_VIDEO, attestation: Attestation.ATTESTATION_C })),
      call_id: `tricky-${i}`,
      setup_time: Math.floor((T0 - 2 * HOUR) / 1000),
      setup_ms: T0 - 2 * HOUR,
      switch_id: s,
      calling: `+86${i}`,
      calling_raw: s,
      origid: s,
      cell_id: s,
      release_cause: 65_535,
      release_ms: Number.MAX_SAFE_INTEGER,
    }));
    await insertCdrs(db, rows);
    const columns = CDR_COLUMNS.map(([name]) => name);
    const stored = await (
      await db.ch.query({
        query: `SELECT ${columns.map((c) => `toString(${c}) AS ${c}`).join(', ')} FROM ${ident(db.database, 'cdr').text} WHERE call_id LIKE 'tricky-%' ORDER BY call_id`,
        format: 'JSONEachRow',
      })
    ).json<Record<string, string>>();
    expect(stored).toHaveLength(rows.length);
    const asText = (r: CdrRow): Record<string, string> =>
      Object.fromEntries(
        columns.map((c) => {
          const v = r[c];
          return [
            c,
            c === 'setup_time'
              ? new Date(Number(v) * 1000).toISOString().slice(0, 19).replace('T', ' ')
              : String(v),
          ];
        }),
      );
    expect(stored).toEqual(
      rows.map(asText).sort((a, b) => ((a['call_id'] ?? '') < (b['call_id'] ?? '') ? -1 : 1)),
    );
  });

  it('counts calls exactly in the hourly aggregates however often and however a CDR was written', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => cdrRow(cdr(i)));
    await insertCdrs(db, rows);
    await insertCdrs(db, rows.slice(0, 15)); // a retried batch
    // A later copy of an unanswered call that says it was answered (short): counted once, as answered.
    await insertCdrs(db, [
      cdrRow(cdr(0, { answerTimeMs: T0 + 500, releaseTimeMs: T0 + 2_000, ingestTimeMs: T0 + 2 * HOUR })),
    ]);
    const from = T0;
    const to = T0 + HOUR;
    expect(await countCdrs(db, from, to)).toBe(40);
    const hourly = await callerHourly(db, '+8613800000099', from, to);
    // Odd i answered (20), of which i % 4 === 1 short (10); plus call 0, answered short by its later copy.
    expect(hourly).toEqual([{ hourMs: T0, calls: 40, answered: 21, shortCalls: 11, distinctCalled: 3 }]);
    expect(await sourceHourly(db, 'trunk', 'tr-1', from, to)).toEqual([
      { hourMs: T0, calls: 40, answered: 21, distinctCalling: 1, distinctCalled: 3 },
    ]);
    expect(await sourceHourly(db, 'device', 'dev-1', from, to)).toEqual([
      { hourMs: T0, calls: 20, answered: 1, distinctCalling: 1, distinctCalled: 3 },
    ]);
    expect(await topCallers(db, from, to, 1)).toEqual([
      { number: '+8613800000099', calls: 40, answered: 21, distinctCalled: 3 },
    ]);
  });

  it('rebuilds the hourly aggregates from stored CDRs when migrating an older schema', async () => {
    const old = scope.target(`${db.database}_old`);
    const oldDb: StoreDb = { ...db, database: old.database };
    try {
      await migrate(
        old,
        MIGRATIONS.filter((m) => m.version <= 5),
      );
      const rows = Array.from({ length: 12 }, (_, i) => cdrRow(cdr(i)));
      await insertCdrs(oldDb, rows);
      await insertCdrs(oldDb, rows);
      expect(await migrate(old)).toEqual(MIGRATIONS.filter((m) => m.version > 5).map((m) => m.version));
      await insertCdrs(oldDb, [cdrRow(cdr(12))]);
      const hourly = await callerHourly(oldDb, '+8613800000099', T0, T0 + HOUR);
      expect(hourly).toEqual([{ hourMs: T0, calls: 13, answered: 6, shortCalls: 3, distinctCalled: 3 }]);
      expect((await sourceHourly(oldDb, 'carrier', 'CAR-1', T0, T0 + HOUR))[0]?.calls).toBe(13);
    } finally {
      await db.ch.command({ query: sql`DROP DATABASE IF EXISTS ${ident(old.database)}` });
    }
  });

  it('fills synthetic CDRs server-side with the documented heavy callers', async () => {
    const synth: StoreDb = { ...db, database: `${db.database}_synth` };
    try {
      await migrate(scope.target(synth.database));
      const progress: number[] = [];
      await fillSyntheticCdrs(synth, {
        rows: 25_000,
        startMs: T0,
        days: 1,
        chunkRows: 10_000,
        onProgress: (n) => progress.push(n),
      });
      expect(progress).toEqual([10_000, 20_000, 25_000]);
      expect(await countCdrs(synth, T0, T0 + 86_400_000)).toBe(25_000);
      const heavy = await callerHourly(synth, syntheticHeavyCaller(0), T0, T0 + 86_400_000);
      expect(heavy.reduce((a, h) => a + h.calls, 0)).toBe(5); // n % 100 = 0 and (n / 100) % 50 = 0
      expect(syntheticHeavyCaller(49)).toBe('+8613000000059');
    } finally {
      await db.ch.command({ query: sql`DROP DATABASE IF EXISTS ${ident(synth.database)}` });
    }
  });
});
