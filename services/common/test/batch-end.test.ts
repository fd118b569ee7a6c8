import { createRequire } from 'node:module';
import { EventEmitter } from 'node:events';
import type { Batch, Consumer } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { batchEnd, onRecordlessBatch } from '../src/batch-end.js';

// kafkajs's own Batch: what it makes of a fetch response is what these helpers must read right.
const KafkaBatch = createRequire(import.meta.url)('kafkajs/src/consumer/batch.js') as new (
  topic: string,
  fetchedOffset: string,
  partitionData: object,
) => Batch;

const record = (offset: number, control = false): object => ({
  offset: String(offset),
  key: null,
  value: control ? Buffer.from([0, 0, 0, 1]) : Buffer.from('v'),
  isControlRecord: control,
  batchContext: { producerId: '7', inTransaction: true },
});

describe('batchEnd', () => {
  it('covers the transaction marker after a batch’s last record', () => {
    const batch = new KafkaBatch('t', '10', {
      partition: 0,
      highWatermark: '13',
      abortedTransactions: [],
      messages: [record(10), record(11), record(12, true)],
    });
    expect(batch.messages.map((m) => m.offset)).toEqual(['10', '11']);
    expect(batchEnd(batch, 11)).toBe(12);
  });

  it('stays at the last record taken when that is the batch’s end', () => {
    const batch = new KafkaBatch('t', '10', {
      partition: 0,
      highWatermark: '20',
      abortedTransactions: [],
      messages: [record(10), record(11)],
    });
    expect(batchEnd(batch, 11)).toBe(11);
  });
});

describe('onRecordlessBatch', () => {
  function fakeConsumer(): { consumer: Consumer; end: (payload: object) => void } {
    const emitter = new EventEmitter();
    const consumer = {
      events: { END_BATCH_PROCESS: 'consumer.end_batch_process' },
      on: (event: string, listener: (e: unknown) => void) => emitter.on(event, listener),
    } as unknown as Consumer;
    return { consumer, end: (payload) => emitter.emit('consumer.end_batch_process', { payload }) };
  }

  it('tells of a batch of markers or aborted records only, with the next offset and the end', () => {
    const { consumer, end } = fakeConsumer();
    const seen: unknown[] = [];
    onRecordlessBatch(consumer, (...args) => seen.push(args));
    end({ topic: 't', partition: 3, batchSize: 0, lastOffset: '41', highWatermark: '42' });
    expect(seen).toEqual([['t', 3, 42, 42]]);
  });

  it('ignores batches with records (eachBatch saw them) and an offset past the end', () => {
    const { consumer, end } = fakeConsumer();
    const seen: unknown[] = [];
    onRecordlessBatch(consumer, (...args) => seen.push(args));
    end({ topic: 't', partition: 0, batchSize: 5, lastOffset: '41', highWatermark: '42' });
    // Empty because all it held lay below the fetch offset: kafkajs reports the fetch offset itself.
    end({ topic: 't', partition: 0, batchSize: 0, lastOffset: '42', highWatermark: '42' });
    expect(seen).toEqual([]);
  });
});
