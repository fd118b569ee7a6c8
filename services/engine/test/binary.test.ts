import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter } from '../src/binary.js';

describe('ByteWriter / ByteReader', () => {
  it('round-trips every field type, including multi-byte text, across buffer growth', () => {
    const w = new ByteWriter();
    const texts = ['', '+8613912345678', '中继-上海-01', 'emoji 📞 x', 'é'.repeat(40_000)];
    const floats = new Float64Array([0, -1.5, Number.MAX_SAFE_INTEGER, Number.NaN]);
    const big = new Uint16Array(50_000).map((_, i) => i);
    w.i32(-7);
    w.f64(1_700_000_000_123.5);
    for (const t of texts) w.str(t);
    w.bytes(floats);
    w.bytes(big.subarray(10, 20_010));
    w.json({ a: [1, 'два'], b: null });
    const rd = new ByteReader(w.finish());
    expect(rd.i32()).toBe(-7);
    expect(rd.f64()).toBe(1_700_000_000_123.5);
    for (const t of texts) expect(rd.str()).toBe(t);
    expect([...new Float64Array(rd.block())]).toEqual([...floats]);
    expect([...new Uint16Array(rd.block())]).toEqual([...big.subarray(10, 20_010)]);
    expect(rd.json()).toEqual({ a: [1, 'два'], b: null });
    expect(rd.done).toBe(true);
  });

  it('writes the same bytes as the documented layout (little-endian, length-prefixed UTF-8)', () => {
    const w = new ByteWriter();
    w.i32(1);
    w.str('中');
    w.f64(2);
    const expected = Buffer.alloc(4 + 4 + 3 + 8);
    expected.writeInt32LE(1, 0);
    expected.writeInt32LE(3, 4);
    expected.write('中', 8, 'utf8');
    expected.writeDoubleLE(2, 11);
    expect(w.finish().equals(expected)).toBe(true);
  });

  it('writes the same bytes whatever capacity it starts with', () => {
    const write = (w: ByteWriter): Buffer => {
      w.str('x'.repeat(100_000));
      w.bytes(new Float64Array(20_000).fill(1.5));
      w.json({ k: 'é'.repeat(5_000) });
      return w.finish();
    };
    const grown = write(new ByteWriter());
    expect(write(new ByteWriter(grown.length)).equals(grown)).toBe(true);
    expect(write(new ByteWriter(10)).equals(grown)).toBe(true);
  });

  it('refuses a truncated blob with INTEGRITY', () => {
    const w = new ByteWriter();
    w.str('+8613912345678');
    const cut = w.finish().subarray(0, 10);
    expect(() => new ByteReader(cut).str()).toThrow(expect.objectContaining({ code: 'INTEGRITY' }));
  });
});
