import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { RingfenceError, ident, raw, sql, type ClickHouseClient, type Logger } from '@ringfence/common';
import { onCluster } from './cluster-ddl.js';

/*
 * A lease lock for the schema: migrations and retention take it so that two of them never run at
 * once (two migrate Jobs after a double `kubectl apply`, retention dropping partitions while
 * migration 6 backfills). ClickHouse has no transactions or compare-and-set, so the lock is a table of
 * claims: each contender inserts a claim stamped with the SERVER's clock (no skew between pods), waits
 * until any claim stamped at or before its own must be visible, then reads all live claims back. The
 * earliest live claim (claimed time, then token) wins; every contender reads the same rows, so they
 * agree on one winner, and the others withdraw and retry. A claim lives until its lease expires, so a
 * holder that dies frees the lock by itself; a holder renews its lease as it works.
 * ZooKeeper would give a real lock but is not part of the single-server layout; see
 * docs/clickhouse-schema.md.
 */

export interface LockOptions {
  /** Who holds the lock, for the log of those waiting (default host name and pid). */
  owner?: string;
  /** How long a claim lives without renewal; a dead holder blocks others at most this long. */
  leaseMs?: number;
  /** How long to wait for another holder before giving up with UNAVAILABLE. */
  waitMs?: number;
  /**
   * Pause between inserting a claim and reading the claims back. At least MIN_SETTLE_MS: the server
   * clock counts whole seconds, so only once it has moved past a claim's second does every later claim
   * sort after it.
   */
  settleMs?: number;
  logger?: Logger;
}

/** A held lock: renew it during long work, release it when done. */
export interface SchemaLease {
  readonly owner: string;
  readonly renew: () => Promise<void>;
  readonly release: () => Promise<void>;
}

const DEFAULT_LEASE_MS = 15 * 60_000;
const DEFAULT_WAIT_MS = 30 * 60_000;
const DEFAULT_SETTLE_MS = 2_500;
const MIN_SETTLE_MS = 1_500;
const RETRY_MS = 2_000;

const holderRow = z.object({ token: z.string(), owner: z.string() });

/**
 * The lock table's DDL; created with the migration bookkeeping. On a cluster every server holds a
 * replica of it: contenders asking different servers see each other's claims once replicated, which
 * on one network takes well under the settle pause (docs/clickhouse-schema.md, Cluster layout).
 */
export function lockTableDdl(database: string, cluster?: string): string {
  const columns = raw('token String, owner String, claimed DateTime, expires DateTime, released UInt8');
  if (cluster === undefined) {
    return sql`CREATE TABLE IF NOT EXISTS ${ident(database, 'schema_lock')} (
  ${columns}
) ENGINE = MergeTree ORDER BY (claimed, token)`;
  }
  return sql`CREATE TABLE IF NOT EXISTS ${ident(database, 'schema_lock')} ${onCluster(cluster)} (
  ${columns}
) ENGINE = ReplicatedMergeTree(${`/clickhouse/tables/all/${database}/schema_lock`}, '{replica}') ORDER BY (claimed, token)`;
}

async function claim(
  ch: ClickHouseClient,
  database: string,
  token: string,
  owner: string,
  leaseS: number,
  released: boolean,
): Promise<void> {
  await ch.command({
    query: sql`INSERT INTO ${ident(database, 'schema_lock')} (token, owner, claimed, expires, released)
SELECT ${token}, ${owner}, now(), now() + ${released ? 0 : leaseS}, ${released ? 1 : 0}`,
  });
}

async function holder(
  ch: ClickHouseClient,
  database: string,
): Promise<z.infer<typeof holderRow> | undefined> {
  const rs = await ch.query({
    query: sql`SELECT token, owner FROM (
  SELECT token, any(owner) AS owner, min(claimed) AS c, max(expires) AS e, max(released) AS r
  FROM ${ident(database, 'schema_lock')} GROUP BY token
) WHERE r = 0 AND e > now() ORDER BY c, token LIMIT 1`,
    format: 'JSONEachRow',
  });
  return z.array(holderRow).parse(await rs.json())[0];
}

/**
 * Takes the schema lock of `database`, waiting while another holder's lease lives. Throws
 * UNAVAILABLE after `waitMs`. The lock table must exist (see `lockTableDdl`).
 */
export async function acquireSchemaLock(
  ch: ClickHouseClient,
  database: string,
  options: LockOptions = {},
): Promise<SchemaLease> {
  const owner = options.owner ?? `${hostname()}:${process.pid}`;
  const settleMs = Math.max(MIN_SETTLE_MS, options.settleMs ?? DEFAULT_SETTLE_MS);
  // A claim must outlive the settle pause (plus the clock's whole seconds), or it expires before its
  // owner reads it back and can never win.
  const leaseS = Math.max(
    Math.ceil((options.leaseMs ?? DEFAULT_LEASE_MS) / 1000),
    Math.ceil(settleMs / 1000) + 2,
  );
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  for (;;) {
    const token = randomUUID();
    await claim(ch, database, token, owner, leaseS, false);
    await sleep(settleMs);
    const h = await holder(ch, database);
    if (h?.token === token) {
      return {
        owner,
        renew: () => claim(ch, database, token, owner, leaseS, false),
        release: () => claim(ch, database, token, owner, leaseS, true),
      };
    }
    await claim(ch, database, token, owner, leaseS, true);
    if (Date.now() >= deadline) {
      throw new RingfenceError(
        'UNAVAILABLE',
        `schema lock of ${database} is held by ${h?.owner ?? 'another'}`,
        {
          detail: { holder: h?.owner ?? '' },
        },
      );
    }
    options.logger?.info({ database, holder: h?.owner }, 'schema lock held by another; waiting');
    await sleep(RETRY_MS);
  }
}
