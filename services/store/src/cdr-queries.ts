import { RingfenceError, dateTime, fragment, raw, sql, type SqlFragment } from '@ringfence/common';
import type { SubjectKindName } from './rows.js';
import { rows, table, type StoreDb, type TimeArg } from './store-db.js';

/*
 * Counting rule (docs/clickhouse-schema.md): the cdr table may hold a CDR more than once until
 * ReplacingMergeTree merges, so every count is uniqExact(call_id), and per-call values are read from a
 * subquery grouped by call_id. The hourly tables hold one uniqExact(call_id) state per group, split by
 * outcome: merging the groups of an hour is exact, and a call counts as answered (short) when any copy
 * of it was. Their distinct callee/caller counts are `uniq` estimates.
 */

function range(
  from: TimeArg,
  to: TimeArg,
  column: 'setup_time' | 'hour' | 'time' = 'setup_time',
): SqlFragment {
  const c = raw(column);
  return fragment`${c} >= ${dateTime(from)} AND ${c} < ${dateTime(to)}`;
}

function checkRange(from: TimeArg, to: TimeArg): void {
  if (+from > +to) throw new RingfenceError('INVALID_ARGUMENT', 'time range: from is after to');
}

/** Distinct CDRs with setup time in [from, to). */
export async function countCdrs(db: StoreDb, from: TimeArg, to: TimeArg): Promise<number> {
  checkRange(from, to);
  const r = await rows<{ n: string }>(
    db,
    sql`SELECT uniqExact(call_id) AS n FROM ${table(db, 'cdr')} WHERE ${range(from, to)}`,
  );
  return Number(r[0]?.n ?? 0);
}

export interface CallerSummary {
  number: string;
  calls: number;
  answered: number;
  /** Answered calls shorter than 10 s. */
  shortCalls: number;
  distinctCalled: number;
  totalDurationMs: number;
  videoCalls: number;
  /** null when there were no calls. */
  firstMs: number | null;
  lastMs: number | null;
  carriers: string[];
  trunks: string[];
  devices: string[];
}

/** What one calling number did in [from, to), each CDR counted once. */
export async function callerSummary(
  db: StoreDb,
  number: string,
  from: TimeArg,
  to: TimeArg,
): Promise<CallerSummary> {
  checkRange(from, to);
  const r = await rows<Record<string, string | number | string[]>>(
    db,
    sql`SELECT count() AS calls, sum(a_answered) AS answered,
  sum(a_answered = 1 AND a_duration < 10000) AS short_calls, uniqExact(a_called) AS distinct_called,
  sum(a_duration) AS total_duration_ms, sum(a_media = 'video') AS video_calls,
  min(a_setup) AS first_ms, max(a_setup) AS last_ms,
  groupUniqArray(a_carrier) AS carriers, groupUniqArray(a_trunk) AS trunks, groupUniqArray(a_device) AS devices
FROM (
  SELECT call_id, argMax(answered, ingest_ms) AS a_answered, argMax(duration_ms, ingest_ms) AS a_duration,
    argMax(called, ingest_ms) AS a_called, argMax(media, ingest_ms) AS a_media, argMax(setup_ms, ingest_ms) AS a_setup,
    argMax(ingress_carrier, ingest_ms) AS a_carrier, argMax(ingress_trunk, ingest_ms) AS a_trunk,
    argMax(device_id, ingest_ms) AS a_device
  FROM ${table(db, 'cdr')} WHERE calling = ${number} AND ${range(from, to)} GROUP BY call_id
)`,
  );
  const row = r[0] ?? {};
  const n = (k: string): number => Number(row[k] ?? 0);
  const list = (k: string): string[] =>
    ((row[k] as string[] | undefined) ?? []).filter((s) => s !== '').sort();
  const calls = n('calls');
  return {
    number,
    calls,
    answered: n('answered'),
    shortCalls: n('short_calls'),
    distinctCalled: n('distinct_called'),
    totalDurationMs: n('total_duration_ms'),
    videoCalls: n('video_calls'),
    firstMs: calls > 0 ? n('first_ms') : null,
    lastMs: calls > 0 ? n('last_ms') : null,
    carriers: list('carriers'),
    trunks: list('trunks'),
    devices: list('devices'),
  };
}

export interface HourlyCount {
  /** Start of the hour, epoch ms. */
  hourMs: number;
  calls: number;
  answered: number;
  /** Callers only: answered calls shorter than 10 s. */
  shortCalls?: number;
  /** Distinct called numbers: an estimate (ClickHouse `uniq`), not an exact count. */
  distinctCalled: number;
  /** Sources only: distinct calling numbers, an estimate like distinctCalled. */
  distinctCalling?: number;
}

/** Hour-by-hour counts for one calling number in [from, to), from the hourly aggregate. */
export async function callerHourly(
  db: StoreDb,
  number: string,
  from: TimeArg,
  to: TimeArg,
): Promise<HourlyCount[]> {
  checkRange(from, to);
  const r = await rows<Record<string, string | number>>(
    db,
    sql`SELECT toUInt32(hour) AS h, uniqExactMerge(calls) AS n_calls, uniqExactMergeIf(calls, outcome >= 1) AS answered,
  uniqExactMergeIf(calls, outcome = 2) AS short_calls, uniqMerge(distinct_called) AS distinct_called
FROM ${table(db, 'cdr_hourly_caller')} WHERE calling = ${number} AND ${range(from, to, 'hour')}
GROUP BY hour ORDER BY hour`,
  );
  return r.map((x) => ({
    hourMs: Number(x['h']) * 1000,
    calls: Number(x['n_calls']),
    answered: Number(x['answered']),
    shortCalls: Number(x['short_calls']),
    distinctCalled: Number(x['distinct_called']),
  }));
}

/** Hour-by-hour counts for one ingress trunk, carrier or device in [from, to). */
export async function sourceHourly(
  db: StoreDb,
  kind: Extract<SubjectKindName, 'trunk' | 'carrier' | 'device'>,
  id: string,
  from: TimeArg,
  to: TimeArg,
): Promise<HourlyCount[]> {
  checkRange(from, to);
  const r = await rows<Record<string, string | number>>(
    db,
    sql`SELECT toUInt32(hour) AS h, uniqExactMerge(calls) AS n_calls, uniqExactMergeIf(calls, answered = 1) AS n_answered,
  uniqMerge(distinct_calling) AS distinct_calling, uniqMerge(distinct_called) AS distinct_called
FROM ${table(db, 'cdr_hourly_source')} WHERE kind = ${kind} AND id = ${id} AND ${range(from, to, 'hour')}
GROUP BY hour ORDER BY hour`,
  );
  return r.map((x) => ({
    hourMs: Number(x['h']) * 1000,
    calls: Number(x['n_calls']),
    answered: Number(x['n_answered']),
    distinctCalling: Number(x['distinct_calling']),
    distinctCalled: Number(x['distinct_called']),
  }));
}

export interface TopCaller {
  number: string;
  calls: number;
  answered: number;
  /** An estimate (ClickHouse `uniq`), not an exact count. */
  distinctCalled: number;
}

/** The busiest calling numbers in [from, to) by distinct calls, from the hourly aggregate. */
export async function topCallers(db: StoreDb, from: TimeArg, to: TimeArg, limit = 100): Promise<TopCaller[]> {
  checkRange(from, to);
  const r = await rows<Record<string, string | number>>(
    db,
    sql`SELECT calling, uniqExactMerge(calls) AS n, uniqExactMergeIf(calls, outcome >= 1) AS answered,
  uniqMerge(distinct_called) AS distinct_called
FROM ${table(db, 'cdr_hourly_caller')} WHERE ${range(from, to, 'hour')}
GROUP BY calling ORDER BY n DESC, calling LIMIT ${limit}`,
  );
  return r.map((x) => ({
    number: String(x['calling']),
    calls: Number(x['n']),
    answered: Number(x['answered']),
    distinctCalled: Number(x['distinct_called']),
  }));
}

export interface SourcePathEntry {
  switchId: string;
  ingressCarrier: string;
  ingressTrunk: string;
  attestation: string;
  calls: number;
  firstMs: number;
  lastMs: number;
}

/** Subjects whose calls can be traced: a calling number or an ingress source. */
export type PathSubjectKind = Extract<SubjectKindName, 'number' | 'trunk' | 'carrier' | 'device'>;

const SUBJECT_COLUMN: Record<PathSubjectKind, string> = {
  number: 'calling',
  trunk: 'ingress_trunk',
  carrier: 'ingress_carrier',
  device: 'device_id',
};

/** The cdr column a traceable subject is filtered on. */
export function subjectColumn(kind: PathSubjectKind): SqlFragment {
  return raw(SUBJECT_COLUMN[kind]);
}

/**
 * Where a subject's calls entered the network in [from, to): per switch, ingress carrier, trunk and
 * attestation, distinct calls and first/last setup time, busiest first. Traces spoofed traffic to source.
 */
export async function sourcePath(
  db: StoreDb,
  kind: PathSubjectKind,
  id: string,
  from: TimeArg,
  to: TimeArg,
  limit = 200,
): Promise<SourcePathEntry[]> {
  checkRange(from, to);
  const r = await rows<Record<string, string | number>>(
    db,
    sql`SELECT switch_id, ingress_carrier, ingress_trunk, toString(attestation) AS att,
  uniqExact(call_id) AS calls, min(setup_ms) AS first_ms, max(setup_ms) AS last_ms
FROM ${table(db, 'cdr')} WHERE ${subjectColumn(kind)} = ${id} AND ${range(from, to)}
GROUP BY switch_id, ingress_carrier, ingress_trunk, attestation ORDER BY calls DESC, first_ms LIMIT ${limit}`,
  );
  return r.map((x) => ({
    switchId: String(x['switch_id']),
    ingressCarrier: String(x['ingress_carrier']),
    ingressTrunk: String(x['ingress_trunk']),
    attestation: String(x['att']),
    calls: Number(x['calls']),
    firstMs: Number(x['first_ms']),
    lastMs: Number(x['last_ms']),
  }));
}
