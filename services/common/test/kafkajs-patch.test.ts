// What patches/kafkajs+2.2.4.patch rewrites for speed: every byte of the record encoding and decoding
// must stay what kafkajs wrote before, and every decoded field what it read before.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/testing.js';

const require = createRequire(import.meta.url);
const kafkajs = (path: string): unknown => require(`kafkajs/src/${path}`);

interface EncoderLike {
  writeVarLong(value: unknown): EncoderLike;
  writeVarInt(value: number): EncoderLike;
  buffer: Buffer;
}
interface DecoderLike {
  readVarLong(): { toString(): string };
  readVarLongNumber(): number | undefined;
  offset: number;
}
interface RecordOut {
  key: Buffer | null;
  value: Buffer | null;
  offset: string;
  timestamp: string;
  headers: Record<string, Buffer | Buffer[]>;
}
type LongLike = { toString(): string };
const Encoder = kafkajs('protocol/encoder') as new (size?: number) => EncoderLike;
const Decoder = kafkajs('protocol/decoder') as new (buffer: Buffer) => DecoderLike;
const Long = kafkajs('utils/long') as { fromValue(v: string | number): LongLike };
const Record = kafkajs('protocol/recordBatch/record/v0') as (r: object) => unknown;
const { RecordBatch } = kafkajs('protocol/recordBatch/v0') as {
  RecordBatch: (b: object) => Promise<{ buffer: Buffer }>;
};
const decodeBatch = kafkajs('protocol/recordBatch/v0/decoder') as (
  d: DecoderLike,
) => Promise<{ records: RecordOut[] }>;
const ProduceV3 = kafkajs('protocol/requests/produce/v3/request') as (r: object) => unknown;
const frame = kafkajs('protocol/request') as (
  r: object,
) => Promise<{ buffer: Buffer; size(): number; segments(): Buffer[] }>;
const crc32C = kafkajs('protocol/recordBatch/crc32C') as ((b: Buffer) => number) & {
  native: boolean;
  ofParts(parts: Buffer[]): number;
};
const crc32CInJs = kafkajs('protocol/recordBatch/crc32C/crc32C') as (b: Buffer) => number;

describe('kafkajs patch: record batches', () => {
  it('computes CRC-32C natively, equal to the JavaScript implementation', () => {
    expect(crc32C.native).toBe(true);
    expect(crc32C(Buffer.from('123456789'))).toBe(0xe3069283);
    const random = seededRandom(7);
    for (const length of [0, 1, 7, 64, 1000, 100_000]) {
      const bytes = Buffer.alloc(length);
      for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
      expect(crc32C(bytes)).toBe(crc32CInJs(bytes) >>> 0);
      const cut = Math.floor(length / 3);
      const parts = [
        bytes.subarray(0, cut),
        Buffer.alloc(0),
        bytes.subarray(cut, 2 * cut),
        bytes.subarray(2 * cut),
      ];
      expect(crc32C.ofParts(parts)).toBe(crc32CInJs(bytes) >>> 0);
    }
  });

  it('writes a number varlong with the same bytes as the 64-bit Long path', () => {
    const values = [0, 1, -1, 63, 64, -64, -65, 2 ** 30 - 1, -(2 ** 30), 2 ** 30, -(2 ** 30) - 1, 2 ** 40];
    const random = seededRandom(11);
    for (let i = 0; i < 2_000; i++) values.push(Math.floor((random() - 0.5) * 2 ** (1 + 50 * random())));
    for (const value of values) {
      const fast = new Encoder().writeVarLong(value).buffer;
      const viaLong = new Encoder().writeVarLong(Long.fromValue(value)).buffer;
      expect(fast.equals(viaLong), `varlong ${value}`).toBe(true);
      const decoder = new Decoder(Buffer.concat([fast, Buffer.from([0x7f])]));
      const read = decoder.readVarLongNumber();
      if (Math.abs(value) < 2 ** 48) expect(read).toBe(value);
      else {
        expect(read).toBeUndefined();
        expect(decoder.offset).toBe(0);
        expect(decoder.readVarLong().toString()).toBe(String(value));
      }
    }
  });

  it('round-trips keys, values, headers, offsets and timestamps through a batch', async () => {
    const random = seededRandom(5);
    const cases = [
      { firstOffset: '0', firstTimestamp: 1_764_800_000_000, step: 1_000_003 },
      { firstOffset: '9007199254740000', firstTimestamp: 1_764_800_000_000, step: 2 ** 36 },
      { firstOffset: '9223372036854775000', firstTimestamp: 9_007_199_254_740_990, step: 1 },
      { firstOffset: '77', firstTimestamp: 5, step: -(2 ** 40) },
    ];
    for (const c of cases) {
      const input = Array.from({ length: 1_200 }, (_, i) => ({
        key: i % 7 === 0 ? null : Buffer.from(`+86186${i}`),
        value:
          i % 11 === 0
            ? null
            : Buffer.from(Array.from({ length: i % 300 }, () => Math.floor(random() * 256))),
        headers: i % 5 === 0 ? { a: Buffer.from('x'), b: [Buffer.from('1'), Buffer.from('2')] } : {},
        timestampDelta: (i - 600) * c.step,
      }));
      const records = input.map((r, offsetDelta) => Record({ ...r, offsetDelta }));
      const batch = await RecordBatch({
        records,
        firstOffset: Long.fromValue(c.firstOffset),
        firstTimestamp: c.firstTimestamp,
        maxTimestamp: c.firstTimestamp,
        lastOffsetDelta: records.length - 1,
      });
      const out = (await decodeBatch(new Decoder(batch.buffer))).records;
      expect(out).toHaveLength(input.length);
      out.forEach((r, i) => {
        const want = input[i]!;
        expect(r.key).toEqual(want.key);
        expect(r.value).toEqual(want.value);
        expect(r.headers).toEqual(want.headers);
        expect(r.offset).toBe((BigInt(c.firstOffset) + BigInt(i)).toString());
        expect(r.timestamp).toBe((BigInt(c.firstTimestamp) + BigInt(want.timestampDelta)).toString());
      });
      // The CRC covers everything after itself (offset 21 on): the broker checks it on every write.
      expect(batch.buffer.readUInt32BE(17)).toBe(crc32CInJs(batch.buffer.subarray(21)) >>> 0);
    }
  });

  it('frames a produce request with its exact size, header and every record batch', async () => {
    // Values of 4 KB and more are referenced by the encoders, not copied: the request reaches the
    // socket as parts, and those bytes must be the same as the whole request's.
    const big = [4_095, 4_096, 70_000].map((n, k) => Buffer.alloc(n, 0x41 + k));
    const messages = Array.from({ length: 500 }, (_, i) => ({
      key: `k${i}`,
      value: i % 100 === 7 ? big[((i / 100) % 3) | 0]! : 'v'.repeat(i % 90),
    }));
    const request = ProduceV3({
      acks: -1,
      timeout: 30_000,
      transactionalId: 'tx-é',
      topicData: [
        {
          topic: 'scorer.caller-risk.v1',
          partitions: [0, 3].map((partition) => ({ partition, firstSequence: 0, messages })),
        },
      ],
    });
    const framed = await frame({ correlationId: 9, clientId: 'ringfence-scorer', request });
    const buffer = framed.buffer;
    const parts = framed.segments();
    expect(Buffer.concat(parts).equals(buffer)).toBe(true);
    expect(framed.size()).toBe(buffer.length);
    expect(parts).toContain(big[2]);
    expect(parts).not.toContain(big[0]);
    expect(buffer.readInt32BE(0)).toBe(buffer.length - 4);
    expect([buffer.readInt16BE(4), buffer.readInt16BE(6), buffer.readInt32BE(8)]).toEqual([0, 3, 9]);
    // Walk the request to its end: client id, transactional id, acks, timeout, topics, partitions.
    let at = 12;
    const string = (): string => {
      const length = buffer.readInt16BE(at);
      const value = buffer.toString('utf8', at + 2, at + 2 + length);
      at += 2 + length;
      return value;
    };
    expect(string()).toBe('ringfence-scorer');
    expect(string()).toBe('tx-é');
    at += 6;
    expect(buffer.readInt32BE(at)).toBe(1);
    at += 4;
    expect(string()).toBe('scorer.caller-risk.v1');
    expect(buffer.readInt32BE(at)).toBe(2);
    at += 4;
    for (const partition of [0, 3]) {
      expect(buffer.readInt32BE(at)).toBe(partition);
      const size = buffer.readInt32BE(at + 4);
      const batch = buffer.subarray(at + 8, at + 8 + size);
      const records = (await decodeBatch(new Decoder(batch))).records;
      expect(records.map((r) => r.value?.toString())).toEqual(messages.map((m) => m.value.toString()));
      expect(batch.readUInt32BE(17)).toBe(crc32CInJs(batch.subarray(21)) >>> 0);
      at += 8 + size;
    }
    expect(at).toBe(buffer.length);
  });
});

interface QueueLike {
  push(request: object): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  maybeThrottle(ms: number): void;
  destroy(): void;
  pending: unknown[];
  throttleCheckTimeoutId: unknown;
}
const RequestQueue = kafkajs('network/requestQueue') as new (options: object) => QueueLike;
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

describe('kafkajs patch: request queue', () => {
  const queue = (maxInFlightRequests: number | null): QueueLike =>
    new RequestQueue({
      maxInFlightRequests,
      requestTimeout: 30_000,
      clientId: 't',
      broker: 'b',
      logger: silent,
    });
  const request = (correlationId: number, sent: number[], done: number[]): object => ({
    entry: { correlationId, resolve: () => done.push(correlationId), reject: () => {} },
    expectResponse: true,
    sendRequest: () => sent.push(correlationId),
  });

  it('arms no timer while nothing waits (upstream re-armed a 1 ms timer per connection forever)', () => {
    const q = queue(null);
    const [sent, done] = [[] as number[], [] as number[]];
    q.push(request(1, sent, done));
    expect(sent).toEqual([1]);
    q.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
    expect(done).toEqual([1]);
    expect(q.throttleCheckTimeoutId).toBeNull();
    q.destroy();
  });

  it('still sends what waits: at the in-flight limit on a response, and when a throttle ends', async () => {
    const q = queue(1);
    const [sent, done] = [[] as number[], [] as number[]];
    q.push(request(1, sent, done));
    q.push(request(2, sent, done));
    expect(sent).toEqual([1]);
    q.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
    expect(sent).toEqual([1, 2]);
    q.fulfillRequest({ correlationId: 2, payload: Buffer.alloc(0), size: 0 });
    // The check armed while request 2 waited fires once and is not re-armed.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(q.throttleCheckTimeoutId).toBeNull();

    q.maybeThrottle(30);
    q.push(request(3, sent, done));
    expect(sent).toEqual([1, 2]);
    expect(q.throttleCheckTimeoutId).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sent).toEqual([1, 2, 3]);
    q.destroy();
  });
});

interface FetchedLike {
  offset: string;
  key: Buffer | null;
  value: string;
  batchContext: { producerId: string; inTransaction: boolean };
}
const filterAborted = kafkajs('consumer/filterAbortedMessages') as (fetched: {
  messages: FetchedLike[];
  abortedTransactions: { firstOffset: string; producerId: string }[];
}) => FetchedLike[];

describe('kafkajs patch: aborted transactions', () => {
  const ABORT = Buffer.from([0, 0, 0, 0]);
  const COMMIT = Buffer.from([0, 0, 0, 1]);
  const record = (
    offset: number,
    producerId: string,
    value: string,
    key: Buffer | null = null,
  ): FetchedLike => ({
    offset: String(offset),
    key,
    value,
    batchContext: { producerId, inTransaction: true },
  });

  it('leaves out every aborted record when producers aborted in another order than they began', () => {
    // p0 and p1 each left a transaction open (a crashed process's); their successors aborted p1's
    // first. The broker lists aborted transactions by abort order: p1's, then p0's.
    const messages = [
      record(10, 'p0', 'p0 aborted'),
      record(11, 'p1', 'p1 aborted'),
      record(12, 'p2', 'p2 committed'),
      record(13, 'p0', 'p0 aborted too'),
      record(14, 'p1', '', ABORT),
      record(15, 'p2', '', COMMIT),
      record(16, 'p0', '', ABORT),
      record(17, 'p0', 'p0 committed'),
      record(18, 'p0', '', COMMIT),
    ];
    const kept = filterAborted({
      messages,
      abortedTransactions: [
        { firstOffset: '11', producerId: 'p1' },
        { firstOffset: '10', producerId: 'p0' },
      ],
    }).filter((m) => m.key === null);
    expect(kept.map((m) => m.value)).toEqual(['p2 committed', 'p0 committed']);
  });

  it('leaves out the rest of an aborted transaction begun before the fetch, whatever its place in the list', () => {
    // A fetch from offset 20: both transactions began before it, in one batch of records.
    const messages = [
      record(20, 'p0', 'p0 aborted'),
      record(21, 'p1', 'p1 aborted'),
      record(22, 'p0', 'p0 aborted too'),
      record(23, 'p1', '', ABORT),
      record(24, 'p0', '', ABORT),
      record(25, 'p1', 'p1 committed'),
    ];
    const kept = filterAborted({
      messages,
      abortedTransactions: [
        { firstOffset: '5', producerId: 'p1' },
        { firstOffset: '3', producerId: 'p0' },
      ],
    }).filter((m) => m.key === null);
    expect(kept.map((m) => m.value)).toEqual(['p1 committed']);
  });
});

interface EosManagerLike {
  initProducerId(): Promise<void>;
  beginTransaction(): void;
  sendOffsets(o: {
    consumerGroupId: string;
    topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
  }): Promise<void>;
}
const createEosManager = kafkajs('producer/eosManager') as (o: object) => EosManagerLike;
const { createErrorFromCode } = kafkajs('protocol/error') as { createErrorFromCode(code: number): Error };
const CONCURRENT_TRANSACTIONS = 51;
const INVALID_PRODUCER_EPOCH = 47;

describe('kafkajs patch: offsets sent with a transaction', () => {
  /** A transaction coordinator that answers AddOffsetsToTxn with `answers` in turn, then succeeds. */
  function coordinator(answers: number[]) {
    const calls = { addOffsetsToTxn: 0, txnOffsetCommit: 0 };
    const broker = {
      isConnected: () => true,
      initProducerId: () => Promise.resolve({ producerId: 7, producerEpoch: 0 }),
      addOffsetsToTxn: () => {
        calls.addOffsetsToTxn++;
        const code = answers.shift();
        return code === undefined ? Promise.resolve({}) : Promise.reject(createErrorFromCode(code));
      },
      txnOffsetCommit: () => {
        calls.txnOffsetCommit++;
        return Promise.resolve({});
      },
    };
    const quiet = (): void => undefined;
    const eos = createEosManager({
      logger: { debug: quiet, info: quiet, warn: quiet, error: quiet },
      cluster: {
        retry: { initialRetryTime: 1, maxRetryTime: 5, retries: 5 },
        refreshMetadataIfNecessary: () => Promise.resolve(),
        findGroupCoordinator: () => Promise.resolve(broker),
      },
      transactional: true,
      transactionalId: 'ringfence-test',
    });
    return { eos, calls };
  }
  const offsets = {
    consumerGroupId: 'g',
    topics: [{ topic: 't', partitions: [{ partition: 0, offset: '1' }] }],
  };

  it('sends them again while the coordinator still completes the transaction before', async () => {
    const { eos, calls } = coordinator([CONCURRENT_TRANSACTIONS, CONCURRENT_TRANSACTIONS]);
    await eos.initProducerId();
    eos.beginTransaction();
    await eos.sendOffsets(offsets);
    expect(calls).toEqual({ addOffsetsToTxn: 3, txnOffsetCommit: 1 });
  });

  it('throws any other refusal as it came, at once (a fenced producer stays fenced)', async () => {
    const { eos, calls } = coordinator([INVALID_PRODUCER_EPOCH]);
    await eos.initProducerId();
    eos.beginTransaction();
    await expect(eos.sendOffsets(offsets)).rejects.toMatchObject({ type: 'INVALID_PRODUCER_EPOCH' });
    expect(calls).toEqual({ addOffsetsToTxn: 1, txnOffsetCommit: 0 });
  });
});
