import { randomBytes } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';
import { RingfenceError, type Logger } from '@ringfence/common';

/**
 * Keys of the messages of `topic` from the given offsets (per partition) to the current end: after a
 * crash, the keys the crashed process published after its last snapshot, whose compacted values the
 * restored state must settle.
 */
export async function keysSince(
  kafka: Kafka,
  admin: Admin,
  topic: string,
  from: ReadonlyMap<number, number>,
  logger: Logger,
): Promise<Set<string>> {
  const keys = new Set<string>();
  const ends = await admin.fetchTopicOffsets(topic);
  const pending = new Map<number, number>();
  const starts = new Map<number, number>();
  for (const e of ends) {
    const start = Math.max(from.get(e.partition) ?? Number(e.low), Number(e.low));
    starts.set(e.partition, start);
    if (start < Number(e.high)) pending.set(e.partition, Number(e.high));
  }
  if (pending.size === 0) return keys;
  const groupId = `keys-since-${randomBytes(4).toString('hex')}`;
  const reader = kafka.consumer({ groupId });
  try {
    await reader.connect();
    await reader.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      reader
        .run({
          eachMessage: ({ partition, message }) => {
            const offset = Number(message.offset);
            if (offset >= (starts.get(partition) ?? 0)) keys.add(message.key?.toString() ?? '');
            const high = pending.get(partition);
            if (high !== undefined && offset + 1 >= high) pending.delete(partition);
            if (pending.size === 0) resolve();
            return Promise.resolve();
          },
        })
        .catch(reject);
      for (const [partition] of pending) {
        reader.seek({ topic, partition, offset: String(starts.get(partition) ?? 0) });
      }
    });
  } catch (err) {
    throw new RingfenceError('UNAVAILABLE', `could not read ${topic}: ${(err as Error).message}`, {
      cause: err,
    });
  } finally {
    await reader.disconnect();
    await admin
      .deleteGroups([groupId])
      .catch((err: unknown) => logger.warn({ err }, 'output reader group not deleted'));
  }
  keys.delete('');
  return keys;
}
