import type { ScorerConfig } from './config.js';

/**
 * When a task's next snapshot is due. Every snapshot writes the task's whole state, so its cost grows
 * with the state while the interval stays put: at a carrier's scale (hundreds of megabytes per
 * partition) a fixed 10 s would spend most of an instance on snapshots. While input is flowing, the
 * next snapshot therefore also waits until the task has spent `cost / share` applying input since
 * the last one, where `cost` is what the last snapshot took. The budget is the partition's own work,
 * not its instance's clock: a partition snapshots as often whichever instance owns it and however
 * many others that instance owns, so spreading partitions over more instances writes no more
 * snapshots, and a crash replays at most `1 / share` times a snapshot's cost of work per partition.
 * `maxWaitMs` bounds the wait on the clock, for a partition whose input trickles in. Once idle there
 * is nothing to take time from, and the interval alone decides.
 */
export class SnapshotSchedule {
  /** Records applied since the last snapshot. */
  private applied = 0;
  /** Time spent applying them, ms. */
  private busyMs = 0;
  /** When the first of them was applied (wall clock, ms). */
  private firstAppliedAt = 0;
  private last: number;
  /** Wall time the last snapshot took (state, chunks, offsets, commit), ms. */
  private costMs = 0;

  constructor(
    private readonly timing: Pick<
      ScorerConfig,
      'snapshotIntervalMs' | 'snapshotMaxWaitMs' | 'snapshotTimeShare'
    >,
    now: number,
  ) {
    this.last = now;
  }

  /** Counts `n` records applied into the state at `now`, which took `busyMs`. */
  applies(n: number, busyMs: number, now: number): void {
    if (n <= 0) return;
    if (this.applied === 0) this.firstAppliedAt = now;
    this.applied += n;
    this.busyMs += busyMs;
  }

  /**
   * Whether a snapshot is due at `now`: input applied since the last, the last at least the interval
   * old, and either the instance idle, the task's work since then worth the snapshot's cost, or the
   * longest wait reached.
   */
  due(now: number, idle: boolean): boolean {
    if (this.applied === 0) return false;
    const waited = now - this.last;
    if (waited < this.timing.snapshotIntervalMs) return false;
    return (
      idle ||
      waited >= this.timing.snapshotMaxWaitMs ||
      this.busyMs * this.timing.snapshotTimeShare >= this.costMs
    );
  }

  /** A snapshot finished at `now` after taking `costMs`. */
  taken(now: number, costMs: number): void {
    this.applied = 0;
    this.busyMs = 0;
    this.last = now;
    this.costMs = costMs;
  }

  /**
   * How much input a crash at `now` would replay for this task, as the time since the first record
   * applied after its last snapshot; at least the interval (a gauge for operators).
   */
  replaySpanMs(now: number): number {
    return Math.max(this.timing.snapshotIntervalMs, this.applied > 0 ? now - this.firstAppliedAt : 0);
  }
}
