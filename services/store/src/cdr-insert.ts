import { Readable } from 'node:stream';
import { raw, sql } from '@ringfence/common';
import type { ICallDetailRecord } from '@ringfence/proto';
import { rowBinaryEncoder, type RowBinaryBuilder, type RowBinaryColumn } from './row-binary.js';
import { ATTESTATION, MEDIA, ms, numberKey, seconds, type CdrRow } from './rows.js';
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

const TWO_32 = 2 ** 32;

/** An unsigned column's value: a negative or fractional input would be a bug upstream, stored as the nearest valid. */
function unsigned(v: number): number {
  return v > 0 ? Math.floor(v) : 0;
}

function enumValue(names: readonly string[], v: number | null | undefined): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < names.length ? v : 0;
}

/**
 * Appends one CDR to `out` as the RowBinary row `insertCdrs` would send for `cdrRow(c)` (same columns,
 * same values), straight from the decoded record: no row object is made, so a batch being filled is
 * bytes only. Writes nothing but the row, and throws nothing.
 */
export function appendCdr(out: RowBinaryBuilder, c: ICallDetailRecord): void {
  const setup = ms(c.setupTimeMs);
  const answer = ms(c.answerTimeMs);
  const release = ms(c.releaseTimeMs);
  const calling = c.calling;
  out.string(c.callId ?? '');
  out.string(c.switchId ?? '');
  out.uint32(Math.min(unsigned(seconds(setup)), TWO_32 - 1));
  out.uint64(unsigned(setup));
  out.uint64(unsigned(answer));
  out.uint64(unsigned(release));
  out.uint8(answer > 0 ? 1 : 0);
  out.uint64(answer > 0 && release > answer ? unsigned(release - answer) : 0);
  out.string(numberKey(calling));
  out.string(calling?.raw ?? '');
  out.uint8(calling?.valid === true ? 1 : 0);
  out.string(numberKey(c.called));
  out.string(c.called?.raw ?? '');
  out.string(numberKey(c.asserted));
  out.string(c.ingressTrunk ?? '');
  out.string(c.ingressCarrier ?? '');
  out.string(c.egressTrunk ?? '');
  out.uint16(unsigned(c.releaseCause ?? 0));
  out.uint8(enumValue(MEDIA, c.media));
  out.uint8(enumValue(ATTESTATION, c.attestation));
  out.string(c.origid ?? '');
  out.string(c.deviceId ?? '');
  out.string(c.cellId ?? '');
  out.uint64(unsigned(ms(c.ingestTimeMs)));
}

/**
 * Inserts CDR rows in one RowBinary INSERT: about half the server CPU of JSONEachRow per row and a
 * fraction of the client's. Throws when ClickHouse did not accept the batch.
 */
export async function insertCdrs(db: StoreDb, rows: readonly CdrRow[]): Promise<void> {
  if (rows.length === 0) return;
  await insertCdrBytes(db, [encoder.encode(rows)]);
}

/**
 * Inserts CDRs already encoded as RowBinary rows in `CDR_COLUMNS` order (by `appendCdr` or
 * `encodeCdrs`), sent as they are, chunk after chunk. Throws when ClickHouse did not accept them; the
 * chunks are not changed, so the same call can be retried.
 */
export async function insertCdrBytes(db: StoreDb, chunks: readonly Buffer[]): Promise<void> {
  if (chunks.length === 0) return;
  const res = await db.ch.exec({
    query: sql`INSERT INTO ${table(db, 'cdr')} (${raw(encoder.columnList)}) FORMAT RowBinary`,
    values: Readable.from(chunks, { objectMode: false }),
  });
  // The answer is empty; reading it to the end hands the socket back to the pool.
  res.stream.resume();
  await new Promise<void>((resolve, reject) => {
    res.stream.once('end', resolve).once('error', reject);
  });
}
