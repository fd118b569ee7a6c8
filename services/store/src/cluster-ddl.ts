import { RingfenceError, ident, raw, sql, type SqlFragment } from '@ringfence/common';

/*
 * The cluster layout of the schema, derived from the single-server statements so that both layouts
 * are one list of migrations. Each table `t` becomes
 *   - `t_local`: the same columns, partitioning and order on every server, with the Replicated
 *     variant of its engine, replicated within its shard through ZooKeeper, and
 *   - `t`: a Distributed table over the `t_local` tables of every shard, under the name the queries
 *     and inserts use, so no query changes with the layout.
 * Materialised views read and write the local tables: each shard aggregates the rows it holds, and
 * the replica that took an insert replicates the view's parts with it.
 *
 * Sharding keys: a ReplacingMergeTree collapses only the rows of one server, and FINAL, `LIMIT 1 BY`
 * and argMax through a Distributed table run per shard before the shards' answers meet. So every
 * key below hashes columns of the table's ORDER BY that every copy of a row shares (a CDR's
 * call_id, an event's subject id): the copies a ReplacingMergeTree would collapse always land on the
 * same shard, and each shard's deduplicated answer is the global one. Aggregate states (uniqExact)
 * merge exactly across shards whatever the key.
 */
const SHARDING_KEYS: Readonly<Record<string, string>> = {
  cdr: 'cityHash64(call_id)',
  cdr_hourly_caller: 'cityHash64(calling)',
  cdr_hourly_source: 'cityHash64(id)',
  risk_changes: 'cityHash64(id)',
  alerts: 'cityHash64(id)',
  complaints: 'cityHash64(reported)',
  feedback: 'cityHash64(id)',
  audit_log: 'cityHash64(event_id)',
  redress_cases: 'cityHash64(case_id)',
  campaigns: 'cityHash64(campaign_id)',
};

/** Where a table's local copies live. */
export interface ClusterTarget {
  /** The cluster's name in the servers' `remote_servers`. */
  readonly cluster: string;
  readonly database: string;
}

/** The local (replicated, per-shard) table behind the Distributed table `name`. */
export function localTable(name: string): string {
  return `${name}_local`;
}

/** `ON CLUSTER name`. */
export function onCluster(cluster: string): SqlFragment {
  return raw(`ON CLUSTER ${ident(cluster).text}`);
}

// Table names as the migrations write them: `db`.name (the database quoted, the name plain).
const CREATE_TABLE =
  /^CREATE TABLE IF NOT EXISTS (\S+)\.(\w+) \(([\s\S]*)\) ENGINE = (MergeTree|ReplacingMergeTree|AggregatingMergeTree)(?:\(([^)]*)\))?\n([\s\S]*)$/;
const CREATE_VIEW = /^CREATE MATERIALIZED VIEW IF NOT EXISTS (\S+)\.(\w+) TO (\S+)\.(\w+) AS\n([\s\S]*)$/;
const DROP_TABLE = /^DROP TABLE IF EXISTS (\S+)\.(\w+)$/;
const DDL = /^\s*(CREATE|DROP|ALTER|RENAME|TRUNCATE|OPTIMIZE|ATTACH|DETACH)\b/i;

function unsupported(statement: string): never {
  throw new RingfenceError('INTERNAL', 'a migration statement has no cluster form', {
    detail: { statement: statement.slice(0, 120) },
  });
}

/** The ZooKeeper path of a shard's replicas of a local table (`{shard}` is each server's macro). */
export function replicaPath(database: string, table: string): string {
  return `/clickhouse/tables/{shard}/${database}/${table}`;
}

/**
 * The cluster form of one single-server migration statement (see the comment above): one or two
 * statements, run with `ON CLUSTER` so every server gets them (inserts need none: they go through
 * the Distributed tables). Throws INTERNAL for a statement of a shape it does not know, so a new
 * migration cannot silently skip the cluster layout.
 */
/** The Distributed table `name` over the local tables of every shard, with the local table's columns. */
function distributedTable(t: ClusterTarget, db: string, name: string, key: string): string {
  const local = localTable(name);
  return `CREATE TABLE IF NOT EXISTS ${db}.${name} ${onCluster(t.cluster).text} AS ${db}.${local} ENGINE = Distributed(${ident(t.cluster).text}, ${ident(t.database).text}, ${ident(local).text}, ${key})`;
}

/**
 * Recreates the Distributed table `name` on every server after its local tables changed columns: a
 * Distributed table is not replicated, so 18.16 refuses an ALTER of it ON CLUSTER, and it holds no
 * data of its own.
 */
export function redistributedTable(t: ClusterTarget, name: string): string[] {
  const db = ident(t.database).text;
  const key = SHARDING_KEYS[name] ?? unsupported(name);
  return [
    `DROP TABLE IF EXISTS ${db}.${name} ${onCluster(t.cluster).text}`,
    distributedTable(t, db, name, key),
  ];
}

export function clusterStatements(statement: string, t: ClusterTarget): string[] {
  const on = onCluster(t.cluster).text;
  const table = CREATE_TABLE.exec(statement);
  if (table !== null) {
    const [, db = '', name = '', columns = '', engine = '', args, rest = ''] = table;
    const key = SHARDING_KEYS[name] ?? unsupported(statement);
    const local = localTable(name);
    const replicated = [sql`${replicaPath(t.database, local)}`, `'{replica}'`, ...(args ? [args] : [])];
    return [
      `CREATE TABLE IF NOT EXISTS ${db}.${local} ${on} (${columns}) ENGINE = Replicated${engine}(${replicated.join(', ')})\n${rest}`,
      distributedTable(t, db, name, key),
    ];
  }
  const view = CREATE_VIEW.exec(statement);
  if (view !== null) {
    const [, db = '', name = '', toDb = '', to = '', select = ''] = view;
    // The view's source tables are its FROM clauses' tables of this database.
    const localSelect = select.replaceAll(
      new RegExp(`FROM ${escape(db)}\\.(\\w+)\\b`, 'g'),
      (_m, src: string) => {
        return `FROM ${db}.${localTable(src)}`;
      },
    );
    return [
      `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.${name} ${on} TO ${toDb}.${localTable(to)} AS\n${localSelect}`,
    ];
  }
  const drop = DROP_TABLE.exec(statement);
  if (drop !== null) {
    const [, db = '', name = ''] = drop;
    if (name.endsWith('_mv')) return [`DROP TABLE IF EXISTS ${db}.${name} ${on}`];
    return [
      `DROP TABLE IF EXISTS ${db}.${name} ${on}`,
      `DROP TABLE IF EXISTS ${db}.${localTable(name)} ${on}`,
    ];
  }
  // Anything else is not DDL (a backfill's INSERT ... SELECT): it reads and writes the Distributed
  // tables, runs once for the cluster as a whole, and its rows are sharded like any insert.
  if (!DDL.test(statement)) return [statement];
  return unsupported(statement);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
