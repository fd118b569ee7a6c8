import { baseConfigShape, cfg } from '@ringfence/common';
import { ingestConfigShape } from './ingest-config.js';
import { z } from 'zod';

/** The ingest service's configuration; env var = UPPER_SNAKE of each key. */
export const ingestServiceConfig = z.object({
  ...baseConfigShape,
  ...ingestConfigShape,
  httpHost: z.string().default('127.0.0.1'),
  /** Port of the ingest API; 0 picks a free one. */
  httpPort: cfg.port().default(8088),
  /** Bearer tokens accepted by the API (comma separated in INGEST_TOKENS). Empty refuses every request. */
  ingestTokens: cfg.list().default([]),
  /** Largest request body as sent (compressed or not), in bytes; larger is 413. */
  bodyLimitBytes: cfg.int(1024, 256 * 1024 * 1024).default(16 * 1024 * 1024),
  /** Largest body after gunzip, in bytes; larger is 413 (guards against gzip bombs). */
  inflatedLimitBytes: cfg.int(1024, 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  /** Consume cdr.raw.v1 / complaints.raw.v1 and normalise them. */
  rawTopicEnabled: cfg.bool().default(true),
  rawGroupId: cfg.string().default('ringfence-ingest-raw'),
});

export type IngestServiceConfig = z.infer<typeof ingestServiceConfig>;
