import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Admin, Kafka } from 'kafkajs';
import { topicName, type Logger } from '@ringfence/common';
import type { RiskView } from './risk-view.js';

// Verdicts applied between two turns of the event loop. A fetch brings up to 1 MB a partition,
// thousands of verdicts at a few µs each: applied in one go they would hold every Check waiting
// behind them for tens of ms; 256 at a time holds them about a millisecond.
const APPLY_SLICE = 256;

// Right after a topic is created its leaders may not be known yet; those errors pass in moments.
async function endOffsets(
  admin: Admin,
  topic: string,
): Promise<{ partition: number; high: string; low: string }[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (err) {
      if (attempt >= 40 || (err as { retriable?: boolean }).retriable !== true) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export interface ViewLoader {
  /** Resolves once the view holds everything up to the end offsets seen at start. */
  readonly caughtUp: Promise<void>;
  /** False once the consumer has crashed for good: the view no longer follows the topics. */
  healthy(): boolean;
  stop(): Promise<void>;
}

/**
 * Reads caller-risk.v1 and source-risk.v1 from the beginning into the view and keeps following them.
 * The group id is unique per replica and offsets are never committed: every start rebuilds the
 * whole view from the compacted topics.
 */
export async function startViewLoader(options: {
  kafka: Kafka;
  topicPrefix: string;
  view: RiskView;
  logger: Logger;
}): Promise<ViewLoader> {
  const { kafka, view, logger } = options;
  const callerTopic = topicName(options.topicPrefix, 'callerRisk');
  const sourceTopic = topicName(options.topicPrefix, 'sourceRisk');

  // Targets: the end offset of every partition at start; caught up when all are reached.
  const admin = kafka.admin();
  await admin.connect();
  const pending = new Map<string, bigint>();
  try {
    for (const topic of [callerTopic, sourceTopic]) {
      for (const p of await endOffsets(admin, topic)) {
        if (BigInt(p.high) > BigInt(p.low)) pending.set(`${topic}/${p.partition}`, BigInt(p.high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  let markCaughtUp: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => {
    markCaughtUp = resolve;
  });
  const check = (): void => {
    if (pending.size === 0) markCaughtUp();
  };
  check();

  const consumer = kafka.consumer({
    groupId: `risk-api-${hostname()}-${randomBytes(6).toString('hex')}`,
    // A new verdict must be visible within a second.
    maxWaitTimeInMs: 100,
    sessionTimeout: 30_000,
  });
  let healthy = true;
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    // kafkajs restarts the consumer itself after retriable errors; anything else leaves a stale view.
    logger.error({ err: payload.error, restart: payload.restart }, 'risk view consumer crashed');
    if (!payload.restart) healthy = false;
  });
  // The end is recognised from batch bounds, which count the transaction markers the scorer's
  // commits leave after its records; a batch of markers only never reaches eachBatch.
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    if (pending.size === 0) return;
    const id = `${payload.topic}/${payload.partition}`;
    const target = pending.get(id);
    // Compaction can remove offsets, so compare against the batch's last offset, not a count.
    if (target !== undefined && BigInt(payload.lastOffset) + 1n >= target) {
      pending.delete(id);
      check();
    }
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [callerTopic, sourceTopic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch }) => {
      const caller = batch.topic === callerTopic;
      const messages = batch.messages;
      for (let i = 0; i < messages.length; i++) {
        if (i > 0 && i % APPLY_SLICE === 0) await nextTurn();
        const m = messages[i];
        if (m === undefined || m.key === null) continue;
        const key = m.key.toString('utf8');
        if (caller) view.applyCaller(key, m.value);
        else view.applySource(key, m.value);
      }
    },
  });
  void caughtUp.then(() => logger.info({ sizes: view.sizes() }, 'risk view caught up'));
  return {
    caughtUp,
    healthy: () => healthy,
    stop: async () => {
      await consumer.disconnect();
    },
  };
}
