import { describe, expect, it } from 'vitest';
import { RowBinaryBuilder, appendCdr, cdrRow, encodeCdrs, joinChunks } from '../src/index.js';
import { records } from './cdr-records.js';

describe('appendCdr', () => {
  it('writes the same bytes as encoding the cdr row of the record', () => {
    const out = new RowBinaryBuilder();
    for (const c of records) appendCdr(out, c);
    expect(joinChunks(out.chunks()).equals(encodeCdrs(records.map(cdrRow)))).toBe(true);
  });

  it('writes the same bytes when rows span many small chunks', () => {
    const out = new RowBinaryBuilder(64, 128);
    for (let k = 0; k < 40; k++) for (const c of records) appendCdr(out, c);
    const chunks = out.chunks();
    expect(chunks.length).toBeGreaterThan(40);
    expect(chunks.every((b, k) => k === chunks.length - 1 || b.length <= 300 * 3 + 5)).toBe(true);
    const rows = Array.from({ length: 40 }, () => records.map(cdrRow)).flat();
    expect(joinChunks(chunks).equals(encodeCdrs(rows))).toBe(true);
    expect(out.length).toBe(encodeCdrs(rows).length);
  });
});
