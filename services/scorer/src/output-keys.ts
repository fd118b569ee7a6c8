import type { Admin } from 'kafkajs';
import { readToEnd, type Logger } from '@ringfence/common';

/** Where a key was last published. */
export interface LastWrite {
  partition: number;
  offset: number;
}

/**
 * Keys of the messages of `topic` from the given offsets (per partition) to the current end, each
 * with where it was last written: after a crash or a takeover, the keys the previous owner
 * published after its last snapshot, whose compacted values the restored state must settle.
 */
export async function keysSince(
  admin: Admin,
  topic: string,
  from: ReadonlyMap<number, number>,
  logger: Logger,
): Promise<Map<string, LastWrite>> {
  const keys = new Map<string, LastWrite>();
  await readToEnd(
    admin,
    topic,
    (partition, message) => {
      const key = message.key?.toString() ?? '';
      if (key !== '') keys.set(key, { partition, offset: Number(message.offset) });
    },
    // What the previous owner committed may lie after another task's transaction still open.
    { from, pastOpenTransactions: true },
    logger,
  );
  return keys;
}
