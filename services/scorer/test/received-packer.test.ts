import { describe, expect, it } from 'vitest';
import { ReceivedPacker, forEachReceived } from '../src/received-packer.js';

describe('ReceivedPacker', () => {
  it('packs each target partition apart, with its origin, and reads back every entry in order', () => {
    const packs: { partition: number; value: Buffer }[] = [];
    const packer = new ReceivedPacker(3, 4, 2, (partition, value) => packs.push({ partition, value }));
    packer.add(1, 10, 1_700_000_000, -5);
    packer.add(2, 11, 1_700_000_001, 7);
    packer.add(1, 12, 1_700_000_002, 0x7fffffff);
    // Two entries fill a pack: partition 1's went out already.
    expect(packs.map((p) => p.partition)).toEqual([1]);
    packer.drain();
    packer.drain();
    expect(packs.map((p) => p.partition)).toEqual([1, 2]);
    const read: unknown[] = [];
    for (const p of packs) forEachReceived(p.value, (...entry) => read.push([p.partition, ...entry]));
    expect(read).toEqual([
      [1, 3, 10, 1_700_000_000, -5],
      [1, 3, 12, 1_700_000_002, 0x7fffffff],
      [2, 3, 11, 1_700_000_001, 7],
    ]);
  });

  it('refuses a pack of the wrong length', () => {
    expect(() => forEachReceived(Buffer.alloc(7), () => undefined)).toThrow(RangeError);
    expect(() => forEachReceived(Buffer.alloc(2), () => undefined)).toThrow(RangeError);
  });
});
