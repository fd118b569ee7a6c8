import { describe, expect, it } from 'vitest';
import { packBatch, unpackBatch } from '@ringfence/ingest';

describe('packBatch / unpackBatch', () => {
  it('round-trips topics, keys (string, Buffer, null, non-ASCII) and values in order', () => {
    const batch = [
      {
        topic: 'p.cdr.v1',
        messages: [
          { key: '+8613800000001', value: Buffer.from([1, 2, 3]) },
          { key: Buffer.from('raw-key'), value: Buffer.alloc(0) },
          { key: '号码', value: Buffer.from('v') },
        ],
      },
      { topic: 'p.cdr.dlq.v1', messages: [{ key: null, value: Buffer.alloc(70_000, 7) }] },
      { topic: 'empty', messages: [] },
    ];
    const packed = packBatch(batch);
    // Its own ArrayBuffer, whole, so it can be transferred to the producer thread.
    expect(packed.byteOffset).toBe(0);
    expect(packed.buffer.byteLength).toBe(packed.length);
    const back = unpackBatch(packed);
    expect(back.map((t) => t.topic)).toEqual(['p.cdr.v1', 'p.cdr.dlq.v1', 'empty']);
    expect(back[0]!.messages.map((m) => (m.key as Buffer).toString())).toEqual([
      '+8613800000001',
      'raw-key',
      '号码',
    ]);
    expect(back[0]!.messages.map((m) => [...(m.value as Buffer)])).toEqual([
      [1, 2, 3],
      [],
      [...Buffer.from('v')],
    ]);
    expect(back[1]!.messages[0]!.key).toBeNull();
    expect((back[1]!.messages[0]!.value as Buffer).equals(Buffer.alloc(70_000, 7))).toBe(true);
    expect(back[2]!.messages).toEqual([]);
  });
});
