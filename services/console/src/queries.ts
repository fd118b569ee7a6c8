import { dateTime, fragment, inList, sql, type SqlFragment } from '@ringfence/common';
import { rows, subjectColumn, table, type StoreDb, type SubjectKindName } from '@ringfence/store';

/*
 * Reads the console needs beyond @ringfence/store's. Counting follows docs/clickhouse-schema.md:
 * calls are uniqExact(call_id), per-call values come from a GROUP BY call_id subquery with argMax,
 * event tables are read with FINAL.
 */

export type SourceKind = Extract<SubjectKindName, 'trunk' | 'carrier' | 'device'>;

function range(from: number, to: number): SqlFragment {
  return fragment`setup_time >= ${dateTime(from)} AND setup_time < ${dateTime(to)}`;
}

/** Setup times (ms) of a subject's first and last stored calls, or null; used to place the default window. */
export async function callSpan(
  db: StoreDb,
  kind: 'number' | SourceKind,
  id: string,
): Promise<{ firstMs: number; lastMs: number } | null> {
  const r = await rows<{ n: string; f: string; m: string }>(
    db,
    sql`SELECT count() AS n, min(setup_ms) AS f, max(setup_ms) AS m FROM ${table(db, 'cdr')} WHERE ${subjectColumn(kind)} = ${id}`,
  );
  return Number(r[0]?.n ?? 0) > 0 ? { firstMs: Number(r[0]?.f), lastMs: Number(r[0]?.m) } : null;
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
  const r = await rows<Record<string, string>>(
    db,
    sql`SELECT called, uniqExact(call_id) AS calls, max(setup_ms) AS last_ms
FROM ${table(db, 'cdr')} WHERE calling = ${number} AND ${range(from, to)}
GROUP BY called ORDER BY calls DESC, called LIMIT ${limit}`,
  );
  return r.map((x) => ({
    called: String(x['called']),
    calls: Number(x['calls']),
    lastMs: Number(x['last_ms']),
  }));
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
  const r = await rows<Record<string, string>>(
    db,
    sql`SELECT count() AS calls, sum(a_asserted != '' AND a_asserted != a_calling) AS asserted_mismatch,
  sum(a_valid = 0) AS invalid_calling, sum(${onNetTest} AND a_carrier != ${onNet.carrier}) AS on_net_off_net,
  uniqExact(a_calling) AS distinct_calling, uniqExact(a_called) AS distinct_called,
  sum(a_answered) AS answered, sum(a_answered = 1 AND a_duration < 10000) AS short_answered
FROM (
  SELECT call_id, argMax(calling, ingest_ms) AS a_calling, argMax(asserted, ingest_ms) AS a_asserted,
    argMax(calling_valid, ingest_ms) AS a_valid, argMax(ingress_carrier, ingest_ms) AS a_carrier,
    argMax(called, ingest_ms) AS a_called, argMax(answered, ingest_ms) AS a_answered,
    argMax(duration_ms, ingest_ms) AS a_duration
  FROM ${table(db, 'cdr')} WHERE ${subjectColumn(kind)} = ${id} AND ${range(from, to)} GROUP BY call_id
)`,
  );
  const x = r[0] ?? {};
  const n = (k: string): number => Number(x[k] ?? 0);
  return {
    calls: n('calls'),
    assertedMismatch: n('asserted_mismatch'),
    invalidCalling: n('invalid_calling'),
    onNetFromOffNet: n('on_net_off_net'),
    distinctCalling: n('distinct_calling'),
    distinctCalled: n('distinct_called'),
    answered: n('answered'),
    shortAnswered: n('short_answered'),
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
  const r = await rows<Record<string, string>>(
    db,
    sql`SELECT calling, uniqExact(call_id) AS calls, min(setup_ms) AS first_ms, max(setup_ms) AS last_ms
FROM ${table(db, 'cdr')} WHERE ${subjectColumn(kind)} IN ${inList(ids)} AND calling != ${exclude} AND ${range(from, to)}
GROUP BY calling ORDER BY calls DESC, calling LIMIT ${limit}`,
  );
  return r.map((x) => ({
    number: String(x['calling']),
    calls: Number(x['calls']),
    firstMs: Number(x['first_ms']),
    lastMs: Number(x['last_ms']),
  }));
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
  const r = await rows<Record<string, string | number>>(
    db,
    sql`SELECT call_id, setup_ms, answer_ms, release_ms, calling, called, asserted, switch_id, ingress_carrier,
  ingress_trunk, toString(attestation) AS att, release_cause, device_id
FROM ${table(db, 'cdr')} WHERE ${subjectColumn(kind)} = ${id} AND ${range(from, to)}
ORDER BY setup_ms, call_id, ingest_ms DESC LIMIT 1 BY call_id LIMIT ${limit}`,
  );
  return r.map((x) => ({
    callId: String(x['call_id']),
    setupMs: Number(x['setup_ms']),
    answerMs: Number(x['answer_ms']),
    releaseMs: Number(x['release_ms']),
    calling: String(x['calling']),
    called: String(x['called']),
    asserted: String(x['asserted']),
    switchId: String(x['switch_id']),
    ingressCarrier: String(x['ingress_carrier']),
    ingressTrunk: String(x['ingress_trunk']),
    attestation: String(x['att']),
    releaseCause: Number(x['release_cause']),
    deviceId: String(x['device_id']),
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
  const r = await rows<Record<string, string | number>>(
    db,
    sql`SELECT * FROM (
  SELECT toString(kind) AS k, id, argMax(score, updated_ms) AS s, toString(argMax(level, updated_ms)) AS lvl,
    argMax(category, updated_ms) AS cat, max(updated_ms) AS upd, argMax(calls, updated_ms) AS c,
    argMax(tombstone, updated_ms) AS tomb
  FROM ${table(db, 'risk_changes')} FINAL WHERE kind IN ${inList([...kinds])} GROUP BY kind, id
) WHERE tomb = 0 AND lvl != 'NONE' ORDER BY s DESC, id LIMIT ${limit}`,
  );
  return r.map((x) => ({
    kind: x['k'] as SubjectKindName,
    id: String(x['id']),
    score: Number(x['s']),
    level: String(x['lvl']),
    category: String(x['cat']),
    updatedMs: Number(x['upd']),
    calls: Number(x['c']),
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
  const r = await rows<Record<string, string | string[] | number[]>>(
    db,
    sql`SELECT calling, uniqExact(call_id) AS calls, groupUniqArray(ingress_trunk) AS trunks,
  groupUniqArray(ingress_carrier) AS carriers, groupUniqArray(device_id) AS devices,
  arraySlice(groupUniqArray(called), 1, 200) AS callees, groupArray(h) AS hs
FROM (
  SELECT calling, call_id, ingress_trunk, ingress_carrier, device_id, called,
    intDiv(toUInt32(setup_time), 3600) AS h
  FROM ${table(db, 'cdr')} WHERE calling IN ${inList([...numbers])} AND ${range(from, to)}
  LIMIT 1 BY call_id
) GROUP BY calling`,
  );
  return r.map((x) => {
    const hours: Record<string, number> = {};
    for (const h of x['hs'] as number[]) hours[String(h)] = (hours[String(h)] ?? 0) + 1;
    const nonEmpty = (k: string): string[] => (x[k] as string[]).filter((s) => s !== '').sort();
    return {
      number: String(x['calling']),
      calls: Number(x['calls']),
      trunks: nonEmpty('trunks'),
      carriers: nonEmpty('carriers'),
      devices: nonEmpty('devices'),
      callees: nonEmpty('callees'),
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
  const r = await rows<Record<string, string>>(
    db,
    sql`SELECT kind, id, intDiv(toUInt32(setup_time), 86400) * 86400 AS d, uniqExact(call_id) AS calls
FROM ${table(db, 'cdr')}
ARRAY JOIN ['trunk', 'carrier'] AS kind, [ingress_trunk, ingress_carrier] AS id
WHERE calling IN ${inList([...numbers])} AND ${range(from, to)} AND id != ''
GROUP BY kind, id, d ORDER BY kind, id, d`,
  );
  return r.map((x) => ({
    kind: x['kind'] as 'trunk' | 'carrier',
    id: String(x['id']),
    dayMs: Number(x['d']) * 1000,
    calls: Number(x['calls']),
  }));
}

/** Complaints per reported number (each complaint once). */
export async function complaintCounts(db: StoreDb, numbers: readonly string[]): Promise<Map<string, number>> {
  if (numbers.length === 0) return new Map();
  const r = await rows<{ reported: string; n: string }>(
    db,
    sql`SELECT reported, uniqExact(complaint_id) AS n FROM ${table(db, 'complaints')}
WHERE reported IN ${inList([...numbers])} GROUP BY reported`,
  );
  return new Map(r.map((x) => [x.reported, Number(x.n)]));
}
