import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { withRetry } from './retry.js';

export interface FollowTopicsOptions {
  /**
   * How long the broker holds a fetch that finds nothing new (default 500 ms). A record is handed
   * over as soon as it is committed; this only sets how often an idle follower asks.
   */
  maxWaitMs?: number;
  /**
   * The least time between the starts of two fetches once caught up (default 0). A fetch returns as
   * soon as anything is written, transaction markers included, so a topic written by many
   * transactional producers would otherwise be fetched after every commit; this bounds how often a
   * follower asks, and how much later than that it may hand a record over.
   */
  minIntervalMs?: number;
  /** After fetching has failed for this long (default 60 s), `healthy()` is false until a fetch succeeds. */
  patienceMs?: number;
}

export interface TopicFollower {
  /** Resolves once every partition has been handed over up to the end it had when following began. */
  readonly caughtUp: Promise<void>;
  /** False while no fetch of some topic has succeeded for `patienceMs`: what it feeds is going stale. */
  healthy(): boolean;
  /**
   * Where the next fetch of a partition starts: every record before it, and every transaction
   * marker, has been handed over. Undefined until the topic's ends were read.
   */
  position(topic: string, partition: number): number | undefined;
  /**
   * Committed records of `topic` (of every followed topic when omitted) not handed over yet, as the
   * last fetch of each partition found them: what a reader of the followed table does not know yet.
   */
  behind(topic?: string): number;
  /** Milliseconds since the last fetch that succeeded (since following began, before the first). */
  sinceFetchMs(): number;
  /** Stops fetching (an idle fetch under way ends within `maxWaitMs`) and closes the connections. */
  stop(): Promise<void>;
}

/** Handed each partition's committed records in offset order; the next fetch waits for it. */
export type FollowHandler = (
  topic: string,
  partition: number,
  messages: KafkaMessage[],
) => void | Promise<void>;

/** kafkajs's protocol error for an offset outside the log, thrown by a fetch. */
function offsetOutOfRange(err: unknown): boolean {
  return (err as { type?: unknown }).type === 'OFFSET_OUT_OF_RANGE';
}

/**
 * Follows `topics` from their start for as long as it runs, read_committed, every partition by
 * explicit assignment: no consumer group, so a replica that starts neither waits for the broker's
 * `group.initial.rebalance.delay.ms` (3 s by default) nor makes the group coordinator work, and
 * commits nothing (every start reads the topics again: meant for compacted topics that every
 * replica holds whole). Every topic's partitions go in one fetch (one request per leader), so
 * following several topics costs the broker no more requests than following one. Failed fetches (a
 * broker restarting, a leader moving) are retried with backoff from where the follower got to,
 * without end. Partitions added to a topic after the start are not followed.
 */
export function followTopics(
  kafka: Kafka,
  topics: readonly string[],
  onMessages: FollowHandler,
  logger: Logger,
  options: FollowTopicsOptions = {},
): TopicFollower {
  const maxWaitMs = options.maxWaitMs ?? 500;
  const minIntervalMs = options.minIntervalMs ?? 0;
  const patienceMs = options.patienceMs ?? 60_000;
  const stopping = new AbortController();
  const signal = stopping.signal;
  /** "<topic>/<partition>" → the offset it must reach to be caught up. */
  const pending = new Map<string, bigint>();
  let started = false;
  let markCaughtUp: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => {
    markCaughtUp = resolve;
  });
  const settleIfCaughtUp = (): void => {
    if (pending.size === 0 && started) markCaughtUp();
  };
  let lastSuccess = Date.now();
  /** Per topic, the next offset to fetch per partition. */
  const positions = new Map<string, Map<number, string>>();
  /** Per topic, per partition: committed records past the position, as last fetched. */
  const gaps = new Map<string, Map<number, number>>();
  const retrying =
    (what: string) =>
    (err: unknown, attempt: number): void => {
      logger.warn({ err: (err as Error).message, topics, attempt }, `following: ${what} failed; retrying`);
    };
  const follow = async (admin: Admin): Promise<void> => {
    for (const topic of topics) {
      const ends = await withRetry(() => admin.fetchTopicEndsCommitted(topic), {
        signal,
        onRetry: retrying(`reading the ends of ${topic}`),
      });
      const next = new Map<number, string>();
      const gap = new Map<number, number>();
      positions.set(topic, next);
      gaps.set(topic, gap);
      for (const e of ends) {
        next.set(e.partition, e.low);
        gap.set(e.partition, Math.max(0, Number(e.high) - Number(e.low)));
        if (BigInt(e.high) > BigInt(e.low)) pending.set(`${topic}/${e.partition}`, BigInt(e.high));
      }
    }
    started = true;
    settleIfCaughtUp();
    lastSuccess = Date.now();
    const request = (): { topic: string; partitions: { partition: number; offset: string }[] }[] =>
      [...positions].map(([topic, next]) => ({
        topic,
        partitions: [...next].map(([partition, offset]) => ({ partition, offset })),
      }));
    while (!signal.aborted) {
      const began = Date.now();
      const fetched = await withRetry(
        () => admin.fetchPartitions({ topics: request(), maxWaitTime: maxWaitMs }),
        {
          signal,
          onRetry: async (err, attempt) => {
            retrying('a fetch')(err, attempt);
            if (!offsetOutOfRange(err)) return;
            // The log's start moved past where this follower stood (records deleted): go on from
            // the new start, as a consumer with auto.offset.reset=earliest would.
            for (const [topic, next] of positions)
              for (const e of await admin.fetchTopicEndsCommitted(topic))
                if (BigInt(next.get(e.partition) ?? e.low) < BigInt(e.low)) next.set(e.partition, e.low);
          },
        },
      );
      lastSuccess = Date.now();
      for (const f of fetched) {
        if (f.messages.length > 0) await onMessages(f.topic, f.partition, f.messages);
        positions.get(f.topic)?.set(f.partition, f.nextOffset);
        // A broker that cannot say (-1) leaves the last figure standing.
        const stable = Number(f.lastStableOffset);
        if (stable >= 0) gaps.get(f.topic)?.set(f.partition, Math.max(0, stable - Number(f.nextOffset)));
        const id = `${f.topic}/${f.partition}`;
        const target = pending.get(id);
        if (target !== undefined && BigInt(f.nextOffset) >= target) {
          pending.delete(id);
          settleIfCaughtUp();
        }
      }
      // Until caught up, read on at once; after, at most one fetch per minIntervalMs.
      const wait = pending.size === 0 ? began + minIntervalMs - Date.now() : 0;
      // Aborted by stop(): the loop's condition ends it.
      if (wait > 0) await sleep(wait, undefined, { signal }).catch(() => undefined);
    }
  };

  let failed = false;
  const admin = kafka.admin();
  const running = (async (): Promise<void> => {
    if (topics.length === 0) {
      started = true;
      settleIfCaughtUp();
      return;
    }
    try {
      await withRetry(() => admin.connect(), { signal, onRetry: retrying('connecting') });
      await follow(admin);
    } catch (err) {
      if (!signal.aborted) {
        failed = true;
        logger.error({ err, topics }, 'following stopped');
      }
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  })();
  return {
    caughtUp,
    position: (topic, partition) => {
      const at = positions.get(topic)?.get(partition);
      return at === undefined ? undefined : Number(at);
    },
    healthy: () => !failed && Date.now() - lastSuccess <= patienceMs,
    behind: (topic) => {
      let sum = 0;
      for (const [t, gap] of gaps)
        if (topic === undefined || t === topic) for (const n of gap.values()) sum += n;
      return sum;
    },
    sinceFetchMs: () => Date.now() - lastSuccess,
    stop: async () => {
      stopping.abort();
      await running;
    },
  };
}
