import { RingfenceError } from '@ringfence/common';

const HOURS = 25;
const ROWS = 2;
const WIDTH = 1 << 14;
const MASK = WIDTH - 1;
const SLOT_CELLS = ROWS * WIDTH;
const MAX = 0xffff;

/**
 * Calls received per number over the last 24 event-time hours, for every number, in fixed memory:
 * one count-min sketch (2 × 16k saturating 16-bit cells) per hour in a ring of 25. A caller's
 * received calls arrive on any cdr.v1 partition, keyed by someone else; counting them in a sketch
 * instead of per-number state keeps memory bounded (1.6 MB whatever the population) and makes the
 * count a sum, so it does not depend on the order CDRs arrive in. Collisions can only over-count,
 * which makes "never called back" (what the rules look for) err on the side of not firing.
 */
export class ReceivedCalls {
  private readonly hours = new Int32Array(HOURS).fill(-1);
  private readonly cells = new Uint16Array(HOURS * SLOT_CELLS);

  /** Counts one call received by the number whose hashString is `numberHash`, at event time `sec`. */
  add(sec: number, numberHash: number): void {
    const hour = Math.floor(sec / 3600);
    const slot = hour % HOURS;
    const held = this.hours[slot]!;
    if (held !== hour) {
      // More than a day behind the newest hour in this slot: outside every window, dropped.
      if (held > hour) return;
      this.cells.fill(0, slot * SLOT_CELLS, (slot + 1) * SLOT_CELLS);
      this.hours[slot] = hour;
    }
    const base = slot * SLOT_CELLS;
    const a = base + (numberHash & MASK);
    const b = base + WIDTH + (Math.imul(numberHash, 0x9e3779b1) >>> 18);
    if (this.cells[a]! < MAX) this.cells[a]!++;
    if (this.cells[b]! < MAX) this.cells[b]!++;
  }

  /** Estimated calls received in the 24 hours up to and including the hour of `sec`. */
  count(sec: number, numberHash: number): number {
    const now = Math.floor(sec / 3600);
    const ia = numberHash & MASK;
    const ib = WIDTH + (Math.imul(numberHash, 0x9e3779b1) >>> 18);
    let n = 0;
    for (let slot = 0; slot < HOURS; slot++) {
      const hour = this.hours[slot]!;
      if (hour > now || hour <= now - 24) continue;
      const base = slot * SLOT_CELLS;
      n += Math.min(this.cells[base + ia]!, this.cells[base + ib]!);
    }
    return n;
  }

  /** The ring as bytes (for snapshots). */
  toBytes(): Buffer {
    const out = Buffer.allocUnsafe(HOURS * 4 + this.cells.byteLength);
    out.set(new Uint8Array(this.hours.buffer), 0);
    out.set(new Uint8Array(this.cells.buffer), HOURS * 4);
    return out;
  }

  /** Replaces the ring with what toBytes() wrote; INTEGRITY when the size does not match. */
  fromBytes(buf: Uint8Array): void {
    if (buf.byteLength !== HOURS * 4 + this.cells.byteLength) {
      throw new RingfenceError('INTEGRITY', 'received-calls sketch has the wrong size');
    }
    new Uint8Array(this.hours.buffer).set(buf.subarray(0, HOURS * 4));
    new Uint8Array(this.cells.buffer).set(buf.subarray(HOURS * 4));
  }

  clear(): void {
    this.hours.fill(-1);
    this.cells.fill(0);
  }
}
