import { z } from 'zod';
import { fragment, joinSql, sql, type SqlFragment } from '@ringfence/common';
import { KIND_NAMES, LEVEL_NAMES, type LevelName, type SubjectKindName } from './rows.js';
import { col, final, rows, timeRange, type StoreDb, type TimeArg } from './store-db.js';

const kindCol = z.enum(KIND_NAMES);
const levelCol = z.enum(LEVEL_NAMES);

/*
 * Reads of the event tables (risk changes, alerts, complaints, feedback). They are ReplacingMergeTree
 * keyed so a replayed event collapses; reads use FINAL so unmerged duplicates never show twice.
 */

export interface RiskChange {
  kind: SubjectKindName;
  id: string;
  updatedMs: number;
  score: number;
  level: LevelName;
  category: string;
  reasonCodes: string[];
  /** The verdict's reasons as published (code, value, threshold, window, points). */
  reasons: unknown[];
  calls: number;
  override: string;
  /** True when the risk expired (tombstone on the compacted topic). */
  expired: boolean;
}

/** Every recorded verdict change for one subject, oldest first (at most `limit`, newest kept). */
export async function riskHistory(
  db: StoreDb,
  kind: SubjectKindName,
  id: string,
  limit = 1000,
): Promise<RiskChange[]> {
  const r = await rows(
    db,
    sql`SELECT * FROM (
  SELECT toString(kind) AS k, id, updated_ms, score, toString(level) AS lvl, category, reason_codes, reasons_json,
    calls, override, tombstone
  FROM ${final(db, 'risk_changes')} WHERE kind = ${kind} AND id = ${id}
  ORDER BY updated_ms DESC LIMIT ${limit}
) ORDER BY updated_ms`,
    z.object({
      k: kindCol,
      id: col.str,
      updated_ms: col.num,
      score: col.num,
      lvl: levelCol,
      category: col.str,
      reason_codes: col.strs,
      reasons_json: col.str,
      calls: col.num,
      override: col.str,
      tombstone: col.num,
    }),
  );
  return r.map((x) => ({
    kind: x.k,
    id: x.id,
    updatedMs: x.updated_ms,
    score: x.score,
    level: x.lvl,
    category: x.category,
    reasonCodes: x.reason_codes,
    reasons: JSON.parse(x.reasons_json) as unknown[],
    calls: x.calls,
    override: x.override,
    expired: x.tombstone === 1,
  }));
}

export interface AlertRecord {
  alertId: string;
  timeMs: number;
  kind: SubjectKindName;
  id: string;
  fromLevel: LevelName;
  toLevel: LevelName;
  score: number;
  category: string;
  reasonCodes: string[];
  evidence: Record<string, number>;
}

export interface AlertFilter {
  from: TimeArg;
  to: TimeArg;
  kind?: SubjectKindName;
  id?: string;
  /** Only alerts that rose to at least this level. */
  minLevel?: LevelName;
  limit?: number;
}

const LEVEL_ORDER: Record<LevelName, number> = { NONE: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

/** Alerts raised in [from, to), newest first. */
export async function listAlerts(db: StoreDb, f: AlertFilter): Promise<AlertRecord[]> {
  const where: SqlFragment[] = [timeRange(f.from, f.to, 'time')];
  if (f.kind !== undefined) where.push(fragment`kind = ${f.kind}`);
  if (f.id !== undefined) where.push(fragment`id = ${f.id}`);
  if (f.minLevel !== undefined) where.push(fragment`toInt8(to_level) >= ${LEVEL_ORDER[f.minLevel]}`);
  const r = await rows(
    db,
    sql`SELECT alert_id, time_ms, toString(kind) AS k, id, toString(from_level) AS fl, toString(to_level) AS tl,
  score, category, reason_codes, evidence_keys, evidence_values
FROM ${final(db, 'alerts')} WHERE ${joinSql(where, ' AND ')}
ORDER BY time_ms DESC, alert_id LIMIT ${f.limit ?? 1000}`,
    z.object({
      alert_id: col.str,
      time_ms: col.num,
      k: kindCol,
      id: col.str,
      fl: levelCol,
      tl: levelCol,
      score: col.num,
      category: col.str,
      reason_codes: col.strs,
      evidence_keys: col.strs,
      evidence_values: col.nums,
    }),
  );
  return r.map((x) => ({
    alertId: x.alert_id,
    timeMs: x.time_ms,
    kind: x.k,
    id: x.id,
    fromLevel: x.fl,
    toLevel: x.tl,
    score: x.score,
    category: x.category,
    reasonCodes: x.reason_codes,
    evidence: Object.fromEntries(x.evidence_keys.map((k, i) => [k, Number(x.evidence_values[i])])),
  }));
}

export interface ComplaintRecord {
  complaintId: string;
  timeMs: number;
  reporter: string;
  reported: string;
  category: string;
  callId: string;
}

/** Complaints about one number in [from, to), oldest first. */
export async function complaintsAbout(
  db: StoreDb,
  number: string,
  from: TimeArg,
  to: TimeArg,
): Promise<ComplaintRecord[]> {
  const r = await rows(
    db,
    sql`SELECT complaint_id, time_ms, reporter, reported, toString(category) AS cat, call_id
FROM ${final(db, 'complaints')}
WHERE reported = ${number} AND ${timeRange(from, to, 'time')}
ORDER BY time_ms, complaint_id`,
    z.object({
      complaint_id: col.str,
      time_ms: col.num,
      reporter: col.str,
      reported: col.str,
      cat: col.str,
      call_id: col.str,
    }),
  );
  return r.map((x) => ({
    complaintId: x.complaint_id,
    timeMs: x.time_ms,
    reporter: x.reporter,
    reported: x.reported,
    category: x.cat,
    callId: x.call_id,
  }));
}

export interface FeedbackRecord {
  feedbackId: string;
  timeMs: number;
  kind: SubjectKindName;
  id: string;
  action: string;
  operator: string;
  note: string;
  undoes: string;
  caseId: string;
  /** When an allowlist or blocklist lapses (Unix ms); 0: it stands until undone. */
  expiresMs: number;
}

/** Operator decisions about one subject, oldest first. */
export async function feedbackFor(db: StoreDb, kind: SubjectKindName, id: string): Promise<FeedbackRecord[]> {
  const r = await rows(
    db,
    sql`SELECT feedback_id, time_ms, toString(kind) AS k, id, toString(action) AS act, operator, note, undoes, case_id, expires_ms
FROM ${final(db, 'feedback')} WHERE kind = ${kind} AND id = ${id} ORDER BY time_ms, feedback_id`,
    z.object({
      feedback_id: col.str,
      time_ms: col.num,
      k: kindCol,
      id: col.str,
      act: col.str,
      operator: col.str,
      note: col.str,
      undoes: col.str,
      case_id: col.str,
      expires_ms: col.num,
    }),
  );
  return r.map((x) => ({
    feedbackId: x.feedback_id,
    timeMs: x.time_ms,
    kind: x.k,
    id: x.id,
    action: x.act,
    operator: x.operator,
    note: x.note,
    undoes: x.undoes,
    caseId: x.case_id,
    expiresMs: x.expires_ms,
  }));
}
