import { createHash } from 'node:crypto';
import {
  RingfenceError,
  createClickHouse,
  dateTime,
  ident,
  sql,
  type ClickHouseClient,
} from '@ringfence/common';
import { MIGRATIONS, type Migration } from './migrations.js';

/** Where the schema lives; the client is opened on `default` so the database can be created first. */
export interface StoreTarget {
  url: string;
  database: string;
  username?: string;
  password?: string;
}

export interface MigrationStatus {
  version: number;
  name: string;
  checksum: string;
  /** 'applied', 'pending', or 'changed' when the recorded checksum differs from the code's. */
  state: 'applied' | 'pending' | 'changed';
  appliedAt: string | null;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
  applied_at: string;
}

/** sha256 of the statements rendered against a fixed database name, so it never depends on the target. */
export function checksum(m: Migration): string {
  return createHash('sha256')
    .update(m.statements(ident('db')).join(';\n'))
    .digest('hex');
}

function admin(target: StoreTarget): ClickHouseClient {
  return createClickHouse({
    url: target.url,
    database: 'default',
    username: target.username ?? 'default',
    password: target.password ?? '',
  });
}

async function ensureBookkeeping(ch: ClickHouseClient, database: string): Promise<void> {
  const db = ident(database);
  await ch.command({ query: sql`CREATE DATABASE IF NOT EXISTS ${db}` });
  await ch.command({
    query: sql`CREATE TABLE IF NOT EXISTS ${db}.schema_migrations (
  version UInt32, name String, checksum String, applied_at DateTime
) ENGINE = ReplacingMergeTree ORDER BY version`,
  });
}

async function applied(ch: ClickHouseClient, database: string): Promise<Map<number, AppliedRow>> {
  // Two migrators racing may both record a version; the first record per version is the one that counts.
  const rs = await ch.query({
    query: sql`SELECT version, any(name) AS name, any(checksum) AS checksum, toString(min(applied_at)) AS applied_at
FROM ${ident(database, 'schema_migrations')} GROUP BY version ORDER BY version`,
    format: 'JSONEachRow',
  });
  const rows = await rs.json<AppliedRow>();
  return new Map(rows.map((r) => [Number(r.version), r]));
}

function statusOf(m: Migration, rec: AppliedRow | undefined): MigrationStatus {
  const sum = checksum(m);
  return {
    version: m.version,
    name: m.name,
    checksum: sum,
    state: rec === undefined ? 'pending' : rec.checksum === sum ? 'applied' : 'changed',
    appliedAt: rec?.applied_at ?? null,
  };
}

/** Lists every known migration and whether the target has it. Creates only the bookkeeping table. */
export async function status(
  target: StoreTarget,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationStatus[]> {
  const ch = admin(target);
  try {
    await ensureBookkeeping(ch, target.database);
    const done = await applied(ch, target.database);
    return migrations.map((m) => statusOf(m, done.get(m.version)));
  } finally {
    await ch.close();
  }
}

/**
 * Brings the target up to the latest schema: applies pending migrations in version order and records
 * each. Idempotent: running it again changes nothing. Refuses (INTEGRITY) when an applied migration's
 * checksum no longer matches the code. Returns the versions it applied.
 */
export async function migrate(
  target: StoreTarget,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  const ch = admin(target);
  try {
    await ensureBookkeeping(ch, target.database);
    const done = await applied(ch, target.database);
    const changed = ordered.map((m) => statusOf(m, done.get(m.version))).filter((s) => s.state === 'changed');
    if (changed.length > 0) {
      throw new RingfenceError(
        'INTEGRITY',
        'applied migrations differ from the code; add a new migration instead',
        {
          detail: { versions: changed.map((c) => c.version).join(',') },
        },
      );
    }
    const db = ident(target.database);
    const appliedNow: number[] = [];
    for (const m of ordered) {
      if (done.has(m.version)) continue;
      for (const statement of m.statements(db)) await ch.command({ query: statement });
      await ch.command({
        query: sql`INSERT INTO ${db}.schema_migrations (version, name, checksum, applied_at) VALUES (${m.version}, ${m.name}, ${checksum(m)}, ${dateTime(Date.now())})`,
      });
      appliedNow.push(m.version);
    }
    return appliedNow;
  } finally {
    await ch.close();
  }
}
