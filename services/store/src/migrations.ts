import { fragment, raw, type SqlFragment } from '@ringfence/common';

/**
 * The schema as an ordered list of migrations. Applied ones are recorded in `schema_migrations` with a
 * checksum of their statements, so an edited migration is detected instead of silently diverging:
 * never edit or renumber one that shipped, add a new one. Every statement is idempotent (IF NOT
 * EXISTS), so a migration interrupted half-way is simply re-run. Documented in docs/clickhouse-schema.md.
 *
 * Everything here runs on ClickHouse 18.16 and current LTS: no TTL, CODEC, LowCardinality or
 * DateTime64; retention drops whole partitions instead (see retention.ts).
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** The statements, fully qualified with the target database. */
  statements(db: SqlFragment): string[];
  /**
   * Columns added to existing tables after the statements, each only when missing: ClickHouse 18.16
   * has no `ADD COLUMN IF NOT EXISTS`, and a migration interrupted half-way must re-run cleanly.
   */
  readonly addColumns?: readonly AddColumn[];
}

/** One column a migration adds (`type` is ClickHouse DDL, with its DEFAULT). */
export interface AddColumn {
  readonly table: string;
  readonly column: string;
  readonly type: string;
}

const KIND = `Enum8('unspecified' = 0, 'number' = 1, 'trunk' = 2, 'carrier' = 3, 'device' = 4)`;
const LEVEL = `Enum8('NONE' = 0, 'LOW' = 1, 'MEDIUM' = 2, 'HIGH' = 3)`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'cdr',
    statements: (db) => [
      // A CDR written twice (retry, replay) has the same sort key and collapses on merge; until then
      // queries count uniqExact(call_id) or dedupe by call_id (see docs/clickhouse-schema.md).
      fragment`CREATE TABLE IF NOT EXISTS ${db}.cdr (
  call_id String,
  switch_id String,
  setup_time DateTime,
  setup_ms UInt64,
  answer_ms UInt64,
  release_ms UInt64,
  answered UInt8,
  duration_ms UInt64,
  calling String,
  calling_raw String,
  calling_valid UInt8,
  called String,
  called_raw String,
  asserted String,
  ingress_trunk String,
  ingress_carrier String,
  egress_trunk String,
  release_cause UInt16,
  media Enum8('unspecified' = 0, 'audio' = 1, 'video' = 2),
  attestation Enum8('none' = 0, 'A' = 1, 'B' = 2, 'C' = 3),
  origid String,
  device_id String,
  cell_id String,
  ingest_ms UInt64
) ENGINE = ReplacingMergeTree(ingest_ms)
PARTITION BY toYYYYMMDD(setup_time)
ORDER BY (calling, setup_time, call_id)`.text,
    ],
  },
  {
    version: 2,
    name: 'cdr_hourly',
    statements: (db) => [
      // Materialised views see every insert, duplicates included: only uniqExact states keep counts exact.
      fragment`CREATE TABLE IF NOT EXISTS ${db}.cdr_hourly_caller (
  hour DateTime,
  calling String,
  calls AggregateFunction(uniqExact, String),
  answered_calls AggregateFunction(uniqExactIf, String, UInt8),
  short_calls AggregateFunction(uniqExactIf, String, UInt8),
  distinct_called AggregateFunction(uniqExact, String)
) ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMMDD(hour)
ORDER BY (calling, hour)`.text,
      fragment`CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.cdr_hourly_caller_mv TO ${db}.cdr_hourly_caller AS
SELECT toStartOfHour(setup_time) AS hour, calling,
  uniqExactState(call_id) AS calls,
  uniqExactIfState(call_id, answered = 1) AS answered_calls,
  uniqExactIfState(call_id, answered = 1 AND duration_ms < 10000) AS short_calls,
  uniqExactState(called) AS distinct_called
FROM ${db}.cdr GROUP BY hour, calling`.text,
      fragment`CREATE TABLE IF NOT EXISTS ${db}.cdr_hourly_source (
  hour DateTime,
  kind ${raw(KIND)},
  id String,
  calls AggregateFunction(uniqExact, String),
  answered_calls AggregateFunction(uniqExactIf, String, UInt8),
  distinct_calling AggregateFunction(uniqExact, String),
  distinct_called AggregateFunction(uniqExact, String)
) ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMMDD(hour)
ORDER BY (kind, id, hour)`.text,
      // One view for all three source kinds (ARRAY JOIN), so an insert writes one set of parts, not three.
      fragment`CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.cdr_hourly_source_mv TO ${db}.cdr_hourly_source AS
SELECT toStartOfHour(setup_time) AS hour, CAST(tupleElement(src, 1) AS ${raw(KIND)}) AS kind, tupleElement(src, 2) AS id,
  uniqExactState(call_id) AS calls,
  uniqExactIfState(call_id, answered = 1) AS answered_calls,
  uniqExactState(calling) AS distinct_calling,
  uniqExactState(called) AS distinct_called
FROM ${db}.cdr ARRAY JOIN [('trunk', ingress_trunk), ('carrier', ingress_carrier), ('device', device_id)] AS src
WHERE id != '' GROUP BY hour, kind, id`.text,
    ],
  },
  {
    version: 3,
    name: 'risk_and_alerts',
    statements: (db) => [
      fragment`CREATE TABLE IF NOT EXISTS ${db}.risk_changes (
  kind ${raw(KIND)},
  id String,
  updated_time DateTime,
  updated_ms UInt64,
  score UInt32,
  level ${raw(LEVEL)},
  category String,
  reason_codes Array(String),
  reasons_json String,
  first_seen_ms UInt64,
  calls UInt64,
  first_json String,
  override String,
  tombstone UInt8,
  recorded_ms UInt64
) ENGINE = ReplacingMergeTree(recorded_ms)
PARTITION BY toYYYYMM(updated_time)
ORDER BY (kind, id, updated_ms, tombstone, level, score)`.text,
      fragment`CREATE TABLE IF NOT EXISTS ${db}.alerts (
  alert_id String,
  time DateTime,
  time_ms UInt64,
  kind ${raw(KIND)},
  id String,
  from_level ${raw(LEVEL)},
  to_level ${raw(LEVEL)},
  score UInt32,
  category String,
  reason_codes Array(String),
  reasons_json String,
  evidence_keys Array(String),
  evidence_values Array(Float64)
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (kind, id, time, alert_id)`.text,
    ],
  },
  {
    version: 4,
    name: 'complaints_feedback',
    statements: (db) => [
      fragment`CREATE TABLE IF NOT EXISTS ${db}.complaints (
  complaint_id String,
  time DateTime,
  time_ms UInt64,
  reporter String,
  reporter_raw String,
  reported String,
  reported_raw String,
  category Enum8('unspecified' = 0, 'harassment' = 1, 'fraud' = 2, 'marketing' = 3, 'other' = 4),
  call_id String,
  ingest_ms UInt64
) ENGINE = ReplacingMergeTree(ingest_ms)
PARTITION BY toYYYYMM(time)
ORDER BY (reported, time, complaint_id)`.text,
      fragment`CREATE TABLE IF NOT EXISTS ${db}.feedback (
  feedback_id String,
  time DateTime,
  time_ms UInt64,
  kind ${raw(KIND)},
  id String,
  action Enum8('unspecified' = 0, 'confirm' = 1, 'false_positive' = 2, 'allowlist' = 3, 'blocklist' = 4, 'note' = 5, 'undo' = 6),
  operator String,
  note String,
  undoes String,
  case_id String
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (kind, id, time, feedback_id)`.text,
    ],
  },
  {
    version: 5,
    name: 'audit_and_redress',
    statements: (db) => [
      fragment`CREATE TABLE IF NOT EXISTS ${db}.audit_log (
  event_id String,
  time DateTime,
  time_ms UInt64,
  actor String,
  action String,
  subject_kind String,
  subject_id String,
  detail String,
  source_ip String,
  user_agent String,
  outcome Enum8('ok' = 1, 'denied' = 2, 'error' = 3)
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (time, actor, event_id)`.text,
      fragment`CREATE TABLE IF NOT EXISTS ${db}.redress_cases (
  case_id String,
  version UInt64,
  opened DateTime,
  updated DateTime,
  kind ${raw(KIND)},
  id String,
  status Enum8('open' = 1, 'investigating' = 2, 'upheld' = 3, 'rejected' = 4, 'closed' = 5),
  channel String,
  contact String,
  description String,
  resolution String,
  operator String
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(opened)
ORDER BY case_id`.text,
    ],
  },
  {
    version: 6,
    name: 'cdr_hourly_cheaper_states',
    // The hourly views ran on every sink insert and cost the sink most of its speed: three exact states
    // per caller-hour and four per source-hour (times three source kinds), all hashing whole strings.
    // Now each group holds ONE exact state (calls) and is split by outcome instead of keeping
    // answered/short calls in extra exact states: merging the outcome groups is still exact and
    // duplicate-proof. Distinct callees/callers become `uniq` (approximate, documented). The tables are
    // rebuilt from `cdr`; hourly history older than the cdr retention is not carried over.
    // Small granules: a lookup reads whole granules of states, and a trunk's few rows sit next to a
    // big carrier's (tens of thousands of calls per hour): at the default 8192 rows a one-trunk week
    // deserialised megabytes of its neighbours' states per part.
    statements: (db) => {
      const caller = fragment`SELECT toStartOfHour(setup_time) AS hour, calling,
  toUInt8(answered + (answered = 1 AND duration_ms < 10000)) AS outcome,
  uniqExactState(call_id) AS calls, uniqState(called) AS distinct_called
FROM ${db}.cdr GROUP BY hour, calling, outcome`;
      const source = fragment`SELECT CAST(tupleElement(src, 1) AS ${raw(KIND)}) AS kind, tupleElement(src, 2) AS id,
  toStartOfHour(setup_time) AS hour, answered,
  uniqExactState(call_id) AS calls, uniqState(calling) AS distinct_calling, uniqState(called) AS distinct_called
FROM ${db}.cdr ARRAY JOIN [('trunk', ingress_trunk), ('carrier', ingress_carrier), ('device', device_id)] AS src
WHERE id != '' GROUP BY kind, id, hour, answered`;
      return [
        // Views first, so nothing writes old-layout states while the tables are swapped.
        fragment`DROP TABLE IF EXISTS ${db}.cdr_hourly_caller_mv`.text,
        fragment`DROP TABLE IF EXISTS ${db}.cdr_hourly_source_mv`.text,
        fragment`DROP TABLE IF EXISTS ${db}.cdr_hourly_caller`.text,
        fragment`DROP TABLE IF EXISTS ${db}.cdr_hourly_source`.text,
        fragment`CREATE TABLE IF NOT EXISTS ${db}.cdr_hourly_caller (
  hour DateTime,
  calling String,
  outcome UInt8,
  calls AggregateFunction(uniqExact, String),
  distinct_called AggregateFunction(uniq, String)
) ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMMDD(hour)
ORDER BY (calling, hour, outcome)
SETTINGS index_granularity = 1024`.text,
        fragment`CREATE TABLE IF NOT EXISTS ${db}.cdr_hourly_source (
  kind ${raw(KIND)},
  id String,
  hour DateTime,
  answered UInt8,
  calls AggregateFunction(uniqExact, String),
  distinct_calling AggregateFunction(uniq, String),
  distinct_called AggregateFunction(uniq, String)
) ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMMDD(hour)
ORDER BY (kind, id, hour, answered)
SETTINGS index_granularity = 128`.text,
        fragment`CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.cdr_hourly_caller_mv TO ${db}.cdr_hourly_caller AS
${caller}`.text,
        fragment`CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.cdr_hourly_source_mv TO ${db}.cdr_hourly_source AS
${source}`.text,
        // Backfill after the views exist: a row inserted meanwhile lands in both, and the states are sets.
        fragment`INSERT INTO ${db}.cdr_hourly_caller (hour, calling, outcome, calls, distinct_called)
${caller}`.text,
        fragment`INSERT INTO ${db}.cdr_hourly_source (kind, id, hour, answered, calls, distinct_calling, distinct_called)
${source}`.text,
      ];
    },
  },
  {
    version: 7,
    name: 'feedback_expiry',
    // When an allowlist or blocklist decision lapses (Unix ms); 0 for decisions that stand until undone.
    statements: () => [],
    addColumns: [{ table: 'feedback', column: 'expires_ms', type: 'UInt64 DEFAULT 0' }],
  },
  {
    version: 8,
    name: 'campaigns',
    // Campaigns the console has seen, under ids that outlive changes of membership. Versioned like
    // redress cases (the latest version wins on read); partitioned by last_seen so retention drops
    // old versions and campaigns that ended long ago, never the latest state of a live one.
    statements: (db) => [
      fragment`CREATE TABLE IF NOT EXISTS ${db}.campaigns (
  campaign_id String,
  version UInt64,
  first_seen DateTime,
  last_seen DateTime,
  numbers Array(String),
  sources Array(String),
  categories Array(String),
  calls UInt64,
  complaints UInt64,
  harm UInt64,
  max_score UInt32
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(last_seen)
ORDER BY campaign_id`.text,
    ],
  },
];
