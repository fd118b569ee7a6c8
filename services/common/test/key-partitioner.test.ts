import { Partitioners, type PartitionerArgs } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { keyPartitioner } from '../src/key-partitioner.js';
import { seededRandom } from '../src/testing.js';

const partitionMetadata = (n: number): PartitionerArgs['partitionMetadata'] =>
  Array.from({ length: n }, (_, i) => ({
    partitionId: i,
    leader: 1,
    partitionErrorCode: 0,
    replicas: [1],
    isr: [1],
  }));

describe('keyPartitioner', () => {
  it('puts every key on the partition kafkajs’s DefaultPartitioner picks', () => {
    const ours = keyPartitioner();
    const theirs = Partitioners.DefaultPartitioner();
    const random = seededRandom(3);
    const keys: (string | Buffer)[] = ['', 'a', '+8613812345678', 'anonymous', 'né', '号码', '😀x'];
    for (let i = 0; i < 5_000; i++) {
      const length = Math.floor(random() * 40);
      const bytes = Buffer.alloc(length);
      for (let j = 0; j < length; j++) bytes[j] = Math.floor(random() * 256);
      keys.push(bytes, bytes.toString('latin1'), `+86${Math.floor(random() * 1e11)}`);
    }
    for (const partitions of [1, 3, 6, 7]) {
      const meta = partitionMetadata(partitions);
      for (const key of keys) {
        const args = { topic: 't', partitionMetadata: meta, message: { key, value: null } };
        expect(ours(args)).toBe(theirs(args));
      }
    }
  });

  it('keeps an explicit partition', () => {
    const ours = keyPartitioner();
    const message = { key: 'k', value: null, partition: 4 };
    expect(ours({ topic: 't', partitionMetadata: partitionMetadata(6), message })).toBe(4);
  });

  it('spreads unkeyed messages over available partitions', () => {
    const ours = keyPartitioner();
    const seen = new Set<number>();
    for (let i = 0; i < 20; i++) {
      seen.add(
        ours({ topic: 't', partitionMetadata: partitionMetadata(3), message: { key: null, value: null } }),
      );
    }
    expect(seen.size).toBe(3);
  });
});
