import type { Admin, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { RingfenceError } from './errors.js';
import { withRetry } from './retry.js';

export interface ReadToEndOptions {
  /** First offset to read per partition; a partition not listed is read from its start. */
  from?: ReadonlyMap<number, number>;
  /** The partitions to read (default: every partition of the topic). */
  partitions?: readonly number[];
  /**
   * Also read what transactions open at the call commit within this long (ms): the end is then each
   * partition's high watermark at the call, or, once this long has passed, the last stable offset
   * the broker reports then. Default 0: the last stable offset at the call (a record committed after
   * an earlier transaction that is still open lies beyond it).
   */
  waitForOpenMs?: number;
  /** How long a broker may stay unreachable (leader moving, broker restarting) before the read fails; default 60 s. */
  patienceMs?: number;
}

/**
 * Reads `topic` from `options.from` (or its start) up to the end it has when called, handing every
 * committed record to `onMessage` in offset order per partition. Partitions are fetched by explicit
 * assignment, with no consumer group (joining one costs the broker's
 * `group.initial.rebalance.delay.ms`, 3 s by default), read_committed: records of aborted
 * transactions are left out, and the end is each partition's last stable offset when called, so a
 * transaction still open then is not waited for (unless `waitForOpenMs`). Fetches that fail while a broker restarts or a
 * leader moves are retried from where the read got to.
 */
export async function readToEnd(
  admin: Admin,
  topic: string,
  onMessage: (partition: number, message: KafkaMessage) => void,
  options: ReadToEndOptions,
  logger: Logger,
): Promise<void> {
  const deadline = Date.now() + (options.patienceMs ?? 60_000);
  const retrying =
    (what: string) =>
    (err: unknown, attempt: number): void =>
      logger.warn({ err: (err as Error).message, topic, attempt }, `${what} failed; retrying`);
  const unavailable = (what: string, err: unknown): RingfenceError =>
    new RingfenceError('UNAVAILABLE', `could not ${what} ${topic}: ${(err as Error).message}`, {
      cause: err,
    });
  let ends: Awaited<ReturnType<Admin['fetchTopicEndsCommitted']>>;
  try {
    ends = await withRetry(() => admin.fetchTopicEndsCommitted(topic), {
      deadline,
      onRetry: retrying('reading the ends'),
    });
  } catch (err) {
    throw unavailable('read the ends of', err);
  }
  const waitForOpen = (options.waitForOpenMs ?? 0) > 0;
  const openUntil = Date.now() + (options.waitForOpenMs ?? 0);
  const wanted = options.partitions === undefined ? undefined : new Set(options.partitions);
  /** Next offset and end of each partition not yet read to its end. */
  const pending = new Map<number, { next: bigint; end: bigint }>();
  for (const e of ends) {
    if (wanted !== undefined && !wanted.has(e.partition)) continue;
    const low = BigInt(e.low);
    const from = options.from?.get(e.partition);
    const next = from === undefined || BigInt(from) < low ? low : BigInt(from);
    const end = BigInt(waitForOpen ? e.highWatermark : e.high);
    if (next < end) pending.set(e.partition, { next, end });
  }
  let progressAt = Date.now();
  while (pending.size > 0) {
    let fetched: Awaited<ReturnType<Admin['fetchPartitions']>>;
    try {
      fetched = await withRetry(
        () =>
          admin.fetchPartitions({
            topic,
            partitions: [...pending].map(([partition, p]) => ({ partition, offset: p.next.toString() })),
          }),
        { deadline, onRetry: retrying('a fetch') },
      );
    } catch (err) {
      throw unavailable('read', err);
    }
    for (const f of fetched) {
      const p = pending.get(f.partition);
      if (p === undefined) continue;
      for (const m of f.messages) if (BigInt(m.offset) < p.end) onMessage(f.partition, m);
      const next = BigInt(f.nextOffset);
      if (next > p.next) progressAt = Date.now();
      p.next = next;
      // Still behind a transaction open since the call, after the time allowed: stop where committed ends.
      const stable = BigInt(f.lastStableOffset);
      if (p.next >= p.end || (p.next >= stable && Date.now() > openUntil)) pending.delete(f.partition);
    }
    // A partition that answers without records below its end (its log truncated under it) would
    // otherwise be asked forever.
    if (pending.size > 0 && Date.now() - progressAt > (options.patienceMs ?? 60_000))
      throw new RingfenceError('UNAVAILABLE', `could not read ${topic}: no progress towards its end`);
  }
}
