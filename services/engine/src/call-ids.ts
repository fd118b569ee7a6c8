import { RingfenceError } from '@ringfence/common';
import { fmix } from './hash.js';

const HOUR_SEC = 3600;
/** Setup hours remembered: the 24 h windows, the allowed lateness and a spare hour. */
const HOURS = 26;

/**
 * The call ids the number stage has counted, by the setup hour of their call, for the last 26
 * event-time hours: a CDR sent again (an ingest retry, a second ingest replica, a file replayed
 * twice) is recognised and counts once. Every copy of a CDR has the same caller, so it reaches the
 * same cdr.v1 partition and the same stage: remembering ids per stage is exact under partitioning.
 *
 * Each id is kept as two independent 32-bit hashes: 30 bits as the key of its hour's table and 32 as
 * the value, so two different calls are taken for one only when all 62 bits agree (about once in
 * 10^13 pairs). Two calls of the same hour that share the 30-bit key keep the first; a resend of
 * the second is then counted again (at 150k calls an hour, about 1 call in 7,000 shares a key).
 * Memory: 16 bytes (up to 32 while a table waits for its busiest hour's ids) per distinct CDR of
 * the last 26 setup hours of the stage's input; a CDR older than the ring (26 hours behind the newest setup hour in its slot) is not
 * remembered, and is counted as new.
 */
export class CallIds {
  private readonly hours = new Int32Array(HOURS).fill(-1);
  private readonly seen: HourIds[] = Array.from({ length: HOURS }, () => new HourIds());

  /** Records the call `callId` set up at `sec`; false when it was recorded before (a resend). */
  add(sec: number, callId: string): boolean {
    const hour = Math.floor(sec / HOUR_SEC);
    const slot = hour % HOURS;
    const held = this.hours[slot]!;
    const ids = this.seen[slot]!;
    if (held !== hour) {
      if (held > hour) return true;
      ids.clear();
      this.hours[slot] = hour;
    }
    // FNV-1a and a multiply-rotate hash in one pass, each finished with murmur3's fmix32.
    let a = 0x811c9dc5;
    let b = 0x9e3779b9;
    for (let i = 0; i < callId.length; i++) {
      const c = callId.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul((b ^ c) + ((b << 5) | (b >>> 27)), 0x5bd1e995);
    }
    return ids.add(fmix(a) >>> 2, fmix(b));
  }

  /** Ids remembered (for metrics and tests). */
  get size(): number {
    let n = 0;
    for (const ids of this.seen) n += ids.size;
    return n;
  }

  /** The ring as bytes (for snapshots): per slot its hour, its size, then key/value pairs. */
  toBytes(): Buffer {
    const out = new Int32Array(HOURS * 2 + 2 * this.size);
    let at = 0;
    for (let slot = 0; slot < HOURS; slot++) {
      const ids = this.seen[slot]!;
      out[at++] = this.hours[slot]!;
      out[at++] = ids.size;
      for (let i = 0; i < ids.size; i++) {
        out[at++] = ids.keys[i]!;
        out[at++] = ids.values[i]!;
      }
    }
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  }

  /** Replaces the ring with what toBytes() wrote; INTEGRITY when it does not parse. */
  fromBytes(buf: Uint8Array): void {
    if (buf.byteLength % 4 !== 0) throw new RingfenceError('INTEGRITY', 'call-id ring has the wrong size');
    const words = new Int32Array(buf.byteLength / 4);
    new Uint8Array(words.buffer).set(buf);
    this.clear();
    let at = 0;
    for (let slot = 0; slot < HOURS; slot++) {
      if (at + 2 > words.length) throw new RingfenceError('INTEGRITY', 'call-id ring is truncated');
      this.hours[slot] = words[at++]!;
      const n = words[at++]!;
      if (n < 0 || at + 2 * n > words.length)
        throw new RingfenceError('INTEGRITY', 'call-id ring is truncated');
      const ids = this.seen[slot]!;
      for (let i = 0; i < n; i++) ids.add(words[at++]!, words[at++]!);
    }
    if (at !== words.length) throw new RingfenceError('INTEGRITY', 'call-id ring has trailing bytes');
  }

  clear(): void {
    this.hours.fill(-1);
    for (const ids of this.seen) ids.clear();
  }
}

/**
 * One hour's ids: key/value pairs in insertion order (what a snapshot writes) and an open-addressed
 * index over them. A Map of the same pairs boxed every value above 2^30, rebuilt its table from
 * scratch every hour as it grew again, and left a young-generation collection for each of both;
 * these arrays keep their size from one hour to the next and allocate nothing per call.
 */
class HourIds {
  size = 0;
  keys = new Int32Array(1024);
  values = new Int32Array(1024);
  /** Entry index + 1 per slot, 0 when empty; twice the entries' capacity, so at most half full. */
  private index = new Int32Array(2048);

  /** Adds the pair unless the key is there; false when the key is there with this value (a resend). */
  add(key: number, value: number): boolean {
    const mask = this.index.length - 1;
    let at = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const e = this.index[at]!;
      if (e === 0) break;
      if (this.keys[e - 1] === key) return this.values[e - 1] !== value;
      at = (at + 1) & mask;
    }
    if (this.size === this.keys.length) {
      this.grow();
      return this.add(key, value);
    }
    this.keys[this.size] = key;
    this.values[this.size] = value;
    this.index[at] = ++this.size;
    return true;
  }

  clear(): void {
    if (this.size === 0) return;
    this.size = 0;
    this.index.fill(0);
  }

  private grow(): void {
    const cap = this.keys.length * 2;
    const keys = new Int32Array(cap);
    keys.set(this.keys);
    const values = new Int32Array(cap);
    values.set(this.values);
    this.keys = keys;
    this.values = values;
    this.index = new Int32Array(cap * 2);
    const mask = this.index.length - 1;
    for (let e = 0; e < this.size; e++) {
      let at = (Math.imul(keys[e]!, 0x9e3779b1) >>> 0) & mask;
      while (this.index[at] !== 0) at = (at + 1) & mask;
      this.index[at] = e + 1;
    }
  }
}
