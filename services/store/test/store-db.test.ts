import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sql, type ClickHouseClient } from '@ringfence/common';
import { checkRange, col, rows, timeRange, type StoreDb } from '../src/store-db.js';

/** A StoreDb whose server answers every query with `answer`, recording the query text. */
function fakeDb(answer: unknown[]): { db: StoreDb; sent: string[] } {
  const sent: string[] = [];
  const ch = {
    query: ({ query }: { query: string }) => {
      sent.push(query);
      return Promise.resolve({ json: () => Promise.resolve(answer) });
    },
  } as unknown as ClickHouseClient;
  return { db: { ch, database: 'rf' }, sent };
}

describe('rows', () => {
  it('returns rows converted by their schema: UInt64 strings become numbers', async () => {
    const { db, sent } = fakeDb([{ n: '18014398509481984', name: 'x', xs: ['a'] }]);
    const r = await rows(db, sql`SELECT 1`, z.object({ n: col.num, name: col.str, xs: col.strs }));
    expect(r).toEqual([{ n: 2 ** 54, name: 'x', xs: ['a'] }]);
    expect(sent).toEqual(['SELECT 1']);
  });

  it('fails the read with INTEGRITY when a row does not match its schema', async () => {
    const { db } = fakeDb([{ n: '12' }, { n: 'twelve' }]);
    await expect(rows(db, sql`SELECT 1`, z.object({ n: col.num }))).rejects.toMatchObject({
      code: 'INTEGRITY',
      detail: { path: '1.n' },
    });
  });

  it('takes only queries built by sql: a concatenated string does not typecheck', async () => {
    const { db } = fakeDb([]);
    const id = "x' OR 1 = 1 --";
    // @ts-expect-error a plain string is not a SqlQuery
    await rows(db, `SELECT * FROM t WHERE id = '${id}'`, z.object({}));
    // @ts-expect-error appending to a SqlQuery gives a plain string again
    await rows(db, sql`SELECT * FROM t WHERE id = ` + id, z.object({}));
    expect(sql`SELECT * FROM t WHERE id = ${id}`).toBe("SELECT * FROM t WHERE id = 'x\\' OR 1 = 1 --'");
  });
});

describe('timeRange', () => {
  it('is half-open on the named column, in UTC', () => {
    expect(timeRange(Date.UTC(2026, 10, 2), Date.UTC(2026, 10, 3), 'hour').text).toBe(
      "hour >= toDateTime('2026-11-02 00:00:00', 'UTC') AND hour < toDateTime('2026-11-03 00:00:00', 'UTC')",
    );
  });

  it('checkRange refuses a range that ends before it starts', () => {
    expect(() => checkRange(2, 1)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => checkRange(1, 1)).not.toThrow();
  });
});

describe('SQL is confined to @ringfence/store', () => {
  const services = fileURLToPath(new URL('../..', import.meta.url));
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => join(e.parentPath, e.name));

  it.each(['console', 'exporter', 'sink'])('%s/src writes no SELECT and calls no rows()', (service) => {
    const offenders = sourceFiles(join(services, service, 'src')).filter((f) =>
      /\bSELECT\b|\brows\(/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
