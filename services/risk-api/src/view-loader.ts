import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { followTopics, topicName, type Logger } from '@ringfence/common';
import type { RiskView } from './risk-view.js';

// Verdicts applied between two turns of the event loop. A fetch brings up to 1 MB a partition,
// thousands of verdicts at a few µs each: applied in one go they would hold every Check waiting
// behind them for tens of ms; 256 at a time holds them about a millisecond.
const APPLY_SLICE = 256;

// Each scorer task's commit writes a marker to the verdict partitions it wrote, and a marker ends a
// waiting fetch: unpaced, every replica would fetch after nearly every commit of every task (tens a
// second while the scorer is busy). At most one fetch per 100 ms, the scorer's own commit interval,
// keeps a replica's fetches bounded however many tasks commit, for at most that much more delay.
const FETCH_MIN_INTERVAL_MS = 100;

export interface ViewLoader {
  /** Resolves once the view holds everything up to the end offsets seen at start. */
  readonly caughtUp: Promise<void>;
  /** False while the view has not been able to follow the topics for a minute: it is going stale. */
  healthy(): boolean;
  /** Committed verdicts not applied yet, as the last fetch found them. */
  behind(): number;
  /** Milliseconds since the last successful fetch. */
  sinceFetchMs(): number;
  stop(): Promise<void>;
}

/**
 * Reads caller-risk.v1 and source-risk.v1 from the beginning into the view and keeps following them,
 * with no consumer group (`followTopics`): every start rebuilds the whole view from the compacted
 * topics, without waiting for a group to form.
 */
export function startViewLoader(options: {
  kafka: Kafka;
  topicPrefix: string;
  view: RiskView;
  logger: Logger;
}): ViewLoader {
  const { view, logger } = options;
  const callerTopic = topicName(options.topicPrefix, 'callerRisk');
  const apply = async (topic: string, _partition: number, messages: KafkaMessage[]): Promise<void> => {
    const caller = topic === callerTopic;
    for (let i = 0; i < messages.length; i++) {
      if (i > 0 && i % APPLY_SLICE === 0) await nextTurn();
      const m = messages[i];
      if (m === undefined || m.key === null) continue;
      const key = m.key.toString('utf8');
      if (caller) view.applyCaller(key, m.value);
      else view.applySource(key, m.value);
    }
  };
  const follower = followTopics(
    options.kafka,
    [callerTopic, topicName(options.topicPrefix, 'sourceRisk')],
    apply,
    logger,
    { minIntervalMs: FETCH_MIN_INTERVAL_MS },
  );
  void follower.caughtUp.then(() =>
    logger.info({ sizes: view.sizes(), skippedNotE164: view.skippedCallers() }, 'risk view caught up'),
  );
  return follower;
}
