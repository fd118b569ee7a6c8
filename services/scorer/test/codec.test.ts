import { describe, expect, it } from 'vitest';
import type { SourceObservation } from '@ringfence/engine';
import { decodeObservations, encodeObservation } from '../src/codec.js';
import { ObservationPacker } from '../src/observation-packer.js';

function obs(i: number): SourceObservation {
  return {
    kind: (['trunk', 'carrier', 'device'] as const)[i % 3]!,
    id: `S-${i % 7}`,
    timeMs: 1_790_000_000_000 + i,
    caller: `+86138000${String(10_000 + i)}`,
    callerHash: i * 7919,
    calleeHash: -i - 1,
    blockHash: i,
    regionHash: 3,
    talkSec: i / 4,
    flags: i & 0xff,
  };
}

describe('observation packs', () => {
  it('round-trip in emission order, one partition per source, split by size', () => {
    const packs: { partition: number; value: Buffer }[] = [];
    const packer = new ObservationPacker(6, 2_000, (partition, value) => packs.push({ partition, value }));
    const sent = Array.from({ length: 500 }, (_, i) => obs(i));
    sent.forEach((o, i) =>
      packer.add(`${o.kind}:${o.id}`, encodeObservation(o, { partition: 2, offset: i })),
    );
    packer.drain();
    expect(packs.length).toBeGreaterThan(6);
    const received = packs.flatMap((p) =>
      decodeObservations(p.value).map((d) => ({ ...d, partition: p.partition })),
    );
    expect(received.map((d) => d.origin.offset).sort((a, b) => a - b)).toEqual(sent.map((_, i) => i));
    for (const d of received) {
      expect(d.o).toEqual(sent[d.origin.offset]);
      expect(d.partition).toBe(packer.partitionOf(`${d.o.kind}:${d.o.id}`));
    }
    // Within a partition, observations keep the order they were emitted in.
    for (let p = 0; p < 6; p++) {
      const offsets = received.filter((d) => d.partition === p).map((d) => d.origin.offset);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    }
  });

  it('refuses a truncated pack', () => {
    const one = encodeObservation(obs(1), { partition: 0, offset: 1 });
    expect(() => decodeObservations(one.subarray(0, one.length - 3))).toThrow(RangeError);
  });
});
