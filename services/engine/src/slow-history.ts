import { RingfenceError } from '@ringfence/common';
import type { SubjectState } from './subject-state.js';

/** The per-number fields a carried record keeps, in the order of a pool row. */
const FIELDS = [
  'pestCallee',
  'pestCalls',
  'pestNights',
  'pestLastSec',
  'slowCallee',
  'slowCalls',
  'slowDays',
  'slowDay',
] as const;
const W = FIELDS.length;

/** Numbers carried across eviction at most, per number stage; the oldest evicted make room. */
export const SLOW_HISTORY_CAP = 65_536;
/** Local days the all-hours repeated-callee counts last past the latest such call. */
export const SLOW_DAYS = 7;
/** Net unanswered calls to one callee (either counter) before a number has history worth carrying. */
const CARRY_CALLS = 3;

/**
 * What evicted numbers had built up towards slow, repeated behaviour (the night and all-hours
 * repeated-callee counters), kept by number so a number that returns within the counters' memory
 * picks up where it left: a harasser quiet for a day or two is not a stranger again. Only numbers
 * with such history are kept (a few integers each, in one shared typed array), at most `cap`.
 */
export class SlowHistory {
  private readonly rows = new Map<string, number>();
  private pool = new Int32Array(64 * W);
  private next = 0;
  private readonly free: number[] = [];

  constructor(readonly cap: number = SLOW_HISTORY_CAP) {}

  get size(): number {
    return this.rows.size;
  }

  /** Keeps an evicted number's counters when they hold anything worth carrying. */
  keep(key: string, s: SubjectState): void {
    if (s.pestCalls < CARRY_CALLS && s.slowCalls < CARRY_CALLS) return;
    let at = this.rows.get(key);
    if (at !== undefined) this.rows.delete(key);
    else if (this.rows.size >= this.cap) {
      // Map order is the order of eviction: the oldest record makes room.
      const [oldest, row] = this.rows.entries().next().value as [string, number];
      this.rows.delete(oldest);
      at = row;
    } else at = this.free.pop() ?? this.grow();
    this.rows.set(key, at);
    const p = this.pool;
    for (let i = 0; i < W; i++) p[at + i] = s[FIELDS[i]!];
  }

  /**
   * Puts a returning number's record (if any) into its fresh state and forgets it here. Counters
   * past their memory at `sec` (local day `day`) are not carried.
   */
  revive(key: string, s: SubjectState, sec: number, day: number, nightMemorySec: number): void {
    const at = this.rows.get(key);
    if (at === undefined) return;
    this.rows.delete(key);
    this.free.push(at);
    const p = this.pool;
    if (sec - p[at + 3]! < nightMemorySec) for (let i = 0; i < 4; i++) s[FIELDS[i]!] = p[at + i]!;
    if (day - p[at + 7]! < SLOW_DAYS) for (let i = 4; i < W; i++) s[FIELDS[i]!] = p[at + i]!;
  }

  /** Drops the records whose counters are all past their memory by event time `sec` (day `day`). */
  expire(sec: number, day: number, nightMemorySec: number): void {
    const p = this.pool;
    for (const [key, at] of this.rows) {
      if (sec - p[at + 3]! >= nightMemorySec && day - p[at + 7]! >= SLOW_DAYS) {
        this.rows.delete(key);
        this.free.push(at);
      }
    }
  }

  private grow(): number {
    if (this.next === this.pool.length) {
      const bigger = new Int32Array(this.pool.length * 2);
      bigger.set(this.pool);
      this.pool = bigger;
    }
    const at = this.next;
    this.next += W;
    return at;
  }

  /** The records for a snapshot: keys, and their rows in the same order. */
  toJSON(): { keys: string[]; rows: string } {
    const keys = [...this.rows.keys()];
    const out = new Int32Array(keys.length * W);
    let i = 0;
    for (const at of this.rows.values()) {
      out.set(this.pool.subarray(at, at + W), i);
      i += W;
    }
    return { keys, rows: Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString('base64') };
  }

  /** Replaces the records with a snapshot's (toJSON's shape). */
  restore(saved: { keys: string[]; rows: string } | undefined): void {
    this.rows.clear();
    this.free.length = 0;
    this.next = 0;
    this.pool = new Int32Array(64 * W);
    if (saved === undefined) return;
    const bytes = Buffer.from(saved.rows, 'base64');
    if (bytes.byteLength !== saved.keys.length * W * 4)
      throw new RingfenceError('INTEGRITY', 'snapshot: carried history does not match its keys');
    const rows = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    saved.keys.forEach((key, k) => {
      const at = this.grow();
      this.pool.set(rows.subarray(k * W, k * W + W), at);
      this.rows.set(key, at);
    });
  }
}
