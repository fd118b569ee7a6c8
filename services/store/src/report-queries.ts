import { z } from 'zod';
import { dateTime, fragment, int, sql, uint } from '@ringfence/common';
import { LEVEL_NAMES, type LevelName } from './rows.js';
import { CALLS, col, final, rows, table, timeRange, type StoreDb, type TimeColumn } from './store-db.js';

/*
 * Every figure of a regulator report comes from these reads; the counting rules are in store-db.ts
 * (CDRs are never counted with count()/sum() over raw rows). Every list has a total ORDER BY so the
 * rows come back in one order only.
 */

const LEVEL_VALUE: Record<LevelName, number> = { NONE: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
const LEVELS: readonly LevelName[] = LEVEL_NAMES;

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
  /** When an allowlist or blocklist lapses (Unix ms); 0 or absent: it stands until undone. */
  expiresMs?: number;
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

const sourceKind = z.enum(['carrier', 'trunk']);
const keyCount = z.object({ k: col.str, s: col.str, n: col.num });
// A latest-time subquery over no rows may come back NULL: that table adds nothing to the watermark.
const mark = z.union([col.num, z.null().transform(() => 0)]);

/** Reads a period's report data. */
export async function readReportData(db: StoreDb, o: QueryOptions): Promise<RawReportData> {
  const range = (column: TimeColumn) => timeRange(o.fromMs, o.toMs, column);
  const minLevel = int(LEVEL_VALUE[o.minLevel]);
  const flaggedWhere = fragment`kind = 'number' AND tombstone = 0 AND toInt8(level) >= ${minLevel}
  AND ${range('updated_time')} AND updated_ms >= ${uint(o.fromMs)} AND updated_ms < ${uint(o.toMs)}`;
  const flaggedIds = fragment`SELECT id FROM ${final(db, 'risk_changes')} WHERE ${flaggedWhere}`;
  const cdrRange = range('setup_time');
  const cdr = table(db, 'cdr');

  // One at a time on purpose: the server gets one report query at once, as before.
  const callsRows = await rows(
    db,
    sql`SELECT ${CALLS} AS n FROM ${cdr} WHERE ${cdrRange}`,
    z.object({ n: col.num }),
  );
  // The hourly aggregate holds uniqExact states: merging them across callers is still exact.
  const bucketRows = await rows(
    db,
    sql`SELECT toUInt32(hour) AS h, uniqExactMerge(calls) AS n FROM ${table(db, 'cdr_hourly_caller')}
WHERE ${range('hour')} GROUP BY hour ORDER BY hour`,
    z.object({ h: col.num, n: col.num }),
  );
  const flaggedRows = await rows(
    db,
    sql`SELECT id, max(toInt8(level)) AS lvl, max(score) AS max_score,
  argMax(category, (toInt8(level), updated_ms, score, category)) AS cat,
  argMax(reasons_json, (toInt8(level), updated_ms, score, reasons_json)) AS reasons,
  min(updated_ms) AS first_flag_ms, argMin(first_seen_ms, (updated_ms, first_seen_ms)) AS first_seen_ms
FROM ${final(db, 'risk_changes')} WHERE ${flaggedWhere} GROUP BY id ORDER BY id`,
    z.object({
      id: col.str,
      lvl: col.num,
      max_score: col.num,
      cat: col.str,
      reasons: col.str,
      first_flag_ms: col.num,
      first_seen_ms: col.num,
    }),
  );
  const statsRows = await rows(
    db,
    sql`SELECT calling, ${CALLS} AS calls, uniqExact(called) AS callees,
  min(setup_ms) AS first_ms, max(setup_ms) AS last_ms
FROM ${cdr} WHERE ${cdrRange} AND calling IN (${flaggedIds}) GROUP BY calling ORDER BY calling`,
    z.object({ calling: col.str, calls: col.num, callees: col.num, first_ms: col.num, last_ms: col.num }),
  );
  const pathRows = await rows(
    db,
    sql`SELECT calling, ingress_carrier, ingress_trunk, ${CALLS} AS calls
FROM ${cdr} WHERE ${cdrRange} AND calling IN (${flaggedIds})
GROUP BY calling, ingress_carrier, ingress_trunk ORDER BY calling, ingress_carrier, ingress_trunk`,
    z.object({ calling: col.str, ingress_carrier: col.str, ingress_trunk: col.str, calls: col.num }),
  );
  const calleeRows = await rows(
    db,
    sql`SELECT calling, called, ${CALLS} AS calls
FROM ${cdr} WHERE ${cdrRange} AND calling IN (${flaggedIds})
GROUP BY calling, called ORDER BY calling, calls DESC, called LIMIT 1 BY calling`,
    z.object({ calling: col.str, called: col.str, calls: col.num }),
  );
  // Decisions up to the period's end, so "action taken" is what stood when the period closed.
  const feedbackRows = await rows(
    db,
    sql`SELECT feedback_id, time_ms, toString(kind) AS k, id, toString(action) AS act, undoes, expires_ms
FROM ${final(db, 'feedback')} WHERE time < ${dateTime(o.toMs)} AND kind = 'number' AND id IN (${flaggedIds})
ORDER BY id, time_ms, feedback_id`,
    z.object({
      feedback_id: col.str,
      time_ms: col.num,
      k: col.str,
      id: col.str,
      act: col.str,
      undoes: col.str,
      expires_ms: col.num,
    }),
  );
  const actionRows = await rows(
    db,
    sql`SELECT toString(action) AS k, toString(kind) AS s, count() AS n FROM ${final(db, 'feedback')}
WHERE ${range('time')} GROUP BY k, s ORDER BY k, s`,
    keyCount,
  );
  const alertRows = await rows(
    db,
    sql`SELECT toString(kind) AS k, toString(to_level) AS s, count() AS n FROM ${final(db, 'alerts')}
WHERE ${range('time')} GROUP BY k, s ORDER BY k, s`,
    keyCount,
  );
  const complaintRows = await rows(
    db,
    sql`SELECT count() AS total, countIf(reported IN (${flaggedIds})) AS about_flagged,
  uniqExact(reported) AS reported_numbers
FROM ${final(db, 'complaints')} WHERE ${range('time')}`,
    z.object({ total: col.num, about_flagged: col.num, reported_numbers: col.num }),
  );
  const perNumberRows = await rows(
    db,
    sql`SELECT reported, count() AS n FROM ${final(db, 'complaints')}
WHERE ${range('time')} AND reported IN (${flaggedIds}) GROUP BY reported ORDER BY reported`,
    z.object({ reported: col.str, n: col.num }),
  );
  const sourceRows = await rows(
    db,
    sql`SELECT k, sid, ${CALLS} AS calls, uniqExactIf(call_id, f) AS flagged_calls,
  uniqExactIf(calling, f) AS flagged_numbers, min(setup_ms) AS first_ms, max(setup_ms) AS last_ms,
  arraySort(groupUniqArray(switch_id)) AS switches
FROM (
  SELECT call_id, calling, setup_ms, switch_id, calling IN (${flaggedIds}) AS f,
    arrayJoin([('carrier', ingress_carrier), ('trunk', ingress_trunk)]) AS src, src.1 AS k, src.2 AS sid
  FROM ${cdr} WHERE ${cdrRange}
) WHERE sid != '' GROUP BY k, sid ORDER BY k, sid`,
    z.object({
      k: sourceKind,
      sid: col.str,
      calls: col.num,
      flagged_calls: col.num,
      flagged_numbers: col.num,
      first_ms: col.num,
      last_ms: col.num,
      switches: col.strs,
    }),
  );
  const sourceRiskRows = await rows(
    db,
    sql`SELECT toString(kind) AS k, id, max(toInt8(level)) AS lvl,
  argMax(category, (toInt8(level), updated_ms, category)) AS cat
FROM ${final(db, 'risk_changes')}
WHERE kind IN ('carrier', 'trunk') AND tombstone = 0 AND toInt8(level) >= ${minLevel} AND ${range('updated_time')}
GROUP BY kind, id ORDER BY k, id`,
    z.object({ k: sourceKind, id: col.str, lvl: col.num, cat: col.str }),
  );
  const sampleRows = await rows(
    db,
    sql`SELECT k, sid, call_id, min(setup_ms) AS s FROM (
  SELECT call_id, setup_ms, arrayJoin([('carrier', ingress_carrier), ('trunk', ingress_trunk)]) AS src,
    src.1 AS k, src.2 AS sid
  FROM ${cdr} WHERE ${cdrRange} AND calling IN (${flaggedIds})
) WHERE sid != '' GROUP BY k, sid, call_id ORDER BY k, sid, s, call_id LIMIT ${uint(o.samplesPerSource)} BY k, sid`,
    z.object({ k: sourceKind, sid: col.str, call_id: col.str }),
  );
  const watermarkRows = await rows(
    db,
    sql`SELECT
  (SELECT max(setup_ms) FROM ${cdr} WHERE ${cdrRange}) AS cdr,
  (SELECT max(updated_ms) FROM ${table(db, 'risk_changes')} WHERE ${range('updated_time')}) AS risk,
  (SELECT max(time_ms) FROM ${table(db, 'alerts')} WHERE ${range('time')}) AS alerts,
  (SELECT max(time_ms) FROM ${table(db, 'complaints')} WHERE ${range('time')}) AS complaints,
  (SELECT max(time_ms) FROM ${table(db, 'feedback')} WHERE ${range('time')}) AS feedback`,
    z.object({ cdr: mark, risk: mark, alerts: mark, complaints: mark, feedback: mark }),
  );

  const wm = watermarkRows[0];
  const watermark =
    wm === undefined ? 0 : Math.max(0, wm.cdr, wm.risk, wm.alerts, wm.complaints, wm.feedback);
  const complaints = complaintRows[0];

  return {
    calls: callsRows[0]?.n ?? 0,
    bucketCalls: bucketRows.map((r) => ({ hourMs: r.h * 1000, calls: r.n })),
    flagged: flaggedRows.map((r) => ({
      id: r.id,
      level: LEVELS[r.lvl] ?? 'NONE',
      maxScore: r.max_score,
      category: r.cat,
      reasonsJson: r.reasons,
      firstFlagMs: r.first_flag_ms,
      firstSeenMs: r.first_seen_ms,
    })),
    callerStats: statsRows.map((r) => ({
      calling: r.calling,
      calls: r.calls,
      callees: r.callees,
      firstMs: r.first_ms,
      lastMs: r.last_ms,
    })),
    callerPaths: pathRows.map((r) => ({
      calling: r.calling,
      carrier: r.ingress_carrier,
      trunk: r.ingress_trunk,
      calls: r.calls,
    })),
    topCallees: calleeRows.map((r) => ({ calling: r.calling, called: r.called, calls: r.calls })),
    feedbackForFlagged: feedbackRows.map((r) => ({
      feedbackId: r.feedback_id,
      timeMs: r.time_ms,
      kind: r.k,
      id: r.id,
      action: r.act,
      undoes: r.undoes,
      expiresMs: r.expires_ms,
    })),
    actionsInPeriod: actionRows.map((r) => ({ key: r.k, sub: r.s, n: r.n })),
    alerts: alertRows.map((r) => ({ key: r.k, sub: r.s, n: r.n })),
    complaints: {
      total: complaints?.total ?? 0,
      aboutFlagged: complaints?.about_flagged ?? 0,
      reportedNumbers: complaints?.reported_numbers ?? 0,
    },
    complaintsPerNumber: perNumberRows.map((r) => ({ reported: r.reported, n: r.n })),
    sources: sourceRows.map((r) => ({
      kind: r.k,
      id: r.sid,
      calls: r.calls,
      flaggedCalls: r.flagged_calls,
      flaggedNumbers: r.flagged_numbers,
      firstMs: r.first_ms,
      lastMs: r.last_ms,
      switches: r.switches.filter((s) => s !== ''),
    })),
    sourceRisk: sourceRiskRows.map((r) => ({
      kind: r.k,
      id: r.id,
      level: LEVELS[r.lvl] ?? 'NONE',
      category: r.cat,
    })),
    samples: sampleRows.map((r) => ({ kind: r.k, id: r.sid, callId: r.call_id })),
    watermarkMs: watermark > 0 ? watermark : null,
  };
}
