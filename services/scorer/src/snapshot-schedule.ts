/**
 * When a task's next snapshot is due. Every snapshot writes the task's whole state, so its cost grows
 * with the state while the interval stays put: at a carrier's scale (hundreds of megabytes per
 * partition) a fixed 10 s would spend most of an instance on snapshots. While input is flowing, the
 * wait after a snapshot therefore also stretches to keep the instance's snapshots within a share of
 * its time: a snapshot that took `cost` waits at least `cost / share`, where `share` is this task's
 * part of the instance's budget. A longer wait means more input to replay after a crash, and that
 * replay is quick where input arrives slower than the scorer applies it. Once idle there is nothing
 * to take time from, and the interval alone decides.
 */
export class SnapshotSchedule {
  /** Records applied since the last snapshot. */
  private applied = 0;
  private last: number;
  /** Wall time the last snapshot took (state, chunks, offsets, commit), ms. */
  private costMs = 0;

  constructor(
    private readonly intervalMs: number,
    now: number,
  ) {
    this.last = now;
  }

  /** Counts records applied into the state. */
  applies(n: number): void {
    this.applied += n;
  }

  /**
   * Whether a snapshot is due at `now`: input applied since the last, and the last old enough.
   * `share` is the part of the instance's time this task's snapshots may take (Infinity once idle).
   */
  due(now: number, share: number): boolean {
    return this.applied > 0 && now - this.last >= this.waitMs(share);
  }

  /** A snapshot finished at `now` after taking `costMs`. */
  taken(now: number, costMs: number): void {
    this.applied = 0;
    this.last = now;
    this.costMs = costMs;
  }

  /** How long the wait after the last snapshot is at `share`, ms (a gauge for operators). */
  waitMs(share: number): number {
    return Math.max(this.intervalMs, this.costMs / share);
  }
}
