import type { Admin, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { RingfenceError } from './errors.js';
import { withRetry } from './retry.js';

type Fetched = Awaited<ReturnType<Admin['fetchPartitions']>>[number]['messages'][number];

interface Partition {
  next: bigint;
  end: bigint;
  /** Records whose transaction committed (or that were written outside one). */
  committed: Fetched[];
  /** Records of transactions without a marker yet, by producer id. */
  open: Map<string, Fetched[]>;
}

/** A transaction marker's key: version (int16), then type (int16): 0 abort, 1 commit. */
const COMMIT_MARKER = Buffer.from([0, 0, 0, 1]);

/** Files an uncommitted read's record: kept, held back until its transaction's marker, or dropped. */
function settle(p: Partition, m: Fetched): void {
  const producer = m.batchContext?.producerId ?? '';
  if (m.isControlRecord === true) {
    const held = p.open.get(producer);
    p.open.delete(producer);
    if (held !== undefined && m.key !== null && Buffer.from(m.key).equals(COMMIT_MARKER))
      p.committed.push(...held);
  } else if (m.batchContext?.inTransaction === true) {
    const held = p.open.get(producer);
    if (held === undefined) p.open.set(producer, [m]);
    else held.push(m);
  } else p.committed.push(m);
}

export interface ReadToEndOptions {
  /** First offset to read per partition; a partition not listed is read from its start. */
  from?: ReadonlyMap<number, number>;
  /** The partitions to read (default: every partition of the topic). */
  partitions?: readonly number[];
  /**
   * Read every record committed at the call, also those behind a transaction still open then: the
   * end is each partition's high watermark at the call, records are read uncommitted and each
   * transaction's are kept once its commit marker is read (an aborted one's, and those of a
   * transaction without a marker before the end, are dropped). A partition's records are then
   * handed over when it is read to its end, still in offset order. Default: the end is the last
   * stable offset at the call (a record committed after an earlier transaction that is still open
   * lies beyond it), and records are handed over as they arrive.
   */
  pastOpenTransactions?: boolean;
  /** How long a broker may stay unreachable (leader moving, broker restarting) before the read fails; default 60 s. */
  patienceMs?: number;
  /**
   * Awaited after each fetch's records are handed over, before the next fetch: a reader that passes
   * them on to something slower (a file, a pipe) waits here for it to drain, so no more than a
   * fetch's worth is ever held.
   */
  afterFetch?: () => Promise<void> | undefined;
}

/**
 * Reads `topic` from `options.from` (or its start) up to the end it has when called, handing every
 * committed record to `onMessage` in offset order per partition. Partitions are fetched by explicit
 * assignment, with no consumer group (joining one costs the broker's
 * `group.initial.rebalance.delay.ms`, 3 s by default), read_committed: records of aborted
 * transactions are left out, and the end is each partition's last stable offset when called, so a
 * transaction still open then is not waited for (see `pastOpenTransactions`). Fetches that fail while a broker restarts or a
 * leader moves are retried from where the read got to.
 */
export async function readToEnd(
  admin: Admin,
  topic: string,
  onMessage: (partition: number, message: KafkaMessage) => void,
  options: ReadToEndOptions,
  logger: Logger,
): Promise<void> {
  const patienceMs = options.patienceMs ?? 60_000;
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
      deadline: Date.now() + patienceMs,
      onRetry: retrying('reading the ends'),
    });
  } catch (err) {
    throw unavailable('read the ends of', err);
  }
  const pastOpen = options.pastOpenTransactions === true;
  const wanted = options.partitions === undefined ? undefined : new Set(options.partitions);
  /** Each partition not yet read to its end: next offset, end, and with pastOpen what it holds back. */
  const pending = new Map<number, Partition>();
  for (const e of ends) {
    if (wanted !== undefined && !wanted.has(e.partition)) continue;
    const low = BigInt(e.low);
    const from = options.from?.get(e.partition);
    const next = from === undefined || BigInt(from) < low ? low : BigInt(from);
    const end = BigInt(pastOpen ? e.highWatermark : e.high);
    if (next < end) pending.set(e.partition, { next, end, committed: [], open: new Map() });
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
            readUncommitted: pastOpen,
          }),
        { deadline: Date.now() + patienceMs, onRetry: retrying('a fetch') },
      );
    } catch (err) {
      throw unavailable('read', err);
    }
    for (const f of fetched) {
      const p = pending.get(f.partition);
      if (p === undefined) continue;
      for (const m of f.messages) {
        if (BigInt(m.offset) >= p.end) continue;
        if (!pastOpen) onMessage(f.partition, m);
        else settle(p, m);
      }
      const next = BigInt(f.nextOffset);
      if (next > p.next) progressAt = Date.now();
      p.next = next;
      if (p.next < p.end) continue;
      pending.delete(f.partition);
      for (const m of p.committed.sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset))))
        onMessage(f.partition, m);
    }
    // A partition that answers without records below its end (its log truncated under it) would
    // otherwise be asked forever.
    if (pending.size > 0 && Date.now() - progressAt > patienceMs)
      throw new RingfenceError('UNAVAILABLE', `could not read ${topic}: no progress towards its end`);
    if (options.afterFetch !== undefined) {
      await options.afterFetch();
      progressAt = Date.now();
    }
  }
}
