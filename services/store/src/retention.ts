import { z } from 'zod';
import { RingfenceError, cfg, ident, int, sql, type ClickHouseClient, type Logger } from '@ringfence/common';
import { localTable } from './cluster-ddl.js';
import { onEachShard, type StoreTarget } from './migrate.js';
import { rows } from './store-db.js';

/** Days each table keeps data; a partition is dropped once all of it is older than that. */
export type RetentionPolicy = Readonly<Record<RetainedTable, number>>;

export const RETAINED_TABLES = [
  'cdr',
  'cdr_hourly_caller',
  'cdr_hourly_source',
  'risk_changes',
  'alerts',
  'complaints',
  'feedback',
  'audit_log',
  'redress_cases',
  'campaigns',
] as const;
export type RetainedTable = (typeof RETAINED_TABLES)[number];

export const DEFAULT_RETENTION: RetentionPolicy = {
  cdr: 180,
  cdr_hourly_caller: 400,
  cdr_hourly_source: 400,
  risk_changes: 730,
  alerts: 730,
  complaints: 730,
  feedback: 1825,
  audit_log: 1825,
  redress_cases: 1825,
  campaigns: 1825,
};

const DAY_MS = 86_400_000;

/**
 * Config field for per-table retention: a JSON object (or its string form in the environment) of
 * table → days, e.g. `{"cdr":90}`; unlisted tables keep DEFAULT_RETENTION.
 */
export function retentionDaysConfig() {
  return z
    .preprocess(
      (v): unknown => (typeof v === 'string' && v.trim() !== '' ? (JSON.parse(v) as unknown) : v),
      z.partialRecord(z.enum(RETAINED_TABLES), cfg.int(1, 36_500)),
    )
    .default({});
}

/** First instant after a partition (toYYYYMMDD or toYYYYMM value), or undefined for other keys. */
export function partitionEndMs(partition: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})?$/.exec(partition);
  if (m === null) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  return m[3] === undefined ? Date.UTC(y, mo + 1, 1) : Date.UTC(y, mo, Number(m[3])) + DAY_MS;
}

export interface DroppedPartition {
  table: RetainedTable;
  partition: string;
}

/** Drops the partitions of one table on the server of `ch` whose every row is older than `cutoffMs`. */
async function dropExpired(
  ch: ClickHouseClient,
  database: string,
  name: string,
  cutoffMs: number,
): Promise<string[]> {
  const parts = await rows(
    { ch, database },
    sql`SELECT DISTINCT partition FROM system.parts WHERE database = ${database} AND table = ${name} AND active`,
    z.object({ partition: z.string() }),
  );
  const dropped: string[] = [];
  for (const { partition } of parts) {
    const end = partitionEndMs(partition);
    if (end === undefined || end > cutoffMs) continue;
    await ch.command({ query: sql`ALTER TABLE ${ident(database, name)} DROP PARTITION ${int(partition)}` });
    dropped.push(partition);
  }
  return dropped;
}

/**
 * Enforces retention by dropping whole partitions whose every row is older than the table's limit
 * (18.16 has no TTL; dropping a partition is cheap and never rewrites data). On a cluster the data
 * is in each shard's local tables: one server of each shard drops them, and replication drops them
 * on the shard's other replicas (forEachShard says why not ON CLUSTER). Returns what it dropped.
 */
export async function applyRetention(
  target: StoreTarget,
  policy: Partial<RetentionPolicy> = {},
  nowMs: number = Date.now(),
  logger?: Logger,
): Promise<DroppedPartition[]> {
  const effective = { ...DEFAULT_RETENTION, ...policy };
  for (const t of RETAINED_TABLES) {
    const days = effective[t];
    if (!Number.isInteger(days) || days < 1) {
      throw new RingfenceError('INVALID_ARGUMENT', `retention for ${t} must be a whole number of days >= 1`);
    }
  }
  const { cluster, database } = target;
  const dropped = new Map<string, DroppedPartition>();
  const dropAll = async (ch: ClickHouseClient): Promise<void> => {
    for (const t of RETAINED_TABLES) {
      const days = effective[t];
      const name = cluster === undefined ? t : localTable(t);
      for (const partition of await dropExpired(ch, database, name, nowMs - days * DAY_MS)) {
        logger?.info({ table: t, partition, days }, 'retention: dropped partition');
        dropped.set(`${t}/${partition}`, { table: t, partition });
      }
    }
  };
  await onEachShard(target, dropAll);
  return [...dropped.values()];
}
