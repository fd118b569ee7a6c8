import { Readable } from 'node:stream';
import { raw, sql } from '@ringfence/common';
import { rowBinaryEncoder, type RowBinaryColumn } from './row-binary.js';
import { ATTESTATION, MEDIA, type CdrRow } from './rows.js';
import { table, type StoreDb } from './store-db.js';

/** Every column of `cdr` (migration 1) with its type, in table order. */
export const CDR_COLUMNS: readonly RowBinaryColumn<CdrRow>[] = [
  ['call_id', 'String'],
  ['switch_id', 'String'],
  ['setup_time', 'DateTime'],
  ['setup_ms', 'UInt64'],
  ['answer_ms', 'UInt64'],
  ['release_ms', 'UInt64'],
  ['answered', 'UInt8'],
  ['duration_ms', 'UInt64'],
  ['calling', 'String'],
  ['calling_raw', 'String'],
  ['calling_valid', 'UInt8'],
  ['called', 'String'],
  ['called_raw', 'String'],
  ['asserted', 'String'],
  ['ingress_trunk', 'String'],
  ['ingress_carrier', 'String'],
  ['egress_trunk', 'String'],
  ['release_cause', 'UInt16'],
  ['media', MEDIA],
  ['attestation', ATTESTATION],
  ['origid', 'String'],
  ['device_id', 'String'],
  ['cell_id', 'String'],
  ['ingest_ms', 'UInt64'],
];

const encoder = rowBinaryEncoder(CDR_COLUMNS);

/** The RowBinary bytes `insertCdrs` sends for these rows. */
export function encodeCdrs(rows: readonly CdrRow[]): Buffer {
  return encoder.encode(rows);
}

/**
 * Inserts CDR rows in one RowBinary INSERT: about half the server CPU of JSONEachRow per row and a
 * fraction of the client's. Throws when ClickHouse did not accept the batch.
 */
export async function insertCdrs(db: StoreDb, rows: readonly CdrRow[]): Promise<void> {
  if (rows.length === 0) return;
  const body = encoder.encode(rows);
  const res = await db.ch.exec({
    query: sql`INSERT INTO ${table(db, 'cdr')} (${raw(encoder.columnList)}) FORMAT RowBinary`,
    values: Readable.from([body], { objectMode: false }),
  });
  // The answer is empty; reading it to the end hands the socket back to the pool.
  res.stream.resume();
  await new Promise<void>((resolve, reject) => {
    res.stream.once('end', resolve).once('error', reject);
  });
}
