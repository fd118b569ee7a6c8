import {
  F_ANSWERED,
  F_ASSERTED_MISMATCH,
  F_ATTESTATION_A,
  F_ATTESTATION_C,
  F_ATTESTATION_NONE,
  F_INVALID,
  F_NEIGHBOUR,
  F_NIGHT,
  F_ONE_RING,
  F_ONNET_OUTSIDE,
  F_REJECTED,
  F_REPEAT_AFTER_REJECT,
  F_SEQUENTIAL,
  F_SHORT,
  F_VIDEO,
} from './call-flags.js';
import { FEATURE_INDEX as FI } from './features.js';
import { HLL_REGISTERS, hllAdd, hllEstimate4 } from './hll.js';

/** 24h window: 96 buckets of 15 minutes. */
export const Q_SEC = 900;
export const Q_BUCKETS = 96;
/** 1h window (and its last 10 minutes): 60 buckets of 1 minute. */
export const M_SEC = 60;
export const M_BUCKETS = 60;
/** Distinct-count sketches rotate in 4 generations of 6 hours (they cover the last 18-24h). */
export const G_SEC = 21_600;
export const G_GENS = 4;
export const DIMS = 5; // callees, callee blocks, callee regions, callers, suspect callers
export const TOP = 8; // exact per-callee counters (space-saving)

// Counter slots per 15-minute bucket.
const C_ATT = 0;
const C_ANS = 1;
const C_SHORT = 2;
const C_ONE_RING = 3;
const C_TALK = 4;
const C_NIGHT = 5;
const C_SEQ = 6;
const C_REPEAT = 7;
const C_ONNET = 8;
const C_ATT_C = 9;
const C_ATT_A = 10;
const C_ASSERTED = 11;
const C_NEIGHBOUR = 12;
const C_VIDEO = 13;
const C_INVALID = 14;
/** Calls through the number's first and second trunk and its first device (see SubjectState). */
export const C_T0 = 15;
const C_ATT_NONE = 16;
export const C_T1 = 17;
export const C_D0 = 18;
export const K = 19;
/** Bits of record()'s `slots`: which of the number's remembered sources the call went through. */
export const SLOT_T0 = 1;
export const SLOT_T1 = 2;
export const SLOT_D0 = 4;

const FLAG_SLOTS: readonly (readonly [number, number])[] = [
  [F_ANSWERED, C_ANS],
  [F_SHORT, C_SHORT],
  [F_ONE_RING, C_ONE_RING],
  [F_NIGHT, C_NIGHT],
  [F_SEQUENTIAL, C_SEQ],
  [F_REPEAT_AFTER_REJECT, C_REPEAT],
  [F_ONNET_OUTSIDE, C_ONNET],
  [F_ATTESTATION_C, C_ATT_C],
  [F_ATTESTATION_A, C_ATT_A],
  [F_ASSERTED_MISMATCH, C_ASSERTED],
  [F_NEIGHBOUR, C_NEIGHBOUR],
  [F_VIDEO, C_VIDEO],
  [F_INVALID, C_INVALID],
  [F_ATTESTATION_NONE, C_ATT_NONE],
];
/** Bytes of all of a RichState's arrays, laid out widest element first so every view is aligned. */
export const RICH_BYTES =
  Math.ceil(
    (K * 8 +
      Q_BUCKETS * K * 4 +
      4 * TOP * 4 +
      M_BUCKETS * 2 +
      TOP * 2 +
      G_GENS * DIMS * HLL_REGISTERS +
      TOP) /
      8,
  ) * 8;
const FLAG_BITS = Int32Array.from(FLAG_SLOTS, (p) => p[0]);
const FLAG_SLOT = Int32Array.from(FLAG_SLOTS, (p) => p[1]);
/** Counter slot per flag bit (by bit index), so record() visits only the bits that are set. */
const SLOT_OF_BIT = new Int8Array(32).fill(-1);
let FLAG_MASK = 0;
for (const [bit, slot] of FLAG_SLOTS) {
  SLOT_OF_BIT[31 - Math.clz32(bit)] = slot;
  FLAG_MASK |= bit;
}

/**
 * Windowed state of a busy subject: bucketed ring buffers in typed arrays, kept with running
 * totals so a feature read never sums the whole window. Windows move by the subject's own latest
 * event time, so the same per-subject event order always gives the same numbers.
 */
export class RichState {
  // All windows share one buffer: one backing-store allocation per promoted subject instead of
  // one per array (snapshot reads may still replace them with arrays of their own).
  qTotal: Float64Array;
  q: Uint32Array;
  qNow = -1;
  m: Uint16Array;
  mTotal = 0;
  mNow = -1;
  sk: Uint8Array;
  gNow = -1;
  topHash: Int32Array;
  topCount: Uint16Array;
  topLast: Int32Array;
  /**
   * Per callee in the table: bit 0, its latest call was rejected or unanswered; bits 1-7, the
   * longest answered call to it in whole minutes (at most 127), while its run of calls lasts.
   */
  topMarks: Uint8Array;
  /** Exact recent callers while they are few (devices: numbers per handset), HLL beyond. */
  callerHash: Int32Array;
  callerLast: Int32Array;
  lastCallee = 0;
  baseHour = -1;
  baseHourCalls = 0;
  baseline = 0;
  /** Calls dropped because their bucket had already left the window. */
  tooLate = 0;

  /**
   * @param region - RICH_BYTES of zeroed memory for all the arrays, from the stage's StateMemory
   *   (which takes it back when the subject is evicted).
   */
  constructor(readonly region: Uint8Array) {
    const buf = region.buffer;
    let off = region.byteOffset;
    this.qTotal = new Float64Array(buf, off, K);
    off += K * 8;
    this.q = new Uint32Array(buf, off, Q_BUCKETS * K);
    off += Q_BUCKETS * K * 4;
    this.topHash = new Int32Array(buf, off, TOP);
    off += TOP * 4;
    this.topLast = new Int32Array(buf, off, TOP);
    off += TOP * 4;
    this.callerHash = new Int32Array(buf, off, TOP);
    off += TOP * 4;
    this.callerLast = new Int32Array(buf, off, TOP);
    off += TOP * 4;
    this.m = new Uint16Array(buf, off, M_BUCKETS);
    off += M_BUCKETS * 2;
    this.topCount = new Uint16Array(buf, off, TOP);
    off += TOP * 2;
    this.sk = new Uint8Array(buf, off, G_GENS * DIMS * HLL_REGISTERS);
    off += G_GENS * DIMS * HLL_REGISTERS;
    this.topMarks = new Uint8Array(buf, off, TOP);
  }

  /** Below this second (the next minute boundary) advance() has nothing to do; every window boundary is a minute's. */
  private until = -1;

  /** Moves the windows forward to `sec`; returns true when a 15-minute bucket boundary was crossed. */
  advance(sec: number): boolean {
    if (sec < this.until) return false;
    const qi = Math.floor(sec / Q_SEC);
    let crossed = false;
    if (qi > this.qNow) {
      crossed = true;
      const from = this.qNow < 0 || qi - this.qNow > Q_BUCKETS ? qi - Q_BUCKETS + 1 : this.qNow + 1;
      for (let i = from; i <= qi; i++) {
        const base = (i % Q_BUCKETS) * K;
        for (let c = 0; c < K; c++) {
          // Empty buckets (most, for a fresh state) are only read: no write, no dirtied memory.
          const v = this.q[base + c]!;
          if (v !== 0) {
            this.qTotal[c]! -= v;
            this.q[base + c] = 0;
          }
        }
      }
      this.qNow = qi;
    }
    const mi = Math.floor(sec / M_SEC);
    if (mi > this.mNow) {
      const from = this.mNow < 0 || mi - this.mNow > M_BUCKETS ? mi - M_BUCKETS + 1 : this.mNow + 1;
      for (let i = from; i <= mi; i++) {
        const s = i % M_BUCKETS;
        this.mTotal -= this.m[s]!;
        this.m[s] = 0;
      }
      this.mNow = mi;
    }
    const gi = Math.floor(sec / G_SEC);
    if (gi > this.gNow) {
      const from = this.gNow < 0 || gi - this.gNow > G_GENS ? gi - G_GENS + 1 : this.gNow + 1;
      for (let i = from; i <= gi; i++) {
        const off = (i % G_GENS) * DIMS * HLL_REGISTERS;
        this.sk.fill(0, off, off + DIMS * HLL_REGISTERS);
      }
      this.gNow = gi;
    }
    const hour = Math.floor(sec / 3600);
    if (hour > this.baseHour) {
      if (this.baseHour >= 0) {
        // Exponentially weighted hourly rate: the number's own baseline for burst detection.
        const gap = Math.min(hour - this.baseHour, 200);
        this.baseline = (this.baseline * 0.9 + this.baseHourCalls * 0.1) * 0.9 ** (gap - 1);
      }
      this.baseHour = hour;
      this.baseHourCalls = 0;
    }
    this.until = (this.mNow + 1) * M_SEC;
    return crossed;
  }

  /** Sequential-dialing and repeat-after-rejection facts for a call by this caller (before recording it). */
  callerContext(sec: number, calleeNum: number, calleeHash: number, distance: number): number {
    let flags = 0;
    const d = Math.abs(calleeNum - this.lastCallee);
    if (calleeNum > 0 && this.lastCallee > 0 && d > 0 && d <= distance) flags |= F_SEQUENTIAL;
    if (calleeNum > 0) this.lastCallee = calleeNum;
    for (let i = 0; i < TOP; i++) {
      if (this.topCount[i]! > 0 && this.topHash[i] === calleeHash && sec - this.topLast[i]! < 86_400) {
        if ((this.topMarks[i]! & 1) === 1) flags |= F_REPEAT_AFTER_REJECT;
        break;
      }
    }
    return flags;
  }

  /** Adds one call (or complaint when `complaint`) at `sec`; returns false when it was too late for its bucket. */
  record(
    sec: number,
    flags: number,
    talkSec: number,
    hashes: readonly number[],
    trackCallee: boolean,
    slots = 0,
  ): boolean {
    const qi = Math.floor(sec / Q_SEC);
    if (qi <= this.qNow - Q_BUCKETS) {
      this.tooLate++;
      return false;
    }
    const base = (qi % Q_BUCKETS) * K;
    const q = this.q;
    const total = this.qTotal;
    q[base + C_ATT]! += 1;
    total[C_ATT]! += 1;
    for (let f = flags & FLAG_MASK; f !== 0;) {
      const low = f & -f;
      const slot = SLOT_OF_BIT[31 - Math.clz32(low)]!;
      q[base + slot]! += 1;
      total[slot]! += 1;
      f ^= low;
    }
    if (talkSec > 0) {
      const t = Math.min(Math.round(talkSec), 86_400);
      this.q[base + C_TALK]! += t;
      this.qTotal[C_TALK]! += t;
    }
    if (slots !== 0) {
      if ((slots & SLOT_T0) !== 0) this.add(base, C_T0, 1);
      if ((slots & SLOT_T1) !== 0) this.add(base, C_T1, 1);
      if ((slots & SLOT_D0) !== 0) this.add(base, C_D0, 1);
    }
    const mi = Math.floor(sec / M_SEC);
    if (mi > this.mNow - M_BUCKETS) {
      const s = mi % M_BUCKETS;
      if (this.m[s]! < 65_535) {
        this.m[s]! += 1;
        this.mTotal += 1;
      }
    }
    const gi = Math.floor(sec / G_SEC);
    if (gi > this.gNow - G_GENS) {
      const off = (gi % G_GENS) * DIMS * HLL_REGISTERS;
      for (let d = 0; d < DIMS; d++) {
        const h = hashes[d]!;
        if (h !== 0) hllAdd(this.sk, off + d * HLL_REGISTERS, h);
      }
    }
    if (Math.floor(sec / 3600) === this.baseHour) this.baseHourCalls++;
    if (hashes[3] !== undefined && hashes[3] !== 0) this.trackCaller(sec, hashes[3]);
    if (trackCallee) this.trackCallee(sec, hashes[0]!, (flags & F_REJECTED) !== 0, talkSec);
    return true;
  }

  private add(base: number, slot: number, n: number): void {
    this.q[base + slot]! += n;
    this.qTotal[slot]! += n;
  }

  /**
   * Carries the tiny state's lifetime counts into a freshly promoted state, in the bucket of the
   * first call (or the window's oldest), so ratios keep the calls made before promotion.
   */
  seed(firstSec: number, t: SubjectState, calls: number): void {
    if (calls <= 0) return;
    const qi = Math.max(Math.floor(firstSec / Q_SEC), this.qNow - Q_BUCKETS + 1);
    const base = (qi % Q_BUCKETS) * K;
    this.add(base, C_ATT, calls);
    this.add(base, C_ANS, t.answered);
    this.add(base, C_ATT_C, t.attC);
    this.add(base, C_ATT_NONE, t.attNone);
    this.add(base, C_ATT_A, t.attA);
    this.add(base, C_VIDEO, t.video);
    this.add(base, C_TALK, t.talk);
    this.add(base, C_T0, t.nT0);
    this.add(base, C_T1, t.nT1);
    this.add(base, C_D0, t.nD0);
  }

  /**
   * Carries a tiny source's pending counts (every counter, kept in a SeedPool while the source had
   * one caller) into a freshly promoted state, in the bucket and minute of its latest call, with
   * its one caller in the caller sketches at that time: a source promoted earlier or later (its
   * observations arrive in any order across partitions) ends with the same totals.
   */
  seedCounts(counts: Uint32Array, at: number, lastSec: number, caller: number, suspectSec: number): void {
    if (counts[at + C_ATT] === 0) return;
    const qi = Math.floor(lastSec / Q_SEC);
    if (qi > this.qNow - Q_BUCKETS) {
      const base = (qi % Q_BUCKETS) * K;
      for (let c = 0; c < K; c++) {
        const n = counts[at + c]!;
        if (n !== 0) this.add(base, c, n);
      }
    }
    const mi = Math.floor(lastSec / M_SEC);
    if (mi > this.mNow - M_BUCKETS) {
      const n = Math.min(counts[at + C_ATT]!, 65_535 - this.m[mi % M_BUCKETS]!);
      this.m[mi % M_BUCKETS]! += n;
      this.mTotal += n;
    }
    if (caller !== 0) {
      this.trackCaller(lastSec, caller);
      this.sketch(lastSec, 3, caller);
      if (suspectSec > 0) this.sketch(suspectSec, 4, caller);
    }
  }

  private sketch(sec: number, dim: number, hash: number): void {
    const gi = Math.floor(sec / G_SEC);
    if (gi > this.gNow - G_GENS)
      hllAdd(this.sk, (gi % G_GENS) * DIMS * HLL_REGISTERS + dim * HLL_REGISTERS, hash);
  }

  /** Answered calls in the 24h window. */
  get answered(): number {
    return this.qTotal[C_ANS]!;
  }

  /** Calls in the 24h window through one of the number's remembered sources (C_T0, C_T1, C_D0). */
  slotCalls(slot: number): number {
    return this.qTotal[slot]!;
  }

  private trackCaller(sec: number, hash: number): void {
    let victim = 0;
    for (let i = 0; i < TOP; i++) {
      if (this.callerHash[i] === hash && this.callerLast[i] !== 0) {
        if (sec > this.callerLast[i]!) this.callerLast[i] = sec;
        return;
      }
      if (this.callerLast[i]! < this.callerLast[victim]!) victim = i;
    }
    this.callerHash[victim] = hash;
    this.callerLast[victim] = sec;
  }

  private exactCallers(nowSec: number): number {
    let n = 0;
    for (let i = 0; i < TOP; i++) if (this.callerLast[i] !== 0 && nowSec - this.callerLast[i]! < 86_400) n++;
    return n;
  }

  private trackCallee(sec: number, hash: number, rejected: boolean, talkSec: number): void {
    const minutes = Math.min(Math.floor(talkSec / 60), 127);
    let victim = 0;
    for (let i = 0; i < TOP; i++) {
      if (this.topCount[i]! > 0 && this.topHash[i] === hash && sec - this.topLast[i]! < 86_400) {
        if (this.topCount[i]! < 65_535) this.topCount[i]! += 1;
        this.topLast[i] = Math.max(this.topLast[i]!, sec);
        this.topMarks[i] = (Math.max(this.topMarks[i]! >>> 1, minutes) << 1) | (rejected ? 1 : 0);
        return;
      }
      const stale = this.topCount[i] === 0 || sec - this.topLast[i]! >= 86_400;
      const vStale = this.topCount[victim] === 0 || sec - this.topLast[victim]! >= 86_400;
      if (stale && !vStale) victim = i;
      else if (stale === vStale && this.topCount[i]! < this.topCount[victim]!) victim = i;
    }
    // The least-called slot makes room; counts never carry over, so the maximum is never overstated.
    this.topHash[victim] = hash;
    this.topCount[victim] = 1;
    this.topLast[victim] = sec;
    this.topMarks[victim] = (minutes << 1) | (rejected ? 1 : 0);
  }

  private distinct(dim: number): number {
    let n = 0;
    let o0 = 0;
    let o1 = 0;
    let o2 = 0;
    let o3 = 0;
    for (let g = this.gNow - G_GENS + 1; g <= this.gNow; g++) {
      if (g < 0) continue;
      const off = (g % G_GENS) * DIMS * HLL_REGISTERS + dim * HLL_REGISTERS;
      if (n === 0) o0 = off;
      else if (n === 1) o1 = off;
      else if (n === 2) o2 = off;
      else o3 = off;
      n++;
    }
    return hllEstimate4(this.sk, n, o0, o1, o2, o3);
  }

  /** Fills the windowed part of the feature vector. */
  features(out: Float64Array, nowSec: number): void {
    const t = this.qTotal;
    const att = t[C_ATT]!;
    const ans = t[C_ANS]!;
    let m10 = 0;
    const mi = Math.floor(nowSec / M_SEC);
    for (let i = Math.max(mi - 9, this.mNow - M_BUCKETS + 1); i <= Math.min(mi, this.mNow); i++) {
      m10 += this.m[i % M_BUCKETS]!;
    }
    out[FI.attempts_10m] = m10;
    out[FI.attempts_1h] = this.mTotal;
    out[FI.attempts_24h] = att;
    out[FI.burst_ratio] = this.mTotal / Math.max(this.baseline, 1);
    const callees = Math.min(this.distinct(0), att);
    const blocks = Math.min(this.distinct(1), callees);
    out[FI.distinct_callees_24h] = callees;
    out[FI.distinct_ratio] = att > 0 ? callees / att : 0;
    out[FI.distinct_blocks_24h] = blocks;
    out[FI.callees_per_block] = blocks > 0 ? callees / blocks : 0;
    out[FI.distinct_regions_24h] = Math.min(this.distinct(2), blocks);
    out[FI.answer_ratio] = att > 0 ? ans / att : 0;
    out[FI.short_ratio] = ans > 0 ? t[C_SHORT]! / ans : 0;
    out[FI.mean_talk_s] = ans > 0 ? t[C_TALK]! / ans : 0;
    out[FI.one_ring_ratio] = att > 0 ? t[C_ONE_RING]! / att : 0;
    out[FI.sequential_ratio] = att > 1 ? t[C_SEQ]! / (att - 1) : 0;
    let maxOne = 0;
    let talkMin = 0;
    for (let i = 0; i < TOP; i++) {
      if (nowSec - this.topLast[i]! >= 86_400) continue;
      const n = this.topCount[i]!;
      const mins = this.topMarks[i]! >>> 1;
      // Of callees rung equally often, the one talked with longest: the doubt goes to the caller.
      if (n > maxOne || (n === maxOne && mins > talkMin)) {
        maxOne = n;
        talkMin = mins;
      }
    }
    out[FI.max_calls_one_callee] = maxOne;
    out[FI.top_callee_talk_s] = talkMin * 60;
    out[FI.repeat_after_reject] = t[C_REPEAT]!;
    out[FI.night_share] = att > 0 ? t[C_NIGHT]! / att : 0;
    out[FI.invalid_share] = att > 0 ? t[C_INVALID]! / att : 0;
    out[FI.onnet_outside_share] = att > 0 ? t[C_ONNET]! / att : 0;
    out[FI.attestation_c_share] = att > 0 ? t[C_ATT_C]! / att : 0;
    out[FI.attestation_a_share] = att > 0 ? t[C_ATT_A]! / att : 0;
    out[FI.asserted_mismatch_share] = att > 0 ? t[C_ASSERTED]! / att : 0;
    out[FI.neighbour_share] = att > 0 ? t[C_NEIGHBOUR]! / att : 0;
    out[FI.video_share] = att > 0 ? t[C_VIDEO]! / att : 0;
    out[FI.attestation_none_share] = att > 0 ? t[C_ATT_NONE]! / att : 0;
    out[FI.distinct_suspect_callers_24h] = Math.min(this.distinct(4), att);
    // Few callers are counted exactly (a sketch of 64 registers is coarse below ~10).
    const exact = this.exactCallers(nowSec);
    const callers = exact < TOP ? exact : Math.max(TOP, Math.min(this.distinct(3), att));
    out[FI.distinct_callers_24h] = callers;
    out[FI.calls_per_caller] = callers > 0 ? att / callers : 0;
  }
}

/** Counts one call into the pending row at `at` of `rows`, as record() counts it into a bucket. */
export function countPending(rows: Uint32Array, at: number, flags: number, talkSec: number): void {
  rows[at + C_ATT]! += 1;
  for (let i = 0; i < FLAG_BITS.length; i++)
    if ((flags & FLAG_BITS[i]!) !== 0) rows[at + FLAG_SLOT[i]!]! += 1;
  if (talkSec > 0) rows[at + C_TALK]! += Math.min(Math.round(talkSec), 86_400);
}

/** Most complaint times a subject keeps (the latest ones); enough for every complaint threshold. */
export const COMPLAINT_TIMES = 8;

/**
 * Every tracked subject starts tiny (a handful of small integers, well under 512 bytes with its
 * map entry) and gets a RichState only when it becomes busy or suspicious.
 */
export class SubjectState {
  firstSec: number;
  lastSec: number;
  calls = 0;
  hour = -1;
  hourCalls = 0;
  complaints = 0;
  lastCaller = 0;
  sinceEval = 0;
  /**
   * Lifetime counts for the tiny state's few features (carried into the windows on promotion);
   * numbers go on counting `answered` once promoted, for the complaint rate.
   */
  attC = 0;
  attNone = 0;
  attA = 0;
  answered = 0;
  video = 0;
  talk = 0;
  /**
   * Numbers: the first two trunks and the first device their calls came through ('' while none), and
   * the calls through each (lifetime while tiny, windowed once promoted). Whether those sources are
   * tainted is looked up when the number is scored, so the verdict does not depend on when the
   * source stage flagged them relative to the calls.
   */
  trunk0 = '';
  trunk1 = '';
  device0 = '';
  nT0 = 0;
  nT1 = 0;
  nD0 = 0;
  /**
   * Numbers: the callee most often rung unanswered at night (one-counter Misra-Gries over those
   * calls), how many such calls it got, on how many separate nights, and the latest one. Kept for
   * as long as the number is tracked, so harassment a few calls a night adds up across nights.
   */
  pestCallee = 0;
  pestCalls = 0;
  /** Numbers: the latest callee, and how many calls went to the same callee as the call before. */
  lastCallee = 0;
  calleeRepeats = 0;
  /**
   * Numbers: the number blocks their callees are in, one bit per block (its hash modulo
   * BLOCK_BITS): which of a campaign's target blocks a would-be member dialled.
   */
  calleeBlocks = 0;
  pestNights = 0;
  pestLastSec = 0;
  /**
   * Numbers: the callee rung most often unanswered at any hour (one-counter Misra-Gries, like the
   * night one), its calls, and the local days it was rung on: bit i of `slowDays` is day `slowDay` - i.
   * A low-resolution window of a week, so a few calls a day to one person add up across days.
   */
  slowCallee = 0;
  slowCalls = 0;
  slowDays = 0;
  slowDay = 0;
  /** Latest complaint times (seconds, ascending), apart from the call windows: complaints commute with calls. */
  complaintSecs: number[] | null = null;
  /** Who made each of `complaintSecs` (a hash of the reporter's number, 0 when unknown), same order. */
  complaintBy: number[] | null = null;
  /** Tiny sources: offset of their pending counts (-1: none), their latest call, and its latest suspect one. */
  pending = -1;
  pendingSec = 0;
  suspectSec = 0;
  rich: RichState | null = null;

  constructor(sec: number) {
    this.firstSec = sec;
    this.lastSec = sec;
  }

  /** Complaints within 24 h before `nowSec`. */
  complaintsWithin(nowSec: number): number {
    const c = this.complaintSecs;
    if (c === null) return 0;
    let n = 0;
    for (let i = 0; i < c.length; i++) if (nowSec - c[i]! < 86_400) n++;
    return n;
  }

  addComplaint(sec: number, reporter: number): void {
    this.complaints++;
    const c = (this.complaintSecs ??= []);
    const by = (this.complaintBy ??= []);
    let i = c.length;
    // Equal times are ordered by reporter, so the kept set does not depend on arrival order.
    while (i > 0 && (c[i - 1]! > sec || (c[i - 1] === sec && by[i - 1]! > reporter))) i--;
    c.splice(i, 0, sec);
    by.splice(i, 0, reporter);
    if (c.length > COMPLAINT_TIMES) {
      c.shift();
      by.shift();
    }
  }

  /**
   * Distinct people among the kept complaints: one upset person reporting many times is one voice.
   * An unknown reporter (0) counts as one more.
   */
  complaintReporters(): number {
    const by = this.complaintBy;
    if (by === null) return 0;
    let n = 0;
    for (let i = 0; i < by.length; i++) {
      const r = by[i]!;
      if (r === 0 || by.indexOf(r) === i) n++;
    }
    return n;
  }
}
