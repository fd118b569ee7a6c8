import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { fragment, joinSql, sql, type SqlFragment } from '@ringfence/common';
import { col, final, rows, table, timeRange, type StoreDb, type TimeArg } from './store-db.js';

/** One audited action: who did what to which subject, when, from where, and how it ended. */
export interface AuditEntry {
  /** Unique per event; a retried append with the same id is stored once. Generated when absent. */
  eventId?: string;
  timeMs?: number;
  actor: string;
  action: string;
  subjectKind?: string;
  subjectId?: string;
  /** Free-form context, stored as JSON. */
  detail?: Record<string, unknown>;
  sourceIp?: string;
  userAgent?: string;
  outcome?: 'ok' | 'denied' | 'error';
}

export interface AuditRecord extends Required<Omit<AuditEntry, 'detail'>> {
  detail: Record<string, unknown>;
}

/** Appends entries to the audit log (one insert). */
export async function appendAudit(db: StoreDb, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const now = Date.now();
  await db.ch.insert({
    table: table(db, 'audit_log').text,
    format: 'JSONEachRow',
    values: entries.map((e) => {
      const t = e.timeMs ?? now;
      return {
        event_id: e.eventId ?? randomUUID(),
        time: Math.floor(t / 1000),
        time_ms: t,
        actor: e.actor,
        action: e.action,
        subject_kind: e.subjectKind ?? '',
        subject_id: e.subjectId ?? '',
        detail: JSON.stringify(e.detail ?? {}),
        source_ip: e.sourceIp ?? '',
        user_agent: e.userAgent ?? '',
        outcome: e.outcome ?? 'ok',
      };
    }),
  });
}

export interface AuditFilter {
  from: TimeArg;
  to: TimeArg;
  actor?: string;
  subjectId?: string;
  limit?: number;
}

/** Audit entries in [from, to), newest first. */
export async function auditLog(db: StoreDb, f: AuditFilter): Promise<AuditRecord[]> {
  const where: SqlFragment[] = [timeRange(f.from, f.to, 'time')];
  if (f.actor !== undefined) where.push(fragment`actor = ${f.actor}`);
  if (f.subjectId !== undefined) where.push(fragment`subject_id = ${f.subjectId}`);
  const r = await rows(
    db,
    sql`SELECT event_id, time_ms, actor, action, subject_kind, subject_id, detail, source_ip, user_agent,
  toString(outcome) AS oc
FROM ${final(db, 'audit_log')} WHERE ${joinSql(where, ' AND ')}
ORDER BY time_ms DESC, event_id LIMIT ${f.limit ?? 1000}`,
    z.object({
      event_id: col.str,
      time_ms: col.num,
      actor: col.str,
      action: col.str,
      subject_kind: col.str,
      subject_id: col.str,
      detail: col.str,
      source_ip: col.str,
      user_agent: col.str,
      oc: z.enum(['ok', 'denied', 'error']),
    }),
  );
  return r.map((x) => ({
    eventId: x.event_id,
    timeMs: x.time_ms,
    actor: x.actor,
    action: x.action,
    subjectKind: x.subject_kind,
    subjectId: x.subject_id,
    detail: JSON.parse(x.detail) as Record<string, unknown>,
    sourceIp: x.source_ip,
    userAgent: x.user_agent,
    outcome: x.oc,
  }));
}
