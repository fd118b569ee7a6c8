import { z } from 'zod';
import { fragment, inList, sql } from '@ringfence/common';
import { subjectColumn } from './cdr-queries.js';
import { KIND_NAMES, type SubjectKindName } from './rows.js';
import { CALLS, col, final, latest, rows, table, timeRange as range, type StoreDb } from './store-db.js';

/*
 * The console's investigation and campaign reads; the counting rules are in store-db.ts.
 */

export type SourceKind = Extract<SubjectKindName, 'trunk' | 'carrier' | 'device'>;

/** Setup times (ms) of a subject's first and last stored calls, or null; used to place the default window. */
export async function callSpan(
  db: StoreDb,
  kind: 'number' | SourceKind,
  id: string,
): Promise<{ firstMs: number; lastMs: number } | null> {
  const r = await rows(
    db,
    sql`SELECT count() AS n, min(setup_ms) AS f, max(setup_ms) AS m FROM ${table(db, 'cdr')} WHERE ${subjectColumn(kind)} = ${id}`,
    z.object({ n: col.num, f: col.num, m: col.num }),
  );
  const x = r[0];
  return x !== undefined && x.n > 0 ? { firstMs: x.f, lastMs: x.m } : null;
}

export interface CalleeCount {
  called: string;
  calls: number;
  lastMs: number;
}

/** The callees a number rang most in [from, to). */
export async function calleeSample(
  db: StoreDb,
  number: string,
  from: number,
  to: number,
  limit = 20,
): Promise<CalleeCount[]> {
  const r = await rows(
    db,
    sql`SELECT called, ${CALLS} AS calls, max(setup_ms) AS last_ms
FROM ${table(db, 'cdr')} WHERE calling = ${number} AND ${range(from, to)}
GROUP BY called ORDER BY calls DESC, called LIMIT ${limit}`,
    z.object({ called: col.str, calls: col.num, last_ms: col.num }),
  );
  return r.map((x) => ({ called: x.called, calls: x.calls, lastMs: x.last_ms }));
}

export interface Signalling {
  calls: number;
  /** Calls whose asserted identity differs from the calling number. */
  assertedMismatch: number;
  /** Calls whose calling number did not validate. */
  invalidCalling: number;
  /** Own-subscriber numbers arriving from another carrier: the classic spoofing sign. */
  onNetFromOffNet: number;
  distinctCalling: number;
  distinctCalled: number;
  answered: number;
  shortAnswered: number;
}

/** Signalling anomalies over a subject's calls in [from, to), each call once. */
export async function signalling(
  db: StoreDb,
  kind: 'number' | SourceKind,
  id: string,
  from: number,
  to: number,
  onNet: { carrier: string; prefixes: readonly string[] },
): Promise<Signalling> {
  const prefixes = onNet.prefixes.length > 0 ? onNet.prefixes : ['\u0000'];
  const onNetTest = fragment`arrayExists(p -> startsWith(a_calling, p), ${prefixes})`;
  const r = await rows(
    db,
    sql`SELECT count() AS calls, sum(a_asserted != '' AND a_asserted != a_calling) AS asserted_mismatch,
  sum(a_valid = 0) AS invalid_calling, sum(${onNetTest} AND a_carrier != ${onNet.carrier}) AS on_net_off_net,
  uniqExact(a_calling) AS distinct_calling, uniqExact(a_called) AS distinct_called,
  sum(a_answered) AS answered, sum(a_answered = 1 AND a_duration < 10000) AS short_answered
FROM (
  SELECT call_id, ${latest('calling')} AS a_calling, ${latest('asserted')} AS a_asserted,
    ${latest('calling_valid')} AS a_valid, ${latest('ingress_carrier')} AS a_carrier,
    ${latest('called')} AS a_called, ${latest('answered')} AS a_answered,
    ${latest('duration_ms')} AS a_duration
  FROM ${table(db, 'cdr')} WHERE ${subjectColumn(kind)} = ${id} AND ${range(from, to)} GROUP BY call_id
)`,
    z.object({
      calls: col.num,
      asserted_mismatch: col.num,
      invalid_calling: col.num,
      on_net_off_net: col.num,
      distinct_calling: col.num,
      distinct_called: col.num,
      answered: col.num,
      short_answered: col.num,
    }),
  );
  const x = r[0];
  return {
    calls: x?.calls ?? 0,
    assertedMismatch: x?.asserted_mismatch ?? 0,
    invalidCalling: x?.invalid_calling ?? 0,
    onNetFromOffNet: x?.on_net_off_net ?? 0,
    distinctCalling: x?.distinct_calling ?? 0,
    distinctCalled: x?.distinct_called ?? 0,
    answered: x?.answered ?? 0,
    shortAnswered: x?.short_answered ?? 0,
  };
}

export interface NumberCount {
  number: string;
  calls: number;
  firstMs: number;
  lastMs: number;
}

/** Calling numbers (other than `exclude`) that entered through the given sources in [from, to), busiest first. */
export async function numbersVia(
  db: StoreDb,
  kind: SourceKind,
  ids: readonly string[],
  exclude: string,
  from: number,
  to: number,
  limit = 25,
): Promise<NumberCount[]> {
  if (ids.length === 0) return [];
  const r = await rows(
    db,
    sql`SELECT calling, ${CALLS} AS calls, min(setup_ms) AS first_ms, max(setup_ms) AS last_ms
FROM ${table(db, 'cdr')} WHERE ${subjectColumn(kind)} IN ${inList(ids)} AND calling != ${exclude} AND ${range(from, to)}
GROUP BY calling ORDER BY calls DESC, calling LIMIT ${limit}`,
    z.object({ calling: col.str, calls: col.num, first_ms: col.num, last_ms: col.num }),
  );
  return r.map((x) => ({ number: x.calling, calls: x.calls, firstMs: x.first_ms, lastMs: x.last_ms }));
}

export interface CdrExtract {
  callId: string;
  setupMs: number;
  answerMs: number;
  releaseMs: number;
  calling: string;
  called: string;
  asserted: string;
  switchId: string;
  ingressCarrier: string;
  ingressTrunk: string;
  attestation: string;
  releaseCause: number;
  deviceId: string;
}

/** The first `limit` CDRs of a subject in [from, to), each call once (latest ingested copy). */
export async function cdrExtract(
  db: StoreDb,
  kind: 'number' | SourceKind,
  id: string,
  from: number,
  to: number,
  limit = 50,
): Promise<CdrExtract[]> {
  const r = await rows(
    db,
    sql`SELECT call_id, setup_ms, answer_ms, release_ms, calling, called, asserted, switch_id, ingress_carrier,
  ingress_trunk, toString(attestation) AS att, release_cause, device_id
FROM ${table(db, 'cdr')} WHERE ${subjectColumn(kind)} = ${id} AND ${range(from, to)}
ORDER BY setup_ms, call_id, ingest_ms DESC LIMIT 1 BY call_id LIMIT ${limit}`,
    z.object({
      call_id: col.str,
      setup_ms: col.num,
      answer_ms: col.num,
      release_ms: col.num,
      calling: col.str,
      called: col.str,
      asserted: col.str,
      switch_id: col.str,
      ingress_carrier: col.str,
      ingress_trunk: col.str,
      att: col.str,
      release_cause: col.num,
      device_id: col.str,
    }),
  );
  return r.map((x) => ({
    callId: x.call_id,
    setupMs: x.setup_ms,
    answerMs: x.answer_ms,
    releaseMs: x.release_ms,
    calling: x.calling,
    called: x.called,
    asserted: x.asserted,
    switchId: x.switch_id,
    ingressCarrier: x.ingress_carrier,
    ingressTrunk: x.ingress_trunk,
    attestation: x.att,
    releaseCause: x.release_cause,
    deviceId: x.device_id,
  }));
}

export interface CurrentRisk {
  kind: SubjectKindName;
  id: string;
  score: number;
  level: string;
  category: string;
  updatedMs: number;
  calls: number;
}

/** Latest verdict of every subject whose latest verdict is at least LOW (not expired), highest first. */
export async function flaggedSubjects(
  db: StoreDb,
  kinds: readonly SubjectKindName[],
  limit = 500,
): Promise<CurrentRisk[]> {
  const r = await rows(
    db,
    sql`SELECT * FROM (
  SELECT toString(kind) AS k, id, argMax(score, updated_ms) AS s, toString(argMax(level, updated_ms)) AS lvl,
    argMax(category, updated_ms) AS cat, max(updated_ms) AS upd, argMax(calls, updated_ms) AS c,
    argMax(tombstone, updated_ms) AS tomb
  FROM ${final(db, 'risk_changes')} WHERE kind IN ${inList([...kinds])} GROUP BY kind, id
) WHERE tomb = 0 AND lvl != 'NONE' ORDER BY s DESC, id LIMIT ${limit}`,
    z.object({
      k: z.enum(KIND_NAMES),
      id: col.str,
      s: col.num,
      lvl: col.str,
      cat: col.str,
      upd: col.num,
      c: col.num,
    }),
  );
  return r.map((x) => ({
    kind: x.k,
    id: x.id,
    score: x.s,
    level: x.lvl,
    category: x.cat,
    updatedMs: x.upd,
    calls: x.c,
  }));
}

export interface NumberProfile {
  number: string;
  calls: number;
  trunks: string[];
  carriers: string[];
  devices: string[];
  callees: string[];
  /** Calls per hour (epoch hour number → calls). */
  hours: Record<string, number>;
}

/** Per-number facts used to group flagged numbers into campaigns. */
export async function numberProfiles(
  db: StoreDb,
  numbers: readonly string[],
  from: number,
  to: number,
): Promise<NumberProfile[]> {
  if (numbers.length === 0) return [];
  const r = await rows(
    db,
    sql`SELECT calling, ${CALLS} AS calls, groupUniqArray(ingress_trunk) AS trunks,
  groupUniqArray(ingress_carrier) AS carriers, groupUniqArray(device_id) AS devices,
  arraySlice(groupUniqArray(called), 1, 200) AS callees, groupArray(h) AS hs
FROM (
  SELECT calling, call_id, ingress_trunk, ingress_carrier, device_id, called,
    intDiv(toUInt32(setup_time), 3600) AS h
  FROM ${table(db, 'cdr')} WHERE calling IN ${inList([...numbers])} AND ${range(from, to)}
  LIMIT 1 BY call_id
) GROUP BY calling`,
    z.object({
      calling: col.str,
      calls: col.num,
      trunks: col.strs,
      carriers: col.strs,
      devices: col.strs,
      callees: col.strs,
      hs: col.nums,
    }),
  );
  return r.map((x) => {
    const hours: Record<string, number> = {};
    for (const h of x.hs) hours[String(h)] = (hours[String(h)] ?? 0) + 1;
    const nonEmpty = (v: string[]): string[] => v.filter((s) => s !== '').sort();
    return {
      number: x.calling,
      calls: x.calls,
      trunks: nonEmpty(x.trunks),
      carriers: nonEmpty(x.carriers),
      devices: nonEmpty(x.devices),
      callees: nonEmpty(x.callees),
      hours,
    };
  });
}

export interface SourceDayCount {
  kind: 'trunk' | 'carrier';
  id: string;
  dayMs: number;
  calls: number;
}

/** Calls per day from the given numbers, by ingress trunk and carrier: the flagged-traffic leaderboard. */
export async function flaggedTrafficBySource(
  db: StoreDb,
  numbers: readonly string[],
  from: number,
  to: number,
): Promise<SourceDayCount[]> {
  if (numbers.length === 0) return [];
  const r = await rows(
    db,
    sql`SELECT kind, id, intDiv(toUInt32(setup_time), 86400) * 86400 AS d, ${CALLS} AS calls
FROM ${table(db, 'cdr')}
ARRAY JOIN ['trunk', 'carrier'] AS kind, [ingress_trunk, ingress_carrier] AS id
WHERE calling IN ${inList([...numbers])} AND ${range(from, to)} AND id != ''
GROUP BY kind, id, d ORDER BY kind, id, d`,
    z.object({ kind: z.enum(['trunk', 'carrier']), id: col.str, d: col.num, calls: col.num }),
  );
  return r.map((x) => ({ kind: x.kind, id: x.id, dayMs: x.d * 1000, calls: x.calls }));
}

/** Complaints per reported number (each complaint once). */
export async function complaintCounts(db: StoreDb, numbers: readonly string[]): Promise<Map<string, number>> {
  if (numbers.length === 0) return new Map();
  const r = await rows(
    db,
    sql`SELECT reported, uniqExact(complaint_id) AS n FROM ${table(db, 'complaints')}
WHERE reported IN ${inList([...numbers])} GROUP BY reported`,
    z.object({ reported: col.str, n: col.num }),
  );
  return new Map(r.map((x) => [x.reported, x.n]));
}
