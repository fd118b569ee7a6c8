import { describe, expect, it } from 'vitest';
import { sourcePartition, type SourceObservation } from '@ringfence/engine';
import { scorerv1 } from '@ringfence/proto';
import { forEachObservation, observationBound, writeObservation, type Origin } from '../src/codec.js';
import { ObservationPacker } from '../src/observation-packer.js';

function encode(o: SourceObservation, origin: Origin): Buffer {
  const buf = Buffer.alloc(observationBound(o));
  return buf.subarray(0, writeObservation(o, origin, buf, 0));
}

/** Copies of what forEachObservation hands out (it reuses its two objects). */
function decodeAll(buf: Buffer): { o: SourceObservation; origin: Origin }[] {
  const out: { o: SourceObservation; origin: Origin }[] = [];
  forEachObservation(buf, (o, origin) => out.push({ o: { ...o }, origin: { ...origin } }));
  return out;
}

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
    sent.forEach((o, i) => packer.add(o, { partition: 2, offset: i }, sourcePartition(o.kind, o.id, 6)));
    packer.drain();
    expect(packs.length).toBeGreaterThan(6);
    const received = packs.flatMap((p) => decodeAll(p.value).map((d) => ({ ...d, partition: p.partition })));
    expect(received.map((d) => d.origin.offset).sort((a, b) => a - b)).toEqual(sent.map((_, i) => i));
    for (const d of received) {
      expect(d.o).toEqual(sent[d.origin.offset]);
      expect(d.partition).toBe(sourcePartition(d.o.kind, d.o.id, 6));
    }
    // Within a partition, observations keep the order they were emitted in.
    for (let p = 0; p < 6; p++) {
      const offsets = received.filter((d) => d.partition === p).map((d) => d.origin.offset);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    }
  });

  it('keeps the partition of every source stable: FNV-1a of `<kind>:<id>`', () => {
    const fnv = (key: string): number => {
      let h = 0x811c9dc5;
      for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
      return h >>> 0;
    };
    for (const [kind, id] of [
      ['trunk', 'TG-GW-07'],
      ['carrier', 'ON-NET'],
      ['device', '356938035643809'],
      ['trunk', ''],
    ] as const)
      expect(sourcePartition(kind, id, 6)).toBe(fnv(`${kind}:${id}`) % 6);
    // Pinned: a changed hash would move sources between partitions under a running deployment.
    expect([fnv('trunk:TG-GW-07'), fnv('carrier:ON-NET'), fnv('device:356938035643809')]).toEqual([
      1081495777, 2168661632, 1604141405,
    ]);
    expect(sourcePartition('device', '356938035643809', 6)).toBe(5);
  });

  it('packs an observation larger than the pack size whole, with a three-byte length', () => {
    const packs: Buffer[] = [];
    const packer = new ObservationPacker(1, 2_000, (_, value) => packs.push(value));
    const big = { ...obs(4), id: 'x'.repeat(20_000) };
    packer.add(obs(1), { partition: 0, offset: 1 }, 0);
    packer.add(big, { partition: 0, offset: 2 }, 0);
    packer.add(obs(3), { partition: 0, offset: 3 }, 0);
    packer.drain();
    expect(packs.flatMap(decodeAll)).toEqual([
      { o: obs(1), origin: { partition: 0, offset: 1 } },
      { o: big, origin: { partition: 0, offset: 2 } },
      { o: obs(3), origin: { partition: 0, offset: 3 } },
    ]);
  });

  it('refuses a truncated pack', () => {
    const one = encode(obs(1), { partition: 0, offset: 1 });
    expect(() => decodeAll(one.subarray(0, one.length - 3))).toThrow(RangeError);
  });

  it('writes the bytes protobufjs reads, and reads the bytes protobufjs writes', () => {
    for (let i = 0; i < 50; i++) {
      const o = {
        ...obs(i * 977),
        caller: i % 5 === 0 ? '' : `+8613${'9'.repeat(i % 9)}${i}`,
        id: 'é'.repeat(i),
      };
      const origin = { partition: i % 7, offset: i * 2 ** 33 + i };
      const mine = encode(o, origin);
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
        Buffer.from(encode(o, origin).subarray(0, body.length < 0x80 ? 1 : 2)),
        body,
      ]);
      expect(decodeAll(packed)).toEqual([
        { o: { ...o, callerHash: o.callerHash | 0, calleeHash: o.calleeHash | 0 }, origin },
      ]);
    }
  });
});
