import { z } from 'zod';
import { fragment, joinSql, sql, type SqlFragment } from '@ringfence/common';
import { KIND_NAMES, type SubjectKindName } from './rows.js';
import { col, rows, table, type StoreDb } from './store-db.js';

const REDRESS_STATUSES = ['open', 'investigating', 'upheld', 'rejected', 'closed'] as const;
export type RedressStatus = (typeof REDRESS_STATUSES)[number];

/** A redress (appeal) case: someone whose number or source was flagged asks for review. */
export interface RedressCase {
  caseId: string;
  kind: SubjectKindName;
  id: string;
  status: RedressStatus;
  openedMs: number;
  updatedMs: number;
  channel: string;
  contact: string;
  description: string;
  resolution: string;
  operator: string;
}

/**
 * Writes a case's new state. Each write is a new version (updatedMs); the latest version wins on read,
 * so concurrent writers never lose the case, the last update simply prevails.
 */
export async function saveRedressCase(db: StoreDb, c: RedressCase): Promise<void> {
  await db.ch.insert({
    table: table(db, 'redress_cases').text,
    format: 'JSONEachRow',
    values: [
      {
        case_id: c.caseId,
        version: c.updatedMs,
        opened: Math.floor(c.openedMs / 1000),
        updated: Math.floor(c.updatedMs / 1000),
        kind: c.kind,
        id: c.id,
        status: c.status,
        channel: c.channel,
        contact: c.contact,
        description: c.description,
        resolution: c.resolution,
        operator: c.operator,
      },
    ],
  });
}

export interface RedressFilter {
  caseId?: string;
  status?: RedressStatus;
  subjectId?: string;
  limit?: number;
}

/** Latest state of matching cases, most recently updated first. */
export async function listRedressCases(db: StoreDb, f: RedressFilter = {}): Promise<RedressCase[]> {
  const where: SqlFragment[] = [fragment`1`];
  if (f.caseId !== undefined) where.push(fragment`case_id = ${f.caseId}`);
  const having: SqlFragment[] = [fragment`1`];
  if (f.status !== undefined) having.push(fragment`st = ${f.status}`);
  if (f.subjectId !== undefined) having.push(fragment`sid = ${f.subjectId}`);
  const r = await rows(
    db,
    sql`SELECT case_id, toString(argMax(kind, version)) AS k, argMax(id, version) AS sid,
  toString(argMax(status, version)) AS st, toUInt32(min(opened)) AS opened_s, max(version) AS updated_ms,
  argMax(channel, version) AS ch, argMax(contact, version) AS ct, argMax(description, version) AS descr,
  argMax(resolution, version) AS res, argMax(operator, version) AS op
FROM ${table(db, 'redress_cases')} WHERE ${joinSql(where, ' AND ')}
GROUP BY case_id HAVING ${joinSql(having, ' AND ')}
ORDER BY updated_ms DESC, case_id LIMIT ${f.limit ?? 1000}`,
    z.object({
      case_id: col.str,
      k: z.enum(KIND_NAMES),
      sid: col.str,
      st: z.enum(REDRESS_STATUSES),
      opened_s: col.num,
      updated_ms: col.num,
      ch: col.str,
      ct: col.str,
      descr: col.str,
      res: col.str,
      op: col.str,
    }),
  );
  return r.map((x) => ({
    caseId: x.case_id,
    kind: x.k,
    id: x.sid,
    status: x.st,
    openedMs: x.opened_s * 1000,
    updatedMs: x.updated_ms,
    channel: x.ch,
    contact: x.ct,
    description: x.descr,
    resolution: x.res,
    operator: x.op,
  }));
}

/** One case's latest state, or undefined. */
export async function getRedressCase(db: StoreDb, caseId: string): Promise<RedressCase | undefined> {
  return (await listRedressCases(db, { caseId, limit: 1 }))[0];
}
