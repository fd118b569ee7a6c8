#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from './start.js';

export { ingestConfigShape, type IngestConfig } from './ingest-config.js';
export {
  INGEST_KINDS,
  INGEST_SOURCES,
  IngestCore,
  type IngestCoreOptions,
  type IngestKind,
  type IngestOutcome,
  type IngestSource,
  type IngestStats,
} from './ingest-core.js';
export {
  readDeadLetters,
  type DeadLetterCounts,
  type DeadLetterFilter,
  type DeadLetterRecord,
} from './dead-letters.js';
export { replay, type ReplayOptions } from './replay.js';
export {
  IngestProducer,
  PRODUCER_FATAL_ERRORS,
  createIngestProducer,
  producerFatalError,
  type BatchSender,
  type IngestProducerOptions,
} from './ingest-producer.js';
export { ThreadedIngestProducer, type ThreadedIngestProducerOptions } from './threaded-producer.js';
export { packBatch, unpackBatch } from './batch-packing.js';
export { ingestServiceConfig, type IngestServiceConfig } from './config.js';
export { startIngest, type RunningIngest } from './start.js';

// Run as the ingest service when this file is the process entry (directly or through the bin symlink).
const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) main();
