import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createClickHouse, ident, sql } from '@ringfence/common';
import { testStack } from '@ringfence/common/testing';
import {
  MIGRATIONS,
  SCHEMA_VERSION,
  acquireSchemaLock,
  col,
  migrate,
  rows,
  waitForSchema,
} from '../src/index.js';

const stack = testStack();
const ch = createClickHouse({ url: stack.clickhouseUrl, database: 'default' });
const ALL = MIGRATIONS.map((m) => m.version);
let n = 0;

/** A fresh, never migrated database name in this test's scope. */
function freshTarget(): { url: string; database: string } {
  n += 1;
  return { url: stack.clickhouseUrl, database: `${stack.database}_m${n}` };
}

async function recorded(database: string): Promise<number[]> {
  const r = await rows(
    { ch, database },
    sql`SELECT version FROM ${ident(database, 'schema_migrations')} ORDER BY version`,
    z.object({ version: col.num }),
  );
  return r.map((x) => x.version);
}

describe('migrations under the schema lock', () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const d of made) await ch.command({ query: sql`DROP DATABASE IF EXISTS ${ident(d)}` });
    await ch.close();
  });

  it('two migrators started together apply every migration exactly once between them', async () => {
    const target = freshTarget();
    made.push(target.database);
    const [a, b] = await Promise.all([
      migrate(target, MIGRATIONS, { owner: 'a' }),
      migrate(target, MIGRATIONS, { owner: 'b' }),
    ]);
    expect([...a, ...b].sort((x, y) => x - y)).toEqual(ALL);
    // One of them did all the work: the other found it done once it held the lock.
    expect([a.length, b.length].sort()).toEqual([0, ALL.length]);
    expect(await recorded(target.database)).toEqual(ALL);
  });

  it('waits for a live holder, gives up with UNAVAILABLE naming it, and goes ahead once it is released', async () => {
    const target = freshTarget();
    made.push(target.database);
    await migrate(target, MIGRATIONS.slice(0, 1));
    const other = await acquireSchemaLock(ch, target.database, { owner: 'other-job' });
    await expect(migrate(target, MIGRATIONS, { waitMs: 1_000 })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      detail: { holder: 'other-job' },
    });
    expect(await recorded(target.database)).toEqual([1]);
    await other.release();
    expect(await migrate(target)).toEqual(ALL.slice(1));
  });

  it('takes over the lock of a holder that died once its lease has expired', async () => {
    const target = freshTarget();
    made.push(target.database);
    await migrate(target, MIGRATIONS.slice(0, 1));
    // Claimed, never released: the job died. Its lease still runs while the next migrator settles.
    await acquireSchemaLock(ch, target.database, { owner: 'dead-job', leaseMs: 8_000 });
    await expect(migrate(target, MIGRATIONS, { waitMs: 0 })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      detail: { holder: 'dead-job' },
    });
    await sleep(4_000);
    expect(await migrate(target, MIGRATIONS, { waitMs: 0 })).toEqual(ALL.slice(1));
  });
});

describe('waitForSchema', () => {
  it('refuses a database that was never migrated once its time is up, naming what is missing', async () => {
    const target = freshTarget();
    await expect(waitForSchema(target, { timeoutMs: 0 })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      detail: { missing: ALL.join(',') },
    });
  });

  it('returns once `migrate` has applied the version it needs, without migrating itself', async () => {
    const target = freshTarget();
    const waiting = waitForSchema(target, { pollMs: 100, maxPollMs: 200 });
    let done = false;
    void waiting.then(() => (done = true));
    await migrate(target, MIGRATIONS.slice(0, -1));
    await sleep(500);
    expect(done).toBe(false);
    await migrate(target);
    await waiting;
    await expect(waitForSchema(target, { version: SCHEMA_VERSION, timeoutMs: 0 })).resolves.toBeUndefined();
    await ch.command({ query: sql`DROP DATABASE IF EXISTS ${ident(target.database)}` });
  });
});
