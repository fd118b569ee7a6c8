import { z } from 'zod';
import { baseConfigShape, cfg, loadConfig, type LoadConfigOptions } from '@ringfence/common';

export const sinkConfigSchema = z.object({
  ...baseConfigShape,
  groupId: cfg.string().default('ringfence-sink'),
  /** Flush once this many rows are buffered (18.16 wants ≥ 10k rows per insert at load). */
  flushRows: cfg.int(1, 10_000_000).default(50_000),
  /** ...or once the oldest buffered row is this old. */
  flushAgeMs: cfg.int(10, 600_000).default(2_000),
  /** Consumption pauses while this many rows wait (buffered plus in flight): bounds memory. */
  maxBufferedRows: cfg.int(1, 100_000_000).default(300_000),
  retryInitialMs: cfg.int(1, 60_000).default(200),
  retryMaxMs: cfg.int(1, 600_000).default(10_000),
  insertTimeoutMs: cfg.int(1_000, 600_000).default(60_000),
  /**
   * Batches inserting at once. ClickHouse works on each insert (and its hourly views) with one thread,
   * so a second one in flight lets it use another core; offsets are still committed in order.
   */
  insertsInFlight: cfg.int(1, 8).default(2),
  partitionsConsumedConcurrently: cfg.int(1, 64).default(2),
  /** Where a new consumer group starts: the beginning (replay everything) or only new records. */
  fromBeginning: cfg.bool().default(true),
  /**
   * Behind on its input and consuming nothing for this long, the sink has stalled (a consumer that
   * stopped fetching): it stops and exits with status 1, to be started again.
   */
  stallTimeoutMs: cfg.int(10_000, 3_600_000).default(120_000),
  /** On stop, how long to keep trying to flush before leaving the rest to the next start. */
  stopDrainMs: cfg.int(0, 600_000).default(10_000),
});

export type SinkConfig = Readonly<z.infer<typeof sinkConfigSchema>>;

export function loadSinkConfig(options?: LoadConfigOptions): SinkConfig {
  return loadConfig(sinkConfigSchema, options);
}
