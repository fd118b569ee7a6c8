import { z } from 'zod';
import { sql } from '@ringfence/common';
import { col, rows, table, type StoreDb } from './store-db.js';

/*
 * The main job's status panel: what this run stored, and what is flagged now.
 */

/** The event-time span and count of the CDRs stored since `sinceIngestMs`, or undefined before the first. */
export async function storedSince(
  db: StoreDb,
  sinceIngestMs: number,
): Promise<{ fromMs: number; toMs: number; cdrs: number } | undefined> {
  const [r] = await rows(
    db,
    sql`SELECT min(setup_ms) AS lo, max(setup_ms) AS hi, count() AS n
FROM ${table(db, 'cdr')} WHERE ingest_ms >= ${sinceIngestMs}`,
    z.object({ lo: col.num, hi: col.num, n: col.num }),
  );
  return r === undefined || r.n === 0 ? undefined : { fromMs: r.lo, toMs: r.hi, cdrs: r.n };
}

/** Subjects flagged now by the console's definition: latest verdict above NONE and not withdrawn. */
export async function flaggedCounts(
  db: StoreDb,
): Promise<{ numbers: number; numbersHigh: number; sources: number }> {
  const r = await rows(
    db,
    sql`SELECT k, count() AS n, countIf(lvl = 'HIGH') AS high FROM (
  SELECT toString(kind) AS k, id, toString(argMax(level, updated_ms)) AS lvl, argMax(tombstone, updated_ms) AS tomb
  FROM ${table(db, 'risk_changes')} FINAL GROUP BY kind, id
) WHERE tomb = 0 AND lvl != 'NONE' GROUP BY k`,
    z.object({ k: col.str, n: col.num, high: col.num }),
  );
  let numbers = 0;
  let numbersHigh = 0;
  let sources = 0;
  for (const x of r) {
    if (x.k === 'number') {
      numbers += x.n;
      numbersHigh += x.high;
    } else sources += x.n;
  }
  return { numbers, numbersHigh, sources };
}
