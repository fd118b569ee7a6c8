import { z } from 'zod';
import { raw, sql, type SqlFragment } from '@ringfence/common';
import type { SubjectKindName } from './rows.js';
import {
  CALLS,
  checkRange,
  col,
  latest,
  rows,
  table,
  timeRange,
  type StoreDb,
  type TimeArg,
} from './store-db.js';

/*
 * Reads of the cdr table and its hourly aggregates; the counting rules are in store-db.ts. The hourly
 * tables hold one uniqExact(call_id) state per group, split by outcome: merging the groups of an hour
 * is exact, and a call counts as answered (short) when any copy of it was. Their distinct
 * callee/caller counts are `uniq` estimates.
 */

/** Distinct CDRs with setup time in [from, to). */
export async function countCdrs(db: StoreDb, from: TimeArg, to: TimeArg): Promise<number> {
  checkRange(from, to);
  const r = await rows(
    db,
    sql`SELECT ${CALLS} AS n FROM ${table(db, 'cdr')} WHERE ${timeRange(from, to)}`,
    z.object({ n: col.num }),
  );
  return r[0]?.n ?? 0;
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
  const r = await rows(
    db,
    sql`SELECT count() AS calls, sum(a_answered) AS answered,
  sum(a_answered = 1 AND a_duration < 10000) AS short_calls, uniqExact(a_called) AS distinct_called,
  sum(a_duration) AS total_duration_ms, sum(a_media = 'video') AS video_calls,
  min(a_setup) AS first_ms, max(a_setup) AS last_ms,
  groupUniqArray(a_carrier) AS carriers, groupUniqArray(a_trunk) AS trunks, groupUniqArray(a_device) AS devices
FROM (
  SELECT call_id, ${latest('answered')} AS a_answered, ${latest('duration_ms')} AS a_duration,
    ${latest('called')} AS a_called, ${latest('media')} AS a_media, ${latest('setup_ms')} AS a_setup,
    ${latest('ingress_carrier')} AS a_carrier, ${latest('ingress_trunk')} AS a_trunk,
    ${latest('device_id')} AS a_device
  FROM ${table(db, 'cdr')} WHERE calling = ${number} AND ${timeRange(from, to)} GROUP BY call_id
)`,
    z.object({
      calls: col.num,
      answered: col.num,
      short_calls: col.num,
      distinct_called: col.num,
      total_duration_ms: col.num,
      video_calls: col.num,
      first_ms: col.num,
      last_ms: col.num,
      carriers: col.strs,
      trunks: col.strs,
      devices: col.strs,
    }),
  );
  const row = r[0];
  const list = (v: string[] | undefined): string[] => (v ?? []).filter((s) => s !== '').sort();
  const calls = row?.calls ?? 0;
  return {
    number,
    calls,
    answered: row?.answered ?? 0,
    shortCalls: row?.short_calls ?? 0,
    distinctCalled: row?.distinct_called ?? 0,
    totalDurationMs: row?.total_duration_ms ?? 0,
    videoCalls: row?.video_calls ?? 0,
    firstMs: calls > 0 ? (row?.first_ms ?? 0) : null,
    lastMs: calls > 0 ? (row?.last_ms ?? 0) : null,
    carriers: list(row?.carriers),
    trunks: list(row?.trunks),
    devices: list(row?.devices),
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
  const r = await rows(
    db,
    sql`SELECT toUInt32(hour) AS h, uniqExactMerge(calls) AS n_calls, uniqExactMergeIf(calls, outcome >= 1) AS answered,
  uniqExactMergeIf(calls, outcome = 2) AS short_calls, uniqMerge(distinct_called) AS distinct_called
FROM ${table(db, 'cdr_hourly_caller')} WHERE calling = ${number} AND ${timeRange(from, to, 'hour')}
GROUP BY hour ORDER BY hour`,
    z.object({
      h: col.num,
      n_calls: col.num,
      answered: col.num,
      short_calls: col.num,
      distinct_called: col.num,
    }),
  );
  return r.map((x) => ({
    hourMs: x.h * 1000,
    calls: x.n_calls,
    answered: x.answered,
    shortCalls: x.short_calls,
    distinctCalled: x.distinct_called,
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
  const r = await rows(
    db,
    sql`SELECT toUInt32(hour) AS h, uniqExactMerge(calls) AS n_calls, uniqExactMergeIf(calls, answered = 1) AS n_answered,
  uniqMerge(distinct_calling) AS distinct_calling, uniqMerge(distinct_called) AS distinct_called
FROM ${table(db, 'cdr_hourly_source')} WHERE kind = ${kind} AND id = ${id} AND ${timeRange(from, to, 'hour')}
GROUP BY hour ORDER BY hour`,
    z.object({
      h: col.num,
      n_calls: col.num,
      n_answered: col.num,
      distinct_calling: col.num,
      distinct_called: col.num,
    }),
  );
  return r.map((x) => ({
    hourMs: x.h * 1000,
    calls: x.n_calls,
    answered: x.n_answered,
    distinctCalling: x.distinct_calling,
    distinctCalled: x.distinct_called,
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
  const r = await rows(
    db,
    sql`SELECT calling, uniqExactMerge(calls) AS n, uniqExactMergeIf(calls, outcome >= 1) AS answered,
  uniqMerge(distinct_called) AS distinct_called
FROM ${table(db, 'cdr_hourly_caller')} WHERE ${timeRange(from, to, 'hour')}
GROUP BY calling ORDER BY n DESC, calling LIMIT ${limit}`,
    z.object({ calling: col.str, n: col.num, answered: col.num, distinct_called: col.num }),
  );
  return r.map((x) => ({
    number: x.calling,
    calls: x.n,
    answered: x.answered,
    distinctCalled: x.distinct_called,
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
  const r = await rows(
    db,
    sql`SELECT switch_id, ingress_carrier, ingress_trunk, toString(attestation) AS att,
  ${CALLS} AS calls, min(setup_ms) AS first_ms, max(setup_ms) AS last_ms
FROM ${table(db, 'cdr')} WHERE ${subjectColumn(kind)} = ${id} AND ${timeRange(from, to)}
GROUP BY switch_id, ingress_carrier, ingress_trunk, attestation ORDER BY calls DESC, first_ms LIMIT ${limit}`,
    z.object({
      switch_id: col.str,
      ingress_carrier: col.str,
      ingress_trunk: col.str,
      att: col.str,
      calls: col.num,
      first_ms: col.num,
      last_ms: col.num,
    }),
  );
  return r.map((x) => ({
    switchId: x.switch_id,
    ingressCarrier: x.ingress_carrier,
    ingressTrunk: x.ingress_trunk,
    attestation: x.att,
    calls: x.calls,
    firstMs: x.first_ms,
    lastMs: x.last_ms,
  }));
}
