import { counter, gauge, histogram, type Registry, type TopicFollower } from '@ringfence/common';

/** The scorer's Prometheus series, created once per registry. */
export function scorerMetrics(registry: Registry) {
  return {
    records: counter(registry, 'ringfence_scorer_records_total', 'Input records applied to the engine', [
      'topic',
    ]),
    skipped: counter(
      registry,
      'ringfence_scorer_skipped_total',
      'Input records skipped (already applied, replayed, ahead of the number state, or undecodable)',
      ['topic', 'why'],
    ),
    published: counter(registry, 'ringfence_scorer_published_total', 'Messages published, by topic', [
      'topic',
    ]),
    lag: gauge(
      registry,
      'ringfence_scorer_consumer_lag',
      'Messages behind the partition end: at its takeover, then as last fetched (each partition reported by its owner only)',
      ['topic', 'partition'],
    ),
    tracked: gauge(registry, 'ringfence_scorer_tracked_subjects', 'Subjects held in memory', ['stage']),
    verdicts: gauge(registry, 'ringfence_scorer_verdict_subjects', 'Subjects with a verdict above NONE', [
      'stage',
    ]),
    late: gauge(
      registry,
      'ringfence_scorer_late_records',
      'CDRs older than the watermark (counted, still applied)',
    ),
    duplicates: gauge(
      registry,
      'ringfence_scorer_duplicate_cdrs',
      'CDRs ignored because their call id was already counted (resent by ingest or replayed), since start',
    ),
    idle: gauge(
      registry,
      'ringfence_scorer_idle',
      '1 once caught up on every input it owns, with sources finally evaluated and the state snapshotted; 1 while it owns no partition',
    ),
    flushes: counter(
      registry,
      'ringfence_scorer_flushes_total',
      'End-of-input flushes (every stage finally evaluated) once idle; one flush can make another, then the state is snapshotted once',
    ),
    active: gauge(
      registry,
      'ringfence_scorer_active',
      'Partitions this instance owns and scores (number and source stages); 0 while it owns none',
    ),
    activations: counter(
      registry,
      'ringfence_scorer_activations_total',
      'Partitions this instance took over (fencing their previous owner, restoring their snapshot)',
    ),
    restoreSeconds: gauge(
      registry,
      'ringfence_scorer_restore_seconds',
      'Time the last takeover of partitions of the stage took: fencing, reading their snapshots, settling what was published after them',
      ['stage'],
    ),
    uncheckpointed: gauge(
      registry,
      'ringfence_scorer_uncheckpointed',
      'Partitions this instance owns without a snapshot yet: a crash now replays them from their start',
    ),
    snapshotWait: gauge(
      registry,
      'ringfence_scorer_snapshot_wait_seconds',
      'How much input a crash now would replay: the longest time one of its partitions has applied input since its last snapshot (at least SNAPSHOT_INTERVAL_MS); a partition waits longer than the interval to keep its snapshots within SNAPSHOT_TIME_SHARE of its work, at most SNAPSHOT_MAX_WAIT_MS',
    ),
    snapshotBytes: gauge(
      registry,
      'ringfence_scorer_snapshot_bytes',
      'Bytes of the last partition snapshot as stored on the snapshot topic (compressed, with SNAPSHOT_COMPRESSION=zstd)',
    ),
    snapshotSeconds: histogram(
      registry,
      'ringfence_scorer_snapshot_seconds',
      'Time to serialise and write one partition snapshot',
      [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    ),
  };
}

export type ScorerMetrics = ReturnType<typeof scorerMetrics>;

/**
 * How far behind the shared tables every instance follows are, read at each scrape: taint and
 * campaign counts another instance published and this one does not apply yet.
 */
export function tableMetrics(registry: Registry, follower: TopicFollower, topics: readonly string[]): void {
  gauge(
    registry,
    'ringfence_scorer_table_behind_records',
    'Records committed to a shared table (source-risk.v1, campaign counts) not applied here yet',
    ['topic'],
    (g) => {
      for (const topic of topics) g.set({ topic }, follower.behind(topic));
    },
  );
  gauge(
    registry,
    'ringfence_scorer_table_fetch_age_seconds',
    'Seconds since the shared tables were last fetched successfully',
    [],
    (g) => g.set(follower.sinceFetchMs() / 1000),
  );
}
