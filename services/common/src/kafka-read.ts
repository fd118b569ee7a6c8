import { randomBytes } from 'node:crypto';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { RingfenceError } from './errors.js';

/** One fetched batch of a partition, its messages at or after the requested start offset. */
export interface ReadBatch {
  topic: string;
  partition: number;
  messages: KafkaMessage[];
}

export interface ReadToEndOptions {
  /** Where to start per partition (clamped to the partition's low watermark); the beginning when absent. */
  from?: (topic: string, partition: number) => number | undefined;
  /** The throw-away group's name starts with this (made unique per read); it is deleted afterwards. */
  groupPrefix?: string;
  /** Where a failure to delete the throw-away group is reported (the read itself succeeded). */
  logger?: Logger;
}

/**
 * Reads `topics` from the given offsets to their ends as they are when the call starts, through a
 * throw-away consumer group, handing each batch to `onBatch` in partition order. Resolves once every
 * partition's position passed its end: compacted gaps, aborted records and transaction markers
 * count as read, so a compacted or transactional topic ends too. Rejects with UNAVAILABLE when the
 * consumer fails.
 */
export async function readToEnd(
  kafka: Kafka,
  admin: Admin,
  topics: string | readonly string[],
  onBatch: (batch: ReadBatch) => void,
  options: ReadToEndOptions = {},
): Promise<void> {
  const list = typeof topics === 'string' ? [topics] : [...topics];
  const starts = new Map<string, bigint>();
  const pending = new Map<string, bigint>();
  for (const topic of list) {
    for (const e of await admin.fetchTopicOffsets(topic)) {
      const low = BigInt(e.low);
      const requested = options.from?.(topic, e.partition);
      const start = requested === undefined || BigInt(requested) < low ? low : BigInt(requested);
      starts.set(`${topic}/${e.partition}`, start);
      if (start < BigInt(e.high)) pending.set(`${topic}/${e.partition}`, BigInt(e.high));
    }
  }
  if (pending.size === 0) return;
  const groupId = `${options.groupPrefix ?? 'read-to-end'}-${randomBytes(4).toString('hex')}`;
  const reader = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  try {
    await reader.connect();
    await reader.subscribe({ topics: list, fromBeginning: true });
    // Batches fetched after the last end was reached are not handed on.
    let done = false;
    await new Promise<void>((resolve, reject) => {
      // The end-of-batch event also fires for batches left empty by filtering (transaction markers,
      // aborted records), which never reach eachBatch: progress is tracked there, not on messages.
      reader.on(reader.events.END_BATCH_PROCESS, ({ payload }) => {
        const id = `${payload.topic}/${payload.partition}`;
        const end = pending.get(id);
        if (end !== undefined && BigInt(payload.lastOffset) + 1n >= end) pending.delete(id);
        if (pending.size === 0) {
          done = true;
          resolve();
        }
      });
      reader
        .run({
          autoCommit: false,
          eachBatch: ({ batch }) => {
            if (done) return Promise.resolve();
            const start = starts.get(`${batch.topic}/${batch.partition}`) ?? 0n;
            const messages = batch.messages.filter((m) => BigInt(m.offset) >= start);
            if (messages.length > 0) onBatch({ topic: batch.topic, partition: batch.partition, messages });
            return Promise.resolve();
          },
        })
        .catch(reject);
      for (const id of pending.keys()) {
        const slash = id.lastIndexOf('/');
        const topic = id.slice(0, slash);
        const partition = Number(id.slice(slash + 1));
        reader.seek({ topic, partition, offset: String(starts.get(id) ?? 0n) });
      }
    });
  } catch (err) {
    throw new RingfenceError('UNAVAILABLE', `could not read ${list.join(', ')}: ${(err as Error).message}`, {
      cause: err,
    });
  } finally {
    await reader.disconnect();
    await admin
      .deleteGroups([groupId])
      .catch((err: unknown) => options.logger?.warn({ err, groupId }, 'throw-away reader group not deleted'));
  }
}
