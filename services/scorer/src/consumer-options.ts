import type { ConsumerConfig } from 'kafkajs';
import type { ScorerConfig } from './config.js';

type Timing = Pick<
  ScorerConfig,
  | 'sessionTimeoutMs'
  | 'rebalanceTimeoutMs'
  | 'idleFlushMs'
  | 'fetchMinBytes'
  | 'fetchMaxWaitMs'
  | 'fetchBytesPerPartition'
>;

/** How often a member heartbeats: a fifth of the session timeout. */
export function heartbeatIntervalMs(config: Pick<ScorerConfig, 'sessionTimeoutMs'>): number {
  return Math.floor(config.sessionTimeoutMs / 5);
}

/** The settings both of an instance's consumers share (each adds its group and assigner). */
export function consumerOptions(config: Timing): Omit<ConsumerConfig, 'groupId'> {
  const heartbeatInterval = heartbeatIntervalMs(config);
  return {
    sessionTimeout: config.sessionTimeoutMs,
    rebalanceTimeout: config.rebalanceTimeoutMs,
    heartbeatInterval,
    // A member heartbeats only between fetches, and kafkajs makes an empty fetch by sleeping
    // maxWaitTimeInMs (5 s by default): capping the wait at the heartbeat interval makes an idle
    // member notice a rebalance (a dead instance's partitions to take over) on time. A wait near
    // IDLE_FLUSH_MS would make an instance that keeps up look idle between its batches, and flush
    // and snapshot in the middle of its input.
    maxWaitTimeInMs: Math.min(config.fetchMaxWaitMs, heartbeatInterval, Math.floor(config.idleFlushMs / 2)),
    minBytes: config.fetchMinBytes,
    allowAutoTopicCreation: false,
    maxBytesPerPartition: config.fetchBytesPerPartition,
  };
}
