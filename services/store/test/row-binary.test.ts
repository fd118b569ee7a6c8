import { describe, expect, it } from 'vitest';
import { RowBinaryBuilder, joinChunks, rowBinaryEncoder } from '../src/index.js';

interface Row {
  s: string;
  b: number;
  w: number;
  q: number;
  t: number;
  e: string;
}

const encoder = rowBinaryEncoder<Row>([
  ['s', 'String'],
  ['b', 'UInt8'],
  ['w', 'UInt16'],
  ['q', 'UInt64'],
  ['t', 'DateTime'],
  ['e', ['none', 'A', 'B']],
]);

function row(over: Partial<Row> = {}): Row {
  return { s: '', b: 0, w: 0, q: 0, t: 0, e: 'none', ...over };
}

describe('rowBinaryEncoder', () => {
  it('lists the columns in write order', () => {
    expect(encoder.columnList).toBe('s, b, w, q, t, e');
  });

  it('writes fixed-width integers little-endian and enums by value', () => {
    const buf = encoder.encode([row({ s: 'ab', b: 7, w: 0x1234, q: 2 ** 40 + 5, t: 1_700_000_000, e: 'B' })]);
    const expected = Buffer.alloc(1 + 2 + 1 + 2 + 8 + 4 + 1);
    let o = 0;
    o = expected.writeUInt8(2, o);
    o += expected.write('ab', o);
    o = expected.writeUInt8(7, o);
    o = expected.writeUInt16LE(0x1234, o);
    o = expected.writeBigUInt64LE(2n ** 40n + 5n, o);
    o = expected.writeUInt32LE(1_700_000_000, o);
    expected.writeUInt8(2, o);
    expect(buf).toEqual(expected);
  });

  it('writes the largest safe integer exactly', () => {
    const buf = encoder.encode([row({ q: Number.MAX_SAFE_INTEGER })]);
    expect(buf.readBigUInt64LE(1 + 1 + 2)).toBe(BigInt(Number.MAX_SAFE_INTEGER));
  });

  it('prefixes strings with their UTF-8 byte length as LEB128', () => {
    for (const s of ['', 'x'.repeat(127), 'x'.repeat(128), 'y'.repeat(20_000), '號碼📞', "a'\t\n\\b\u0000"]) {
      const buf = encoder.encode([row({ s })]);
      const bytes = Buffer.from(s, 'utf8');
      let len = 0;
      let shift = 0;
      let i = 0;
      for (;;) {
        const byte = buf[i++] ?? 0;
        len |= (byte & 0x7f) << shift;
        shift += 7;
        if (byte < 0x80) break;
      }
      expect(len).toBe(bytes.length);
      expect(buf.subarray(i, i + len).equals(bytes)).toBe(true);
      expect(buf.length).toBe(i + len + 1 + 2 + 8 + 4 + 1);
    }
  });

  it('clamps values an unsigned column cannot hold instead of wrapping them', () => {
    const buf = encoder.encode([row({ b: -1, q: -5, t: 1.9 })]);
    expect(buf.readUInt8(1)).toBe(0);
    expect(buf.readBigUInt64LE(4)).toBe(0n);
    expect(buf.readUInt32LE(12)).toBe(1);
  });

  it('refuses an enum label the column does not have', () => {
    expect(() => encoder.encode([row({ e: 'Z' })])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error,
    );
  });

  it('encodes many rows back to back and grows its buffer as needed', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => row({ s: 'z'.repeat(i % 300), q: i }));
    const buf = encoder.encode(rows);
    const strings = rows.reduce((a, r) => a + r.s.length + (r.s.length >= 128 ? 2 : 1), 0);
    expect(buf.length).toBe(strings + rows.length * (1 + 2 + 8 + 4 + 1));
  });
});

describe('RowBinaryBuilder', () => {
  it('keeps full chunks as they are and doubles the next one up to its largest size', () => {
    const out = new RowBinaryBuilder(64, 256);
    for (let i = 0; i < 200; i++) out.uint32(i);
    const chunks = out.chunks();
    expect(chunks.map((c) => c.length)).toEqual([64, 128, 256, 256, 96]);
    const all = joinChunks(chunks);
    expect(all.length).toBe(out.length);
    expect(Array.from({ length: 200 }, (_, i) => all.readUInt32LE(4 * i))).toEqual(
      Array.from({ length: 200 }, (_, i) => i),
    );
  });

  it('gives a value larger than a chunk a chunk of its own, and the chunks handed out stay as they were', () => {
    const out = new RowBinaryBuilder(64, 64);
    out.string('a');
    const before = out.chunks();
    const big = 'b'.repeat(1_000);
    out.string(big);
    out.uint8(7);
    expect(joinChunks(before).equals(Buffer.from([1, 0x61]))).toBe(true);
    const all = joinChunks(out.chunks());
    expect(all.length).toBe(2 + 2 + 1_000 + 1);
    expect(all.subarray(4, 1_004).toString()).toBe(big);
    expect(all.at(-1)).toBe(7);
  });

  it('hands out no chunk before anything is written', () => {
    expect(new RowBinaryBuilder().chunks()).toEqual([]);
    expect(new RowBinaryBuilder().length).toBe(0);
  });
});
