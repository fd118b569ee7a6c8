import { scorerv1 } from '../src/index.js';
import { describe, expect, it } from 'vitest';
import { readDelimitedEnd, readVarint, writeVarint } from '../src/wire.js';

const VALUES = [
  1,
  127,
  128,
  300,
  16_383,
  16_384,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32 + 5,
  1_764_000_000_000,
  2 ** 53 - 1,
];

describe('wire varints', () => {
  it('writes the bytes protobufjs writes for an int64 field and reads them back', () => {
    for (const v of VALUES) {
      const buf = Buffer.alloc(10);
      const end = writeVarint(buf, 0, v);
      // time_ms is field 3, so protobufjs's bytes are the tag (0x18) and then the varint.
      const expected = scorerv1.SourceObservation.encode({ timeMs: v }).finish().subarray(1);
      expect(buf.subarray(0, end)).toEqual(Buffer.from(expected));
      const at = { pos: 0 };
      expect(readVarint(buf, at, end)).toBe(v);
      expect(at.pos).toBe(end);
    }
  });

  it('reads back to back from an offset', () => {
    const buf = Buffer.alloc(40);
    let pos = 3;
    for (const v of [5, 2 ** 40, 0, 999]) pos = writeVarint(buf, pos, v);
    const at = { pos: 3 };
    expect([0, 1, 2, 3].map(() => readVarint(buf, at, pos))).toEqual([5, 2 ** 40, 0, 999]);
  });

  it('refuses a varint cut by the end and one longer than 2^56', () => {
    const cut = Buffer.from([0x96, 0x01]);
    expect(() => readVarint(cut, { pos: 0 }, 1)).toThrow(RangeError);
    const endless = Buffer.alloc(12, 0xff);
    expect(() => readVarint(endless, { pos: 0 }, endless.length)).toThrow('malformed varint');
  });

  it('gives the end of a length-delimited field, and refuses one longer than what is left', () => {
    const buf = Buffer.from([0x03, 0x61, 0x62, 0x63, 0x05, 0x61]);
    const at = { pos: 0 };
    expect(readDelimitedEnd(buf, at, buf.length)).toBe(4);
    expect(at.pos).toBe(1);
    at.pos = 4;
    expect(() => readDelimitedEnd(buf, at, buf.length)).toThrow('truncated field');
  });
});
