import { z } from 'zod';
import {
  RingfenceError,
  dateTime,
  fragment,
  ident,
  raw,
  type ClickHouseClient,
  type SqlFragment,
  type SqlQuery,
} from '@ringfence/common';

/** A client plus the database the schema lives in; every query function takes one. */
export interface StoreDb {
  readonly ch: ClickHouseClient;
  readonly database: string;
  /**
   * The cluster when the schema is the cluster layout (CLICKHOUSE_CLUSTER). Queries and inserts read
   * and write the same names on both layouts; only what touches the local tables (retention) needs it.
   */
  readonly cluster?: string;
}

/** Epoch milliseconds or a Date. */
export type TimeArg = number | Date;

/** The fully qualified, backquoted name of one of the store's tables. */
export function table(db: StoreDb, name: string): SqlFragment {
  return ident(db.database, name);
}

/**
 * Column types as JSONEachRow delivers them. 64-bit integers arrive as strings, so numeric columns
 * accept a decimal string and yield a number; anything else fails the row.
 */
export const col = {
  num: z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i)]).transform(Number),
  str: z.string(),
  strs: z.array(z.string()),
  nums: z.array(z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number)),
} as const;

/**
 * Runs a SELECT built by `sql` and returns its rows checked against `schema` (JSONEachRow). A row
 * that does not match fails the read with INTEGRITY: past this point the rows are trusted.
 */
export async function rows<S extends z.ZodType>(
  db: StoreDb,
  query: SqlQuery,
  schema: S,
): Promise<z.output<S>[]> {
  const rs = await db.ch.query({ query, format: 'JSONEachRow' });
  const parsed = z.array(schema).safeParse(await rs.json());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RingfenceError('INTEGRITY', `ClickHouse row does not match its schema: ${issue?.message}`, {
      detail: { path: issue?.path.join('.') ?? '' },
    });
  }
  return parsed.data;
}

/** 'YYYY-MM-DD hh:mm:ss' (UTC server) or unix seconds → epoch ms. */
export function toMs(value: string | number): number {
  if (typeof value === 'number') return value * 1000;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  return Date.parse(`${value.replace(' ', 'T')}Z`);
}

/*
 * The counting rules (docs/clickhouse-schema.md), written once for every read. The cdr table may hold
 * a CDR more than once until ReplacingMergeTree merges, so calls are counted with uniqExact(call_id)
 * and per-call values are the latest ingested copy's (argMax by ingest_ms); the event tables are read
 * with FINAL so replayed events collapse.
 */

/** `uniqExact(call_id)`: the number of distinct calls. */
export const CALLS = raw('uniqExact(call_id)');

/** A cdr column's value from the call's latest ingested copy, for a subquery grouped by call_id. */
export function latest(column: string): SqlFragment {
  return fragment`argMax(${raw(column)}, ingest_ms)`;
}

/** An event table read with FINAL, so unmerged duplicates of a replayed event show once. */
export function final(db: StoreDb, name: string): SqlFragment {
  return fragment`${table(db, name)} FINAL`;
}

/** The time columns a range can be taken on. */
export type TimeColumn = 'setup_time' | 'hour' | 'time' | 'updated_time';

/** `column >= from AND column < to`: the half-open range every time filter uses. */
export function timeRange(from: TimeArg, to: TimeArg, column: TimeColumn = 'setup_time'): SqlFragment {
  const c = raw(column);
  return fragment`${c} >= ${dateTime(from)} AND ${c} < ${dateTime(to)}`;
}

/** Refuses a range whose start is after its end (INVALID_ARGUMENT), for reads that take one from a caller. */
export function checkRange(from: TimeArg, to: TimeArg): void {
  if (+from > +to) throw new RingfenceError('INVALID_ARGUMENT', 'time range: from is after to');
}
