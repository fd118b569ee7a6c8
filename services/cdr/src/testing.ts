/** Deterministic synthetic CDRs for tests and the benchmark (not the product generator). */
import { seededRandom } from '@ringfence/common/testing';

export const BASE_TIME_MS = Date.parse('2026-11-25T08:00:00+08:00');

/** A valid CDR object in the input format, with field values derived from `i`. */
export function cdrObject(i: number, random: () => number = seededRandom(i)): Record<string, unknown> {
  const setup = BASE_TIME_MS + i * 10;
  const answered = random() < 0.6;
  const duration = Math.floor(random() * 300_000);
  const subscriber = (n: number): string => `138${String(10_000_000 + (n % 50_000)).slice(0, 8)}`;
  return {
    call_id: `call-${i}`,
    switch_id: `sw${i % 4}`,
    setup_time: setup,
    answer_time: answered ? setup + 3_000 : null,
    release_time: setup + 3_000 + duration,
    calling: subscriber(Math.floor(random() * 50_000)),
    called: `+86 139 ${String(1000 + Math.floor(random() * 9000))} ${String(1000 + Math.floor(random() * 9000))}`,
    ingress_trunk: `TRK${i % 16}`,
    ingress_carrier: i % 3 === 0 ? 'ON-NET' : 'CARRIER-B',
    egress_trunk: 'EG1',
    release_cause: answered ? 16 : 19,
    media: 'audio',
    attestation: 'A',
    origid: `orig${i % 7}`,
    device_id: `3569${String(i % 100_000).padStart(11, '0')}`,
    cell_id: `cell-${i % 500}`,
  };
}

/** `n` valid CDRs as JSONL text. */
export function cdrJsonl(n: number, from = 0): string {
  const random = seededRandom(42 + from);
  let out = '';
  for (let i = from; i < from + n; i++) out += `${JSON.stringify(cdrObject(i, random))}\n`;
  return out;
}

export const CDR_COLUMNS = Object.keys(cdrObject(0));

/** `n` valid CDRs as CSV with a header. */
export function cdrCsv(n: number, from = 0): string {
  const random = seededRandom(7 + from);
  let out = `${CDR_COLUMNS.join(',')}\n`;
  for (let i = from; i < from + n; i++) {
    const o = cdrObject(i, random);
    out += `${CDR_COLUMNS.map((c) => csvCell(o[c])).join(',')}\n`;
  }
  return out;
}

/** One CSV cell, quoted when it needs to be. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
