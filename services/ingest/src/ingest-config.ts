import { cfg } from '@ringfence/common';
import { z } from 'zod';

/**
 * Configuration keys every way into ingest shares (replay CLI, HTTP service, raw-topic normaliser).
 * Spread into a service schema next to `baseConfigShape`; env var = UPPER_SNAKE of the key.
 */
export const ingestConfigShape = {
  /** Region for national-format numbers. */
  defaultRegion: z
    .string()
    .regex(/^[A-Z]{2}$/, 'expected an ISO 3166 alpha-2 region')
    .default('CN'),
  maxFieldLength: cfg.int(16, 65_536).default(256),
  maxRecordBytes: cfg.int(256, 512 * 1024).default(64 * 1024),
  maxCallDurationMs: cfg.int(60_000, 30 * 86_400_000).default(48 * 3_600_000),
  /** Event-time window within which a repeated call_id is a duplicate. */
  dedupWindowMs: cfg.int(0, 30 * 86_400_000).default(3_600_000),
  /** Most ids the duplicate filter remembers (per kind). */
  dedupMaxEntries: cfg.int(1, 50_000_000).default(2_000_000),
  /**
   * Messages per Kafka produce request. kafkajs groups a request's messages per partition in time
   * quadratic in their number (and as much garbage), so ~1000 costs far less CPU per message than 5000.
   */
  produceBatchSize: cfg.int(1, 100_000).default(1_000),
  /** Longest a partial batch waits before it is sent. */
  produceLingerMs: cfg.int(0, 60_000).default(20),
  /** Batches handed to the producer at once (it sends them one at a time, in order, per broker). */
  produceMaxInFlight: cfg.int(1, 64).default(3),
  /** Messages buffered (pending + in flight) before callers are asked to wait (HTTP answers 429). */
  produceMaxQueued: cfg.int(1, 10_000_000).default(40_000),
};

export type IngestConfig = { [K in keyof typeof ingestConfigShape]: z.infer<(typeof ingestConfigShape)[K]> };
