export { ERROR_CODES, RingfenceError, isRingfenceError, toRingfenceError, type ErrorCode } from './errors.js';
export {
  CONFIG_FILE_ENV,
  baseConfigShape,
  cfg,
  envName,
  loadConfig,
  type LoadConfigOptions,
} from './config.js';
export { createLogger, type Logger } from './logger.js';
export { Counter, Gauge, Histogram, Registry, counter, createMetrics, gauge, histogram } from './metrics.js';
export { scrapeMetrics, sumMetric } from './ops-metrics.js';
export { startOpsServer, type OpsServer, type OpsServerOptions } from './ops-server.js';
export { runService, SUPERVISOR_PID_ENV, type Fail, type Stop } from './lifecycle.js';
export { StallWatchdog } from './stall-watchdog.js';
export {
  TOPICS,
  TOPIC_SPECS,
  configuredSpecs,
  topicName,
  topicSettings,
  type TopicBaseName,
  type TopicRole,
  type TopicSettings,
  type TopicSpec,
} from './topics.js';
export { createKafka, ensureTopics, type KafkaOptions } from './kafka.js';
export { batchEnd, onRecordlessBatch } from './batch-end.js';
export { keyPartition, murmur2 } from './key-partition.js';
export { readToEnd, type ReadToEndOptions } from './topic-reader.js';
export {
  followTopics,
  type FollowHandler,
  type FollowTopicsOptions,
  type TopicFollower,
} from './topic-follower.js';
export { backoffDelay, withRetry, type RetryOptions } from './retry.js';
export { pollUntil, pollUntilTrue, type PollOptions } from './poll-until.js';
export {
  clickhouseUnreachable,
  createClickHouse,
  type ClickHouseClient,
  type ClickHouseOptions,
} from './clickhouse.js';
export {
  SqlFragment,
  array,
  bool,
  date,
  dateTime,
  float,
  formatDateTime,
  fragment,
  ident,
  inList,
  int,
  joinSql,
  literal,
  raw,
  sql,
  str,
  uint,
  type SqlQuery,
  type SqlValue,
} from './sql.js';
