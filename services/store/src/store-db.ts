import { ident, type ClickHouseClient, type SqlFragment } from '@ringfence/common';

/** A client plus the database the schema lives in; every query function takes one. */
export interface StoreDb {
  readonly ch: ClickHouseClient;
  readonly database: string;
}

/** Epoch milliseconds or a Date. */
export type TimeArg = number | Date;

/** The fully qualified, backquoted name of one of the store's tables. */
export function table(db: StoreDb, name: string): SqlFragment {
  return ident(db.database, name);
}

/** Runs a SELECT and returns its rows (JSONEachRow; UInt64 arrive as strings). */
export async function rows<T>(db: StoreDb, query: string): Promise<T[]> {
  const rs = await db.ch.query({ query, format: 'JSONEachRow' });
  return rs.json<T>();
}

/** 'YYYY-MM-DD hh:mm:ss' (UTC server) or unix seconds → epoch ms. */
export function toMs(value: string | number): number {
  if (typeof value === 'number') return value * 1000;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  return Date.parse(`${value.replace(' ', 'T')}Z`);
}
