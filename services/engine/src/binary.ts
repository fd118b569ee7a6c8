import { RingfenceError } from '@ringfence/common';

/** A growable little-endian byte writer for state snapshots. */
export class ByteWriter {
  private buf = Buffer.allocUnsafe(1 << 16);
  private pos = 0;

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  i32(v: number): void {
    this.ensure(4);
    this.buf.writeInt32LE(v, this.pos);
    this.pos += 4;
  }

  f64(v: number): void {
    this.ensure(8);
    this.buf.writeDoubleLE(v, this.pos);
    this.pos += 8;
  }

  bytes(b: ArrayBufferView): void {
    this.i32(b.byteLength);
    this.ensure(b.byteLength);
    Buffer.from(b.buffer, b.byteOffset, b.byteLength).copy(this.buf, this.pos);
    this.pos += b.byteLength;
  }

  str(s: string): void {
    this.bytes(Buffer.from(s, 'utf8'));
  }

  json(v: unknown): void {
    this.str(JSON.stringify(v));
  }

  finish(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.pos));
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
    return Buffer.from(this.block()).toString('utf8');
  }

  json<T>(): T {
    return JSON.parse(this.str()) as T;
  }

  get done(): boolean {
    return this.pos === this.buf.length;
  }
}
