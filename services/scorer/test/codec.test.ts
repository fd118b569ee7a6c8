import { describe, expect, it } from 'vitest';
import type { SourceObservation } from '@ringfence/engine';
import { scorerv1 } from '@ringfence/proto';
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

  it('writes the bytes protobufjs reads, and reads the bytes protobufjs writes', () => {
    for (let i = 0; i < 50; i++) {
      const o = {
        ...obs(i * 977),
        caller: i % 5 === 0 ? '' : `+8613${'9'.repeat(i % 9)}${i}`,
        id: 'é'.repeat(i),
      };
      const origin = { partition: i % 7, offset: i * 2 ** 33 + i };
      const mine = encodeObservation(o, origin);
      const theirs = scorerv1.SourceObservation.decode(mine.subarray(mine[0]! < 0x80 ? 1 : 2));
      expect(theirs.id).toBe(o.id);
      expect(theirs.caller).toBe(o.caller);
      expect(Number(theirs.timeMs)).toBe(o.timeMs);
      expect(Number(theirs.originOffset)).toBe(origin.offset);
      expect([theirs.callerHash, theirs.calleeHash, theirs.flags, theirs.talkS]).toEqual([
        o.callerHash | 0,
        o.calleeHash | 0,
        o.flags,
        o.talkSec,
      ]);
      const body = scorerv1.SourceObservation.encode(theirs).finish();
      const packed = Buffer.concat([
        Buffer.from(encodeObservation(o, origin).subarray(0, body.length < 0x80 ? 1 : 2)),
        body,
      ]);
      expect(decodeObservations(packed)).toEqual([
        { o: { ...o, callerHash: o.callerHash | 0, calleeHash: o.calleeHash | 0 }, origin },
      ]);
    }
  });
});
