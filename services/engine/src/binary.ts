import { RingfenceError } from '@ringfence/common';

/**
 * A growable little-endian byte writer for state snapshots. Snapshots are tens of megabytes written
 * under the scorer's lock, so every write goes straight into one buffer through a DataView (no
 * per-field Buffer objects or `Buffer#copy` argument handling).
 */
export class ByteWriter {
  private buf: Buffer;
  private view: DataView;
  private pos = 0;

  /**
   * `capacity`: the bytes expected (the stage's previous snapshot, say). Growing a buffer of tens of
   * megabytes copies it and touches fresh memory each time, which costs more than the writing.
   */
  constructor(capacity = 1 << 16) {
    this.buf = Buffer.allocUnsafe(Math.max(1 << 16, capacity));
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.byteLength);
  }

  i32(v: number): void {
    this.ensure(4);
    this.view.setInt32(this.pos, v, true);
    this.pos += 4;
  }

  f64(v: number): void {
    this.ensure(8);
    this.view.setFloat64(this.pos, v, true);
    this.pos += 8;
  }

  bytes(b: ArrayBufferView): void {
    const n = b.byteLength;
    this.ensure(4 + n);
    this.view.setInt32(this.pos, n, true);
    this.buf.set(new Uint8Array(b.buffer, b.byteOffset, n), this.pos + 4);
    this.pos += 4 + n;
  }

  str(s: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit; a long string (a table in base64) is measured
    // instead, so that it does not reserve three times its size.
    this.ensure(4 + (s.length > 4096 ? Buffer.byteLength(s, 'utf8') : 3 * s.length));
    const n = this.buf.write(s, this.pos + 4, 'utf8');
    this.view.setInt32(this.pos, n, true);
    this.pos += 4 + n;
  }

  json(v: unknown): void {
    this.str(JSON.stringify(v));
  }

  /** What was written; the writer is done with (its buffer is handed over, not copied). */
  finish(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

/** Reads what ByteWriter wrote; any overrun is an INTEGRITY error (truncated or foreign snapshot). */
export class ByteReader {
  private pos = 0;

  constructor(private readonly buf: Buffer) {}

  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new RingfenceError('INTEGRITY', 'snapshot is truncated');
  }

  i32(): number {
    this.need(4);
    const v = this.buf.readInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  f64(): number {
    this.need(8);
    const v = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return v;
  }

  /** Copies the next byte block into a fresh, aligned ArrayBuffer. */
  block(): ArrayBuffer {
    const n = this.i32();
    this.need(n);
    const out = new ArrayBuffer(n);
    new Uint8Array(out).set(this.buf.subarray(this.pos, this.pos + n));
    this.pos += n;
    return out;
  }

  str(): string {
    const n = this.i32();
    this.need(n);
    const s = this.buf.toString('utf8', this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  json<T>(): T {
    return JSON.parse(this.str()) as T;
  }

  get done(): boolean {
    return this.pos === this.buf.length;
  }
}
