import type { Admin, Kafka } from 'kafkajs';
import { readToEnd, type Logger } from '@ringfence/common';

/**
 * Keys of the messages of `topic` from the given offsets (per partition) to the current end: after a
 * crash or a takeover, the keys the previous process published after its last snapshot, whose
 * compacted values the restored state must settle.
 */
export async function keysSince(
  kafka: Kafka,
  admin: Admin,
  topic: string,
  from: ReadonlyMap<number, number>,
  logger: Logger,
): Promise<Set<string>> {
  const keys = new Set<string>();
  await readToEnd(
    kafka,
    admin,
    topic,
    (_partition, message) => keys.add(message.key?.toString() ?? ''),
    { from, groupPrefix: 'keys-since' },
    logger,
  );
  keys.delete('');
  return keys;
}
