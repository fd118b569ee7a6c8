import { randomBytes } from 'node:crypto';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { RingfenceError } from './errors.js';

export interface ReadToEndOptions {
  /** First offset to read per partition; a partition not listed is read from its start. */
  from?: ReadonlyMap<number, number>;
  /** Prefix of the throw-away consumer group's name (deleted afterwards). */
  groupPrefix: string;
}

/**
 * Reads `topic` from `options.from` (or its start) up to the end it has when called, handing every
 * committed record to `onMessage` in partition order, with a throw-away consumer group. Works on
 * topics written in Kafka transactions: a partition's last offset is then a commit marker that no
 * message reports, so the end is recognised from kafkajs's batch bounds, which count markers.
 */
export async function readToEnd(
  kafka: Kafka,
  admin: Admin,
  topic: string,
  onMessage: (partition: number, message: KafkaMessage) => void,
  options: ReadToEndOptions,
  logger: Logger,
): Promise<void> {
  let ends: { partition: number; high: string; low: string }[];
  try {
    ends = await admin.fetchTopicOffsets(topic);
  } catch (err) {
    throw new RingfenceError(
      'UNAVAILABLE',
      `could not read the ends of ${topic}: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
  const pending = new Map<number, number>();
  const starts = new Map<number, number>();
  for (const e of ends) {
    const start = Math.max(options.from?.get(e.partition) ?? Number(e.low), Number(e.low));
    starts.set(e.partition, start);
    if (start < Number(e.high)) pending.set(e.partition, Number(e.high));
  }
  if (pending.size === 0) return;
  const groupId = `${options.groupPrefix}-${randomBytes(4).toString('hex')}`;
  const reader = kafka.consumer({ groupId });
  try {
    await reader.connect();
    await reader.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      reader.on(reader.events.END_BATCH_PROCESS, (e) => {
        const high = pending.get(e.payload.partition);
        if (high !== undefined && Number(e.payload.lastOffset) + 1 >= high)
          pending.delete(e.payload.partition);
        if (pending.size === 0) resolve();
      });
      reader
        .run({
          eachBatch: ({ batch }) => {
            const start = starts.get(batch.partition) ?? 0;
            for (const m of batch.messages) if (Number(m.offset) >= start) onMessage(batch.partition, m);
            return Promise.resolve();
          },
        })
        .catch(reject);
      for (const [partition] of pending)
        reader.seek({ topic, partition, offset: String(starts.get(partition) ?? 0) });
    });
  } catch (err) {
    throw new RingfenceError('UNAVAILABLE', `could not read ${topic}: ${(err as Error).message}`, {
      cause: err,
    });
  } finally {
    await reader.disconnect();
    await admin
      .deleteGroups([groupId])
      .catch((err: unknown) => logger.warn({ err, groupId }, 'throw-away reader group not deleted'));
  }
}
