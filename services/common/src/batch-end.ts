import type { Batch, Consumer } from 'kafkajs';

/**
 * The last offset a batch covers once every record of it was taken: its last record, or the
 * transaction markers and aborted records after it. A consumer that tracks its own positions (to
 * commit them, report lag or tell that it caught up) must move past those too, or a partition
 * written by transactions stays one offset short of its end for good.
 */
export function batchEnd(batch: Batch, lastTaken: number): number {
  return Math.max(lastTaken, Number(batch.lastOffset()));
}

/**
 * Calls `passed` with the next offset to read whenever kafkajs consumed a batch that holds no record
 * for eachBatch: transaction markers or aborted records only. kafkajs moves its own fetch position
 * past such a batch without telling eachBatch, so a consumer that tracks positions itself learns of
 * it here.
 */
export function onRecordlessBatch(
  consumer: Consumer,
  passed: (topic: string, partition: number, next: number, highWatermark: number) => void,
): void {
  consumer.on(consumer.events.END_BATCH_PROCESS, (e) => {
    if (e.payload.batchSize !== 0) return;
    const next = Number(e.payload.lastOffset) + 1;
    const end = Number(e.payload.highWatermark);
    // Never past the end: a batch is also empty when all it held lay below the fetch offset.
    if (next > end) return;
    passed(e.payload.topic, e.payload.partition, next, end);
  });
}
