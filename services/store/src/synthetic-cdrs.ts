import { sql } from '@ringfence/common';
import { table, type StoreDb } from './store-db.js';

/** Options for `fillSyntheticCdrs`. */
export interface SyntheticCdrOptions {
  /** How many CDRs to generate. */
  rows: number;
  /** Setup times spread over `days` days from here (epoch ms, whole seconds). */
  startMs: number;
  days: number;
  /** Rows per INSERT ... SELECT: one 10M-row statement can outlast any sane request timeout. */
  chunkRows?: number;
  /** Told the number of rows generated after each chunk. */
  onProgress?: (rowsDone: number) => void;
}

const HEAVY_PREFIX = '+86130000000';
const HEAVY_CALLERS = 50;

/**
 * The i-th (0..49) heavy caller of the synthetic traffic: 1% of all CDRs spread over 50 numbers
 * (about 2k calls each per 10M), all over `trunk-evil` / `CARRIER-EVIL` with attestation C.
 */
export function syntheticHeavyCaller(i: number): string {
  return `${HEAVY_PREFIX}${10 + (Math.abs(Math.trunc(i)) % HEAVY_CALLERS)}`;
}

/**
 * Fills the `cdr` table (and through it the hourly views) with deterministic synthetic CDRs, generated
 * server-side with INSERT ... SELECT from system.numbers, for benchmarks: 1M ordinary callers, 50 heavy
 * ones (`syntheticHeavyCaller`), 5M callees, 40 trunks, 10 carriers, 400k devices on half the calls, a
 * quarter of calls unanswered, `call_id` = `g-<n>`. Never used on production data.
 */
export async function fillSyntheticCdrs(db: StoreDb, options: SyntheticCdrOptions): Promise<void> {
  const chunk = Math.max(1, options.chunkRows ?? 2_000_000);
  const startS = Math.floor(options.startMs / 1000);
  const spanS = Math.max(1, Math.round(options.days * 86_400));
  for (let start = 0; start < options.rows; start += chunk) {
    const end = Math.min(options.rows, start + chunk);
    await db.ch.command({
      query: sql`INSERT INTO ${table(db, 'cdr')}
SELECT
  concat('g-', toString(number)) AS call_id,
  concat('sw', toString(number % 4)) AS switch_id,
  toDateTime(${startS} + (number * 7919) % ${spanS}) AS setup_time,
  toUInt64(setup_time) * 1000 + number % 1000 AS setup_ms,
  if(number % 4 = 0, toUInt64(0), setup_ms + 5000) AS answer_ms,
  setup_ms + 5000 + (number % 300) * 1000 AS release_ms,
  toUInt8(number % 4 != 0) AS answered,
  toUInt64(if(answered = 1, release_ms - answer_ms, 0)) AS duration_ms,
  if(number % 100 = 0, concat(${HEAVY_PREFIX}, toString(10 + intDiv(number, 100) % ${HEAVY_CALLERS})),
     concat('+86138', toString(10000000 + cityHash64(number) % 1000000))) AS calling,
  calling AS calling_raw,
  toUInt8(1) AS calling_valid,
  concat('+86139', toString(10000000 + cityHash64(number, 1) % 5000000)) AS called,
  called AS called_raw,
  if(number % 100 = 0, '+8613999999999', '') AS asserted,
  if(number % 100 = 0, 'trunk-evil', concat('trunk-', toString(number % 40))) AS ingress_trunk,
  if(number % 100 = 0, 'CARRIER-EVIL', if(number % 2 = 0, 'ON-NET', concat('CARRIER-', toString(number % 9)))) AS ingress_carrier,
  '' AS egress_trunk,
  toUInt16(16) AS release_cause,
  'audio' AS media,
  if(number % 100 = 0, 'C', 'B') AS attestation,
  '' AS origid,
  if(number % 2 = 0, concat('35', toString(1000000000000 + number % 400000)), '') AS device_id,
  concat('cell-', toString(number % 900)) AS cell_id,
  toUInt64(1764000000000) AS ingest_ms
FROM (SELECT number + ${start} AS number FROM system.numbers LIMIT ${end - start})`,
    });
    options.onProgress?.(end);
  }
}
