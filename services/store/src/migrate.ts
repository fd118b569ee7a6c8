import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import {
  RingfenceError,
  clickhouseUnreachable,
  dateTime,
  ident,
  pollUntilTrue,
  raw,
  sql,
  type ClickHouseClient,
  type Logger,
} from '@ringfence/common';
import { admin } from './admin-client.js';
import { clusterStatements, localTable, onCluster, redistributedTable } from './cluster-ddl.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import { forEachShard } from './shard-servers.js';
import { acquireSchemaLock, lockTableDdl, type LockOptions } from './schema-lock.js';

/** The schema version this build of Ringfence reads and writes: its newest migration. */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/** Where the schema lives; the client is opened on `default` so the database can be created first. */
export interface StoreTarget {
  url: string;
  database: string;
  username?: string;
  password?: string;
  /**
   * The cluster (a name in the servers' `remote_servers`) when the schema is the cluster layout:
   * replicated local tables on every shard with Distributed tables over them (CLICKHOUSE_CLUSTER).
   */
  cluster?: string;
  /** Every server's HTTP URL on the cluster layout (CLICKHOUSE_CLUSTER_URLS; default: ClusterServers). */
  clusterUrls?: readonly string[];
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

/** A migration's statements for the target's layout: as written, or their cluster form (cluster-ddl.ts). */
export function layoutStatements(m: Migration, database: string, cluster?: string): string[] {
  const single = m.statements(ident(database));
  return cluster === undefined ? single : single.flatMap((s) => clusterStatements(s, { cluster, database }));
}

/**
 * sha256 of the statements rendered against a fixed database name, so it never depends on the
 * target; a cluster's differ from a single server's, as their schemas do.
 */
export function checksum(m: Migration, cluster?: string): string {
  const h = createHash('sha256').update(layoutStatements(m, 'db', cluster).join(';\n'));
  // Only migrations that add columns hash them, so every older checksum stays what it was; on a
  // cluster the columns go to the local and the Distributed tables, another schema change.
  if (m.addColumns !== undefined)
    h.update(JSON.stringify(m.addColumns) + (cluster === undefined ? '' : '@cluster'));
  return h.digest('hex');
}

/** Waits until every server of `cluster` has the column, asking each one (`remote`) in turn. */
async function waitForColumn(
  ch: ClickHouseClient,
  cluster: string,
  database: string,
  table: string,
  column: string,
): Promise<void> {
  const servers = await ch.query({
    query: sql`SELECT host_name, port FROM system.clusters WHERE cluster = ${cluster}`,
    format: 'JSONEachRow',
  });
  for (const { host_name: host, port } of await servers.json<{ host_name: string; port: number }>()) {
    await pollUntilTrue(
      `column ${table}.${column} on ${host}:${port}`,
      async () => {
        const rs = await ch.query({
          query: sql`SELECT count() AS n FROM remote(${`${host}:${port}`}, system, columns) WHERE database = ${database} AND table = ${table} AND name = ${column}`,
          format: 'JSONEachRow',
        });
        const [row] = await rs.json<{ n: string | number }>();
        return Number(row?.n ?? 0) > 0;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
  }
}

/** Adds the column to `table` on the server of `ch` unless it has it (18.16 has no ADD COLUMN IF NOT EXISTS). */
async function addColumnIfMissing(
  ch: ClickHouseClient,
  database: string,
  table: string,
  c: { column: string; type: string },
): Promise<void> {
  const rs = await ch.query({
    query: sql`SELECT name FROM system.columns WHERE database = ${database} AND table = ${table} AND name = ${c.column}`,
    format: 'JSONEachRow',
  });
  if ((await rs.json()).length > 0) return;
  await ch.command({
    query: sql`ALTER TABLE ${ident(database, table)} ADD COLUMN ${ident(c.column)} ${raw(c.type)}`,
  });
}

/**
 * Runs `fn` once per copy of the data: on the target's one server, or on the cluster layout on one
 * server of each shard (forEachShard says why not ON CLUSTER). `fn` must be idempotent.
 */
export async function onEachShard(
  target: StoreTarget,
  fn: (ch: ClickHouseClient) => Promise<void>,
): Promise<void> {
  if (target.cluster !== undefined) {
    const { cluster, clusterUrls, ...login } = target;
    await forEachShard(
      { ...login, cluster, ...(clusterUrls === undefined ? {} : { urls: clusterUrls }) },
      fn,
    );
    return;
  }
  const ch = admin(target);
  try {
    await fn(ch);
  } finally {
    await ch.close();
  }
}

/**
 * Adds each column the migration adds where it is missing. On a cluster the local table of one
 * server per shard gets it (replication carries it to the shard's other replicas: forEachShard says
 * why not ON CLUSTER), and the Distributed table over them is made again with their columns.
 */
async function addMissingColumns(ch: ClickHouseClient, target: StoreTarget, m: Migration): Promise<void> {
  const { database, cluster } = target;
  for (const c of m.addColumns ?? []) {
    const table = cluster === undefined ? c.table : localTable(c.table);
    await onEachShard(target, (server) => addColumnIfMissing(server, database, table, c));
    if (cluster === undefined) continue;
    // The shard's other replicas apply the ALTER through ZooKeeper a moment later, and the
    // Distributed table takes its columns from the local table of each server it is made on.
    await waitForColumn(ch, cluster, database, table, c.column);
    for (const statement of redistributedTable({ cluster, database }, c.table))
      await ch.command({ query: statement });
  }
}

async function ensureBookkeeping(ch: ClickHouseClient, database: string, cluster?: string): Promise<void> {
  const db = ident(database);
  if (cluster === undefined) {
    await ch.command({ query: sql`CREATE DATABASE IF NOT EXISTS ${db}` });
    await ch.command({
      query: sql`CREATE TABLE IF NOT EXISTS ${db}.schema_migrations (
  version UInt32, name String, checksum String, applied_at DateTime
) ENGINE = ReplacingMergeTree ORDER BY version`,
    });
  } else {
    // One replica per server, all in one replication group: whichever server a migrator or a waiting
    // service asks, it finds every applied migration once replication has delivered it.
    const on = onCluster(cluster);
    await ch.command({ query: sql`CREATE DATABASE IF NOT EXISTS ${db} ${on}` });
    await ch.command({
      query: sql`CREATE TABLE IF NOT EXISTS ${db}.schema_migrations ${on} (
  version UInt32, name String, checksum String, applied_at DateTime
) ENGINE = ReplicatedReplacingMergeTree(${`/clickhouse/tables/all/${database}/schema_migrations`}, '{replica}') ORDER BY version`,
    });
  }
  await ch.command({ query: lockTableDdl(database, cluster) });
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

function statusOf(m: Migration, rec: AppliedRow | undefined, cluster?: string): MigrationStatus {
  const sum = checksum(m, cluster);
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
    await ensureBookkeeping(ch, target.database, target.cluster);
    const done = await applied(ch, target.database);
    return migrations.map((m) => statusOf(m, done.get(m.version), target.cluster));
  } finally {
    await ch.close();
  }
}

/**
 * Brings the target up to the latest schema: under the schema lock (so concurrent migrators apply
 * each migration once), applies pending migrations in version order and records each. Idempotent:
 * running it again changes nothing. Refuses (INTEGRITY) when an applied migration's checksum no longer
 * matches the code; UNAVAILABLE when the lock stays held past `lock.waitMs`. Returns the versions it
 * applied.
 */
export async function migrate(
  target: StoreTarget,
  migrations: readonly Migration[] = MIGRATIONS,
  lock: LockOptions = {},
): Promise<number[]> {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  const ch = admin(target);
  try {
    await ensureBookkeeping(ch, target.database, target.cluster);
    const lease = await acquireSchemaLock(ch, target.database, lock);
    try {
      return await applyPending(ch, target, ordered, lease.renew);
    } finally {
      await lease.release();
    }
  } finally {
    await ch.close();
  }
}

async function applyPending(
  ch: ClickHouseClient,
  target: StoreTarget,
  ordered: readonly Migration[],
  renew: () => Promise<void>,
): Promise<number[]> {
  const { database, cluster } = target;
  // Read under the lock: a migrator that waited finds what the previous holder applied.
  const done = await applied(ch, database);
  const changed = ordered
    .map((m) => statusOf(m, done.get(m.version), cluster))
    .filter((s) => s.state === 'changed');
  if (changed.length > 0) {
    throw new RingfenceError(
      'INTEGRITY',
      'applied migrations differ from the code; add a new migration instead',
      {
        detail: { versions: changed.map((c) => c.version).join(',') },
      },
    );
  }
  const db = ident(database);
  const appliedNow: number[] = [];
  for (const m of ordered) {
    if (done.has(m.version)) continue;
    for (const statement of layoutStatements(m, database, cluster)) await ch.command({ query: statement });
    await addMissingColumns(ch, target, m);
    await ch.command({
      query: sql`INSERT INTO ${db}.schema_migrations (version, name, checksum, applied_at) VALUES (${m.version}, ${m.name}, ${checksum(m, cluster)}, ${dateTime(Date.now())})`,
    });
    appliedNow.push(m.version);
    await renew();
  }
  return appliedNow;
}

export interface WaitForSchemaOptions {
  /** The version needed: every migration up to it must be applied (default SCHEMA_VERSION). */
  version?: number;
  /** Give up with UNAVAILABLE after this long; default: wait as long as it takes. */
  timeoutMs?: number;
  /** First pause between checks; it doubles up to `maxPollMs`. */
  pollMs?: number;
  maxPollMs?: number;
  logger?: Logger;
  migrations?: readonly Migration[];
}

const versionRow = z.object({ version: z.union([z.number(), z.string()]).transform(Number) });

/**
 * Waits until the target's schema has every migration up to `version`, without changing anything:
 * services call this instead of migrating (only `ringfence db migrate` migrates). Unreachable servers
 * and a missing database are waited out like a migration still to come; a refused login is thrown.
 */
export async function waitForSchema(target: StoreTarget, options: WaitForSchemaOptions = {}): Promise<void> {
  const needed = (options.migrations ?? MIGRATIONS)
    .map((m) => m.version)
    .filter((v) => v <= (options.version ?? SCHEMA_VERSION));
  const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
  const maxPollMs = options.maxPollMs ?? 10_000;
  const ch = admin(target);
  try {
    for (let delay = options.pollMs ?? 500; ; delay = Math.min(delay * 2, maxPollMs)) {
      let missing: number[];
      try {
        missing = await missingVersions(ch, target.database, needed);
      } catch (err) {
        if (!clickhouseUnreachable(err)) throw err;
        missing = needed;
      }
      if (missing.length === 0) return;
      if (Date.now() + delay > deadline) {
        throw new RingfenceError('UNAVAILABLE', `schema of ${target.database} lacks migrations`, {
          detail: { missing: missing.join(',') },
        });
      }
      options.logger?.warn(
        { database: target.database, missing: missing.join(','), retryInMs: delay },
        'waiting for `ringfence db migrate` to apply the schema this service needs',
      );
      await sleep(delay);
    }
  } finally {
    await ch.close();
  }
}

async function missingVersions(
  ch: ClickHouseClient,
  database: string,
  needed: readonly number[],
): Promise<number[]> {
  const exists = await ch.query({
    query: sql`SELECT name FROM system.tables WHERE database = ${database} AND name = 'schema_migrations'`,
    format: 'JSONEachRow',
  });
  if ((await exists.json()).length === 0) return [...needed];
  const rs = await ch.query({
    query: sql`SELECT DISTINCT version FROM ${ident(database, 'schema_migrations')}`,
    format: 'JSONEachRow',
  });
  const have = new Set(
    z
      .array(versionRow)
      .parse(await rs.json())
      .map((r) => r.version),
  );
  return needed.filter((v) => !have.has(v));
}
