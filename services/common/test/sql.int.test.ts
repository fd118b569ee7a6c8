import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { array, dateTime, float, ident, inList, int, sql, uint } from '../src/sql.js';
import { testStack } from '../src/testing.js';

const stack = testStack();
const ch = stack.clickhouse();

const NASTY = [
  '',
  "'",
  "'; DROP TABLE nasty; --",
  '\\',
  "\\'",
  'a\\x27b',
  'line\nbreak\r\n',
  'nul\u0000byte',
  'ctl\u0001\u001f\u007f',
  '/* c */ -- c #',
  '雷电 📞 émigré',
  '\u2028\u2029',
  '`"',
];

async function one<T>(query: string): Promise<T> {
  const rs = await ch.query({ query, format: 'JSONEachRow' });
  const rows = await rs.json<T>();
  expect(rows).toHaveLength(1);
  return rows[0] as T;
}

describe('sql literals against the real server', () => {
  beforeAll(async () => {
    await stack.createDatabase();
    await ch.command({
      query: sql`CREATE TABLE ${ident(stack.database, 'nasty')} (i UInt32, s String) ENGINE = MergeTree ORDER BY i`,
    });
  });
  afterAll(async () => {
    await ch.close();
    await stack.dropDatabase();
  });

  it('round-trips nasty strings through insert and select-by-literal', async () => {
    for (const [i, s] of NASTY.entries()) {
      await ch.command({ query: sql`INSERT INTO ${ident(stack.database, 'nasty')} VALUES (${i}, ${s})` });
    }
    for (const [i, s] of NASTY.entries()) {
      const row = await one<{ i: number; s: string }>(
        sql`SELECT i, s FROM ${ident(stack.database, 'nasty')} WHERE s = ${s}`,
      );
      expect(row).toEqual({ i, s });
    }
    const count = await one<{ n: string }>(
      sql`SELECT count() AS n FROM ${ident(stack.database, 'nasty')} WHERE s IN ${inList(NASTY)}`,
    );
    expect(Number(count.n)).toBe(NASTY.length);
  });

  it('reads numbers, dates and arrays back exactly', async () => {
    const ms = Date.UTC(2026, 10, 25, 1, 2, 3);
    const row = await one<Record<string, unknown>>(
      sql`SELECT ${uint('18446744073709551615')} AS u, ${int(-(2n ** 63n))} AS i, 1 -${int(-1)} AS m,
        ${float(-1.25)} AS f, toUInt32(${dateTime(ms)}) AS t, ${array(["a'", 'b\\'])} AS a`,
    );
    expect(row).toEqual({
      u: '18446744073709551615',
      i: '-9223372036854775808',
      m: 2,
      f: -1.25,
      t: ms / 1000,
      a: ["a'", 'b\\'],
    });
  });
});
