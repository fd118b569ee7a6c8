import { baseConfigShape, cfg } from '@ringfence/common';
import { z } from 'zod';

/** Configuration of the scorer service (env var = UPPER_SNAKE of the key). */
export const scorerConfigShape = {
  ...baseConfigShape,
  /** Consumer group of the number stages (cdr.v1, complaints.v1, feedback.v1, scorer.received.v1); the source stages use `<groupId>.sources`. */
  groupId: z.string().min(1).default('ringfence-scorer'),
  /** Rules file; the engine's shipped default when unset. */
  rulesFile: z.string().optional(),
  /**
   * Longest a partition's transaction with outputs stays open: verdicts become visible to
   * read-committed readers (risk-api, sink) at most this much later; each commit costs the broker a
   * round of transaction markers per partition.
   */
  commitIntervalMs: cfg.int(10, 10_000).default(100),
  /** Snapshot the state (with the offsets it reflects) at most this often, wall clock. */
  snapshotIntervalMs: cfg.int(100, 3_600_000).default(10_000),
  /**
   * While input flows, a partition's snapshots take at most this share of the time spent applying
   * its input: after a snapshot that took t, the next waits until the partition has spent t / share
   * applying. Larger state then means rarer snapshots; a crash replays at most t / share of work.
   */
  snapshotTimeShare: cfg.number(0.01, 1).default(0.1),
  /** The longest wait between two snapshots of a partition while its input flows, wall clock. */
  snapshotMaxWaitMs: cfg.int(1_000, 86_400_000).default(600_000),
  /**
   * `zstd` stores snapshots about a tenth of their size (less to write, keep and read back on a
   * takeover); `none` stores them as they are. Every version reads both; a version from before
   * `zstd` reads only `none`, so a rolling upgrade from one sets `none` until no such instance runs.
   */
  snapshotCompression: z.enum(['zstd', 'none']).default('zstd'),
  /** Snapshot chunk size: each chunk is one Kafka message, under the broker's 1 MB default. */
  snapshotChunkBytes: cfg.int(1024, 8 * 1024 * 1024).default(900 * 1024),
  /**
   * Consumer group session timeout: the other instances take a dead or cut-off instance's partitions
   * over this long after. An instance heartbeats between batches, so this also bounds a batch.
   */
  sessionTimeoutMs: cfg.int(6_000, 300_000).default(6_000),
  /**
   * How long a rebalance waits for members to rejoin. An instance busy this long without reaching a
   * heartbeat (a big partition's takeover or snapshot) loses its partitions; a partition dropped as
   * fenced that the group still assigns to the instance this long plus a session timeout later was
   * fenced by no other instance, and the instance starts again to take it back.
   */
  rebalanceTimeoutMs: cfg.int(6_000, 600_000).default(60_000),
  /**
   * Fetch size per partition. Verdicts do not depend on it (docs/scoring.md, "Determinism"); larger
   * means fewer fetches and transactions, smaller means outputs visible sooner.
   */
  fetchBytesPerPartition: cfg.int(16 * 1024, 64 * 1024 * 1024).default(4 * 1024 * 1024),
  /**
   * A fetch returns once this many bytes are there for the instance (all its partitions together)
   * or after `fetchMaxWaitMs`. An instance that keeps up with its input would otherwise fetch, apply
   * and commit a few records at a time, each round with a cost of its own: with three instances
   * sharing a live 20k CDR/s this wait cut their CPU per CDR by 14–19 % (docs/scaling.md,
   * "Batches"). When input is already waiting it changes nothing.
   */
  fetchMinBytes: cfg.int(1, 64 * 1024 * 1024).default(256 * 1024),
  /**
   * The longest a fetch waits for `fetchMinBytes`: what slow input adds to a verdict's delay at
   * most. Never more than a fifth of the session timeout, so that an idle member heartbeats on time,
   * nor than half `idleFlushMs`, so that an instance keeping up never looks idle between batches.
   */
  fetchMaxWaitMs: cfg.int(10, 60_000).default(250),
  /** Messages per produce request. */
  produceBatchSize: cfg.int(1, 100_000).default(5_000),
  /** Once caught up and idle this long, busy sources get their final evaluation (as offline scoring does at end of input). */
  idleFlushMs: cfg.int(100, 3_600_000).default(2_000),
  /**
   * An instance behind on its input that applies nothing for this long has stalled (a consumer
   * that stopped fetching, a broker call that never returned): it abandons its state and starts
   * again from the snapshots, as after any other failure. Not counted while the broker cannot be
   * asked where the input ends.
   */
  stallTimeoutMs: cfg.int(10_000, 3_600_000).default(120_000),
};

export const scorerConfigSchema = z.object(scorerConfigShape);
export type ScorerConfig = z.infer<typeof scorerConfigSchema>;
