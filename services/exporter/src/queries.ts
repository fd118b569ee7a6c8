import { dateTime, fragment, ident, int, raw, uint, type SqlFragment } from '@ringfence/common';
import { rows, type LevelName, type StoreDb } from '@ringfence/store';

/*
 * Every figure of a report comes from these reads. Counting rule (docs/clickhouse-schema.md): CDRs are
 * counted with uniqExact(call_id) and never with count()/sum() over raw rows; the event tables are
 * read with FINAL so replayed events collapse. Every list has a total ORDER BY so the rows come back
 * in one order only.
 */

const LEVEL_VALUE: Record<LevelName, number> = { NONE: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
const LEVELS: readonly LevelName[] = ['NONE', 'LOW', 'MEDIUM', 'HIGH'];

export interface RawFlagged {
  id: string;
  level: LevelName;
  maxScore: number;
  category: string;
  reasonsJson: string;
  firstFlagMs: number;
  firstSeenMs: number;
}

export interface RawCallerStats {
  calling: string;
  calls: number;
  callees: number;
  firstMs: number;
  lastMs: number;
}

export interface RawCallerPath {
  calling: string;
  carrier: string;
  trunk: string;
  calls: number;
}

export interface RawTopCallee {
  calling: string;
  called: string;
  calls: number;
}

export interface RawFeedback {
  feedbackId: string;
  timeMs: number;
  kind: string;
  id: string;
  action: string;
  undoes: string;
}

export interface RawSource {
  kind: 'carrier' | 'trunk';
  id: string;
  calls: number;
  flaggedCalls: number;
  flaggedNumbers: number;
  firstMs: number;
  lastMs: number;
  switches: string[];
}

export interface RawSourceRisk {
  kind: 'carrier' | 'trunk';
  id: string;
  level: LevelName;
  category: string;
}

export interface RawSample {
  kind: 'carrier' | 'trunk';
  id: string;
  callId: string;
}

export interface RawCount {
  key: string;
  sub: string;
  n: number;
}

/** Everything one report is built from, as read from ClickHouse. */
export interface RawReportData {
  calls: number;
  bucketCalls: { hourMs: number; calls: number }[];
  flagged: RawFlagged[];
  callerStats: RawCallerStats[];
  callerPaths: RawCallerPath[];
  topCallees: RawTopCallee[];
  feedbackForFlagged: RawFeedback[];
  actionsInPeriod: RawCount[];
  alerts: RawCount[];
  complaints: { total: number; aboutFlagged: number; reportedNumbers: number };
  complaintsPerNumber: { reported: string; n: number }[];
  sources: RawSource[];
  sourceRisk: RawSourceRisk[];
  samples: RawSample[];
  /** Latest event time of any data inside the period, or null when it holds none. */
  watermarkMs: number | null;
}

export interface QueryOptions {
  fromMs: number;
  toMs: number;
  /** Lowest level that counts as flagged. */
  minLevel: LevelName;
  /** Sample call ids per source for traceback. */
  samplesPerSource: number;
}

type Row = Record<string, string | number | string[]>;

const num = (r: Row, k: string): number => Number(r[k] ?? 0);
const txt = (r: Row, k: string): string => String(r[k] ?? '');

/** Reads a period's report data. */
export async function readReportData(db: StoreDb, o: QueryOptions): Promise<RawReportData> {
  const t = (name: string): SqlFragment => ident(db.database, name);
  const range = (col: string): SqlFragment =>
    fragment`${raw(col)} >= ${dateTime(o.fromMs)} AND ${raw(col)} < ${dateTime(o.toMs)}`;
  const minLevel = int(LEVEL_VALUE[o.minLevel]);
  const flaggedWhere = fragment`kind = 'number' AND tombstone = 0 AND toInt8(level) >= ${minLevel}
  AND ${range('updated_time')} AND updated_ms >= ${uint(o.fromMs)} AND updated_ms < ${uint(o.toMs)}`;
  const flaggedIds = fragment`SELECT id FROM ${t('risk_changes')} FINAL WHERE ${flaggedWhere}`;
  const cdrRange = range('setup_time');
  const q = (query: SqlFragment): Promise<Row[]> => rows<Row>(db, query.text);

  const [
    callsRows,
    bucketRows,
    flaggedRows,
    statsRows,
    pathRows,
    calleeRows,
    feedbackRows,
    actionRows,
    alertRows,
    complaintRows,
    perNumberRows,
    sourceRows,
    sourceRiskRows,
    sampleRows,
    watermarkRows,
  ] = [
    await q(fragment`SELECT uniqExact(call_id) AS n FROM ${t('cdr')} WHERE ${cdrRange}`),
    // The hourly aggregate holds uniqExact states: merging them across callers is still exact.
    await q(fragment`SELECT toUInt32(hour) AS h, uniqExactMerge(calls) AS n FROM ${t('cdr_hourly_caller')}
WHERE ${range('hour')} GROUP BY hour ORDER BY hour`),
    await q(fragment`SELECT id, max(toInt8(level)) AS lvl, max(score) AS max_score,
  argMax(category, (toInt8(level), updated_ms, score, category)) AS cat,
  argMax(reasons_json, (toInt8(level), updated_ms, score, reasons_json)) AS reasons,
  min(updated_ms) AS first_flag_ms, argMin(first_seen_ms, (updated_ms, first_seen_ms)) AS first_seen_ms
FROM ${t('risk_changes')} FINAL WHERE ${flaggedWhere} GROUP BY id ORDER BY id`),
    await q(fragment`SELECT calling, uniqExact(call_id) AS calls, uniqExact(called) AS callees,
  min(setup_ms) AS first_ms, max(setup_ms) AS last_ms
FROM ${t('cdr')} WHERE ${cdrRange} AND calling IN (${flaggedIds}) GROUP BY calling ORDER BY calling`),
    await q(fragment`SELECT calling, ingress_carrier, ingress_trunk, uniqExact(call_id) AS calls
FROM ${t('cdr')} WHERE ${cdrRange} AND calling IN (${flaggedIds})
GROUP BY calling, ingress_carrier, ingress_trunk ORDER BY calling, ingress_carrier, ingress_trunk`),
    await q(fragment`SELECT calling, called, uniqExact(call_id) AS calls
FROM ${t('cdr')} WHERE ${cdrRange} AND calling IN (${flaggedIds})
GROUP BY calling, called ORDER BY calling, calls DESC, called LIMIT 1 BY calling`),
    // Decisions up to the period's end, so "action taken" is what stood when the period closed.
    await q(fragment`SELECT feedback_id, time_ms, toString(kind) AS k, id, toString(action) AS act, undoes
FROM ${t('feedback')} FINAL WHERE time < ${dateTime(o.toMs)} AND kind = 'number' AND id IN (${flaggedIds})
ORDER BY id, time_ms, feedback_id`),
    await q(fragment`SELECT toString(action) AS k, toString(kind) AS s, count() AS n FROM ${t('feedback')} FINAL
WHERE ${range('time')} GROUP BY k, s ORDER BY k, s`),
    await q(fragment`SELECT toString(kind) AS k, toString(to_level) AS s, count() AS n FROM ${t('alerts')} FINAL
WHERE ${range('time')} GROUP BY k, s ORDER BY k, s`),
    await q(fragment`SELECT count() AS total, countIf(reported IN (${flaggedIds})) AS about_flagged,
  uniqExact(reported) AS reported_numbers
FROM ${t('complaints')} FINAL WHERE ${range('time')}`),
    await q(fragment`SELECT reported, count() AS n FROM ${t('complaints')} FINAL
WHERE ${range('time')} AND reported IN (${flaggedIds}) GROUP BY reported ORDER BY reported`),
    await q(fragment`SELECT k, sid, uniqExact(call_id) AS calls, uniqExactIf(call_id, f) AS flagged_calls,
  uniqExactIf(calling, f) AS flagged_numbers, min(setup_ms) AS first_ms, max(setup_ms) AS last_ms,
  arraySort(groupUniqArray(switch_id)) AS switches
FROM (
  SELECT call_id, calling, setup_ms, switch_id, calling IN (${flaggedIds}) AS f,
    arrayJoin([('carrier', ingress_carrier), ('trunk', ingress_trunk)]) AS src, src.1 AS k, src.2 AS sid
  FROM ${t('cdr')} WHERE ${cdrRange}
) WHERE sid != '' GROUP BY k, sid ORDER BY k, sid`),
    await q(fragment`SELECT toString(kind) AS k, id, max(toInt8(level)) AS lvl,
  argMax(category, (toInt8(level), updated_ms, category)) AS cat
FROM ${t('risk_changes')} FINAL
WHERE kind IN ('carrier', 'trunk') AND tombstone = 0 AND toInt8(level) >= ${minLevel} AND ${range('updated_time')}
GROUP BY kind, id ORDER BY k, id`),
    await q(fragment`SELECT k, sid, call_id, min(setup_ms) AS s FROM (
  SELECT call_id, setup_ms, arrayJoin([('carrier', ingress_carrier), ('trunk', ingress_trunk)]) AS src,
    src.1 AS k, src.2 AS sid
  FROM ${t('cdr')} WHERE ${cdrRange} AND calling IN (${flaggedIds})
) WHERE sid != '' GROUP BY k, sid, call_id ORDER BY k, sid, s, call_id LIMIT ${uint(o.samplesPerSource)} BY k, sid`),
    await q(fragment`SELECT
  (SELECT max(setup_ms) FROM ${t('cdr')} WHERE ${cdrRange}) AS cdr,
  (SELECT max(updated_ms) FROM ${t('risk_changes')} WHERE ${range('updated_time')}) AS risk,
  (SELECT max(time_ms) FROM ${t('alerts')} WHERE ${range('time')}) AS alerts,
  (SELECT max(time_ms) FROM ${t('complaints')} WHERE ${range('time')}) AS complaints,
  (SELECT max(time_ms) FROM ${t('feedback')} WHERE ${range('time')}) AS feedback`),
  ];

  const wm = watermarkRows[0] ?? {};
  const marks = ['cdr', 'risk', 'alerts', 'complaints', 'feedback'].map((k) => num(wm, k));
  const watermark = Math.max(0, ...marks);
  const complaintRow = complaintRows[0] ?? {};

  return {
    calls: num(callsRows[0] ?? {}, 'n'),
    bucketCalls: bucketRows.map((r) => ({ hourMs: num(r, 'h') * 1000, calls: num(r, 'n') })),
    flagged: flaggedRows.map((r) => ({
      id: txt(r, 'id'),
      level: LEVELS[num(r, 'lvl')] ?? 'NONE',
      maxScore: num(r, 'max_score'),
      category: txt(r, 'cat'),
      reasonsJson: txt(r, 'reasons'),
      firstFlagMs: num(r, 'first_flag_ms'),
      firstSeenMs: num(r, 'first_seen_ms'),
    })),
    callerStats: statsRows.map((r) => ({
      calling: txt(r, 'calling'),
      calls: num(r, 'calls'),
      callees: num(r, 'callees'),
      firstMs: num(r, 'first_ms'),
      lastMs: num(r, 'last_ms'),
    })),
    callerPaths: pathRows.map((r) => ({
      calling: txt(r, 'calling'),
      carrier: txt(r, 'ingress_carrier'),
      trunk: txt(r, 'ingress_trunk'),
      calls: num(r, 'calls'),
    })),
    topCallees: calleeRows.map((r) => ({
      calling: txt(r, 'calling'),
      called: txt(r, 'called'),
      calls: num(r, 'calls'),
    })),
    feedbackForFlagged: feedbackRows.map((r) => ({
      feedbackId: txt(r, 'feedback_id'),
      timeMs: num(r, 'time_ms'),
      kind: txt(r, 'k'),
      id: txt(r, 'id'),
      action: txt(r, 'act'),
      undoes: txt(r, 'undoes'),
    })),
    actionsInPeriod: actionRows.map((r) => ({ key: txt(r, 'k'), sub: txt(r, 's'), n: num(r, 'n') })),
    alerts: alertRows.map((r) => ({ key: txt(r, 'k'), sub: txt(r, 's'), n: num(r, 'n') })),
    complaints: {
      total: num(complaintRow, 'total'),
      aboutFlagged: num(complaintRow, 'about_flagged'),
      reportedNumbers: num(complaintRow, 'reported_numbers'),
    },
    complaintsPerNumber: perNumberRows.map((r) => ({ reported: txt(r, 'reported'), n: num(r, 'n') })),
    sources: sourceRows.map((r) => ({
      kind: txt(r, 'k') as 'carrier' | 'trunk',
      id: txt(r, 'sid'),
      calls: num(r, 'calls'),
      flaggedCalls: num(r, 'flagged_calls'),
      flaggedNumbers: num(r, 'flagged_numbers'),
      firstMs: num(r, 'first_ms'),
      lastMs: num(r, 'last_ms'),
      switches: ((r['switches'] as string[] | undefined) ?? []).filter((s) => s !== ''),
    })),
    sourceRisk: sourceRiskRows.map((r) => ({
      kind: txt(r, 'k') as 'carrier' | 'trunk',
      id: txt(r, 'id'),
      level: LEVELS[num(r, 'lvl')] ?? 'NONE',
      category: txt(r, 'cat'),
    })),
    samples: sampleRows.map((r) => ({
      kind: txt(r, 'k') as 'carrier' | 'trunk',
      id: txt(r, 'sid'),
      callId: txt(r, 'call_id'),
    })),
    watermarkMs: watermark > 0 ? watermark : null,
  };
}
