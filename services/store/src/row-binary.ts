import { RingfenceError } from '@ringfence/common';

/** The ClickHouse column types the encoder writes; an Enum8 is given by its names at their values. */
export type RowBinaryType = 'String' | 'UInt8' | 'UInt16' | 'UInt64' | 'DateTime' | readonly string[];

/** One column: the row property it comes from (the column has the same name) and its type. */
export type RowBinaryColumn<R> = readonly [keyof R & string, RowBinaryType];

const TWO_32 = 2 ** 32;

/** The largest chunk a builder allocates (unless one value needs more): a 50k-row batch of CDRs fills about ten. */
export const ROW_BINARY_CHUNK_BYTES = 1 << 20;

/**
 * Appends values in ClickHouse's RowBinary layout (little-endian fixed-width integers, strings as
 * LEB128 length + UTF-8 bytes) to a list of byte chunks. RowBinary is the cheapest format for the
 * server to parse (no text scanning or escaping), which is what bounds the sink on a small machine. A
 * full chunk is kept as it is and the next value goes to a new one (RowBinary is a plain byte stream,
 * so a row may span two chunks): growing never copies what is written, and the bytes of a large
 * batch are never one huge allocation. Chunks double from `firstChunkBytes` up to `maxChunkBytes`, so
 * a small batch stays small.
 */
export class RowBinaryBuilder {
  private readonly full: Buffer[] = [];
  private buf: Buffer;
  private pos = 0;
  private fullBytes = 0;
  private nextChunkBytes: number;

  constructor(
    firstChunkBytes = 4096,
    private readonly maxChunkBytes = ROW_BINARY_CHUNK_BYTES,
  ) {
    this.buf = Buffer.allocUnsafe(Math.max(64, firstChunkBytes));
    this.nextChunkBytes = Math.min(this.buf.length * 2, maxChunkBytes);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.fullBytes + this.pos;
  }

  /** The bytes written so far, in order; the builder must not be written to while they are in use. */
  chunks(): Buffer[] {
    return this.pos === 0 ? [...this.full] : [...this.full, this.buf.subarray(0, this.pos)];
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    if (this.pos > 0) {
      this.full.push(this.buf.subarray(0, this.pos));
      this.fullBytes += this.pos;
    }
    this.buf = Buffer.allocUnsafe(Math.max(this.nextChunkBytes, n));
    this.pos = 0;
    this.nextChunkBytes = Math.min(this.nextChunkBytes * 2, this.maxChunkBytes);
  }

  uint8(v: number): void {
    this.ensure(1);
    this.buf[this.pos++] = v & 0xff;
  }

  uint16(v: number): void {
    this.ensure(2);
    this.buf.writeUInt16LE(v & 0xffff, this.pos);
    this.pos += 2;
  }

  uint32(v: number): void {
    this.ensure(4);
    this.buf.writeUInt32LE(v >>> 0, this.pos);
    this.pos += 4;
  }

  /** Exact for integers up to 2^53, which covers every epoch-ms and duration the rows carry. */
  uint64(v: number): void {
    this.ensure(8);
    this.buf.writeUInt32LE(v % TWO_32, this.pos);
    this.buf.writeUInt32LE(Math.floor(v / TWO_32), this.pos + 4);
    this.pos += 8;
  }

  private varint(n: number): void {
    while (n >= 0x80) {
      this.buf[this.pos++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buf[this.pos++] = n;
  }

  /** A String column's value from bytes already in UTF-8 (`src[from, to)`), copied as they are. */
  utf8(src: Uint8Array, from: number, to: number): void {
    const n = to - from;
    this.ensure(5 + n);
    this.varint(n);
    // Values are short: a loop beats a native copy's call until a few dozen bytes.
    if (n < 48) for (let i = from; i < to; i++) this.buf[this.pos++] = src[i]!;
    else {
      this.buf.set(src.subarray(from, to), this.pos);
      this.pos += n;
    }
  }

  string(s: string): void {
    const n = s.length;
    this.ensure(5 + n * 3);
    // Nearly every value is short ASCII: copying char codes beats a native call per string.
    let ascii = true;
    for (let i = 0; i < n; i++) {
      if (s.charCodeAt(i) > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      this.varint(n);
      for (let i = 0; i < n; i++) this.buf[this.pos++] = s.charCodeAt(i);
      return;
    }
    const len = Buffer.byteLength(s, 'utf8');
    this.varint(len);
    this.pos += this.buf.write(s, this.pos, len, 'utf8');
  }
}

/** All of a builder's bytes as one buffer (copied only when they span several chunks). */
export function joinChunks(chunks: readonly Buffer[]): Buffer {
  return chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks);
}

function count(row: object, column: string): number {
  const v = (row as Record<string, unknown>)[column];
  // Unsigned columns: a negative or fractional value would be a bug upstream; store the nearest valid.
  return typeof v === 'number' && v > 0 ? Math.floor(v) : 0;
}

/**
 * A RowBinary encoder for rows of one table, built once from its column list. `columns` names the
 * columns in the order the bytes are written: the INSERT must list the same columns (`columnList`).
 */
export function rowBinaryEncoder<R extends object>(
  columns: readonly RowBinaryColumn<R>[],
): { columnList: string; encode(rows: readonly R[]): Buffer } {
  const enums = new Map<string, Map<string, number>>();
  for (const [name, type] of columns) {
    if (typeof type !== 'string') enums.set(name, new Map(type.map((label, value) => [label, value])));
  }
  return {
    columnList: columns.map(([name]) => name).join(', '),
    encode(rows) {
      const w = new RowBinaryBuilder(Math.max(256, rows.length * 192), Number.MAX_SAFE_INTEGER);
      for (const row of rows) {
        for (const [name, type] of columns) {
          switch (type) {
            case 'String': {
              const v = (row as Record<string, unknown>)[name];
              w.string(typeof v === 'string' ? v : '');
              break;
            }
            case 'UInt8':
              w.uint8(count(row, name));
              break;
            case 'UInt16':
              w.uint16(count(row, name));
              break;
            case 'UInt64':
              w.uint64(count(row, name));
              break;
            case 'DateTime':
              w.uint32(Math.min(count(row, name), TWO_32 - 1));
              break;
            default: {
              const label = (row as Record<string, unknown>)[name];
              const value = enums.get(name)?.get(String(label));
              if (value === undefined) {
                throw new RingfenceError('INVALID_ARGUMENT', 'value not in the column enum', {
                  detail: { column: name, value: String(label).slice(0, 40) },
                });
              }
              w.uint8(value);
            }
          }
        }
      }
      return joinChunks(w.chunks());
    },
  };
}
