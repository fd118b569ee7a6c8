import { RingfenceError } from '@ringfence/common';

const DAY_SEC = 86_400;
const BITS = 1 << 23;
const WORDS = BITS >>> 5;
const MASK = BITS - 1;

/**
 * Which numbers received any call on this event-time day or the day before: a Bloom filter (three
 * bits a number, 8 Mbit) per day, two days kept, 2 MB in all. "Never called" is evidence of a
 * made-up caller id, and it needs a test for zero that a count sketch cannot give: with thousands
 * of callees an hour, a count-min sketch over a day gives most unknown numbers a phantom call. A
 * Bloom filter's false "called" stays below one in a million up to about 40k callees a day and one
 * in ten at 2M, and, like the sketch, it only errs towards not implicating.
 */
export class CalleeFilter {
  private readonly days = new Int32Array(2).fill(-1);
  private readonly bits = new Uint32Array(2 * WORDS);

  /** Records a call received by the number whose hashString is `numberHash`, at event time `sec`. */
  add(sec: number, numberHash: number): void {
    const day = Math.floor(sec / DAY_SEC);
    const g = day & 1;
    const held = this.days[g]!;
    if (held !== day) {
      // Two days behind the newest day in this generation: outside the filter's span, dropped.
      if (held > day) return;
      this.bits.fill(0, g * WORDS, (g + 1) * WORDS);
      this.days[g] = day;
    }
    const base = g * WORDS;
    let h = numberHash;
    for (let k = 0; k < 3; k++) {
      const bit = h & MASK;
      this.bits[base + (bit >>> 5)]! |= 1 << (bit & 31);
      h = Math.imul(h ^ (h >>> 15), 0x9e3779b1) >>> 0;
    }
  }

  /** True when the number received a call on the day of `sec` or the day before (or a false positive). */
  has(sec: number, numberHash: number): boolean {
    const day = Math.floor(sec / DAY_SEC);
    for (let g = 0; g < 2; g++) {
      const held = this.days[g]!;
      if (held !== day && held !== day - 1) continue;
      const base = g * WORDS;
      let h = numberHash;
      let all = true;
      for (let k = 0; k < 3 && all; k++) {
        const bit = h & MASK;
        all = (this.bits[base + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;
        h = Math.imul(h ^ (h >>> 15), 0x9e3779b1) >>> 0;
      }
      if (all) return true;
    }
    return false;
  }

  /** The filter as bytes (for snapshots). */
  toBytes(): Buffer {
    const out = Buffer.allocUnsafe(8 + this.bits.byteLength);
    out.set(new Uint8Array(this.days.buffer), 0);
    out.set(new Uint8Array(this.bits.buffer), 8);
    return out;
  }

  /** Replaces the filter with what toBytes() wrote; INTEGRITY when the size does not match. */
  fromBytes(buf: Uint8Array): void {
    if (buf.byteLength !== 8 + this.bits.byteLength) {
      throw new RingfenceError('INTEGRITY', 'callee filter has the wrong size');
    }
    new Uint8Array(this.days.buffer).set(buf.subarray(0, 8));
    new Uint8Array(this.bits.buffer).set(buf.subarray(8));
  }

  clear(): void {
    this.days.fill(-1);
    this.bits.fill(0);
  }
}
