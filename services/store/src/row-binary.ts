import { RingfenceError } from '@ringfence/common';

/** The ClickHouse column types the encoder writes; an Enum8 is given by its names at their values. */
export type RowBinaryType = 'String' | 'UInt8' | 'UInt16' | 'UInt64' | 'DateTime' | readonly string[];

/** One column: the row property it comes from (the column has the same name) and its type. */
export type RowBinaryColumn<R> = readonly [keyof R & string, RowBinaryType];

const TWO_32 = 2 ** 32;

/**
 * Appends values in ClickHouse's RowBinary layout (little-endian fixed-width integers, strings as
 * LEB128 length + UTF-8 bytes) to one growing buffer. RowBinary is the cheapest format for the server
 * to parse (no text scanning or escaping), which is what bounds the sink on a small machine.
 */
class Writer {
  private buf: Buffer;
  private pos = 0;

  constructor(capacity: number) {
    this.buf = Buffer.allocUnsafe(Math.max(256, capacity));
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
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

  result(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
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
      const w = new Writer(rows.length * 192);
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
      return w.result();
    },
  };
}
