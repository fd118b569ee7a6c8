import { dateTime, fragment, joinSql, sql, type SqlFragment } from '@ringfence/common';
import type { LevelName, SubjectKindName } from './rows.js';
import { rows, table, type StoreDb, type TimeArg } from './store-db.js';

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
  const r = await rows<Record<string, string | number | string[]>>(
    db,
    sql`SELECT * FROM (
  SELECT toString(kind) AS k, id, updated_ms, score, toString(level) AS lvl, category, reason_codes, reasons_json,
    calls, override, tombstone
  FROM ${table(db, 'risk_changes')} FINAL WHERE kind = ${kind} AND id = ${id}
  ORDER BY updated_ms DESC LIMIT ${limit}
) ORDER BY updated_ms`,
  );
  return r.map((x) => ({
    kind: x['k'] as SubjectKindName,
    id: String(x['id']),
    updatedMs: Number(x['updated_ms']),
    score: Number(x['score']),
    level: x['lvl'] as LevelName,
    category: String(x['category']),
    reasonCodes: x['reason_codes'] as string[],
    reasons: JSON.parse(String(x['reasons_json'])) as unknown[],
    calls: Number(x['calls']),
    override: String(x['override']),
    expired: Number(x['tombstone']) === 1,
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
  const where: SqlFragment[] = [fragment`time >= ${dateTime(f.from)} AND time < ${dateTime(f.to)}`];
  if (f.kind !== undefined) where.push(fragment`kind = ${f.kind}`);
  if (f.id !== undefined) where.push(fragment`id = ${f.id}`);
  if (f.minLevel !== undefined) where.push(fragment`toInt8(to_level) >= ${LEVEL_ORDER[f.minLevel]}`);
  const r = await rows<Record<string, string | number | string[] | number[]>>(
    db,
    sql`SELECT alert_id, time_ms, toString(kind) AS k, id, toString(from_level) AS fl, toString(to_level) AS tl,
  score, category, reason_codes, evidence_keys, evidence_values
FROM ${table(db, 'alerts')} FINAL WHERE ${joinSql(where, ' AND ')}
ORDER BY time_ms DESC, alert_id LIMIT ${f.limit ?? 1000}`,
  );
  return r.map((x) => {
    const keys = x['evidence_keys'] as string[];
    const values = x['evidence_values'] as number[];
    return {
      alertId: String(x['alert_id']),
      timeMs: Number(x['time_ms']),
      kind: x['k'] as SubjectKindName,
      id: String(x['id']),
      fromLevel: x['fl'] as LevelName,
      toLevel: x['tl'] as LevelName,
      score: Number(x['score']),
      category: String(x['category']),
      reasonCodes: x['reason_codes'] as string[],
      evidence: Object.fromEntries(keys.map((k, i) => [k, Number(values[i])])),
    };
  });
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
  const r = await rows<Record<string, string | number>>(
    db,
    sql`SELECT complaint_id, time_ms, reporter, reported, toString(category) AS cat, call_id
FROM ${table(db, 'complaints')} FINAL
WHERE reported = ${number} AND time >= ${dateTime(from)} AND time < ${dateTime(to)}
ORDER BY time_ms, complaint_id`,
  );
  return r.map((x) => ({
    complaintId: String(x['complaint_id']),
    timeMs: Number(x['time_ms']),
    reporter: String(x['reporter']),
    reported: String(x['reported']),
    category: String(x['cat']),
    callId: String(x['call_id']),
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
}

/** Operator decisions about one subject, oldest first. */
export async function feedbackFor(db: StoreDb, kind: SubjectKindName, id: string): Promise<FeedbackRecord[]> {
  const r = await rows<Record<string, string | number>>(
    db,
    sql`SELECT feedback_id, time_ms, toString(kind) AS k, id, toString(action) AS act, operator, note, undoes, case_id
FROM ${table(db, 'feedback')} FINAL WHERE kind = ${kind} AND id = ${id} ORDER BY time_ms, feedback_id`,
  );
  return r.map((x) => ({
    feedbackId: String(x['feedback_id']),
    timeMs: Number(x['time_ms']),
    kind: x['k'] as SubjectKindName,
    id: String(x['id']),
    action: String(x['act']),
    operator: String(x['operator']),
    note: String(x['note']),
    undoes: String(x['undoes']),
    caseId: String(x['case_id']),
  }));
}
