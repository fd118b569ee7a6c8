/**
 * Event time across the number stage's input partitions. Partitions are read in any order, so the
 * stages sweep (expire windows, evict) only up to the time no partition still being read is behind:
 * the lowest of their highest event times. The result depends on the input only, not on how fetches
 * interleave, which keeps verdicts equal to offline scoring.
 */
export class InputWatermark {
  /** Highest event time applied per partition key. */
  private readonly max = new Map<string, number>();
  /** Each partition's end, as last fetched. */
  private readonly high = new Map<string, number>();

  /** Starts tracking a partition whose end is `end`. */
  track(key: string, end: number): void {
    this.high.set(key, end);
  }

  tracks(key: string): boolean {
    return this.high.has(key);
  }

  /** Records the partition's end as a fetch reported it. */
  fetched(key: string, end: number): void {
    if (this.high.has(key)) this.high.set(key, end);
  }

  /** Records an applied record's event time. */
  seen(key: string, timeMs: number): void {
    if (timeMs > (this.max.get(key) ?? -1)) this.max.set(key, timeMs);
  }

  /**
   * The event time no partition still being read is behind; 0 while one of them has not delivered
   * anything yet. `position` gives the next offset the state reflects per partition.
   */
  value(position: (key: string) => number): number {
    let low = Number.POSITIVE_INFINITY;
    let high = 0;
    for (const [key, end] of this.high) {
      const max = this.max.get(key);
      if (max !== undefined && max > high) high = max;
      if (position(key) >= end) continue;
      if (max === undefined) return 0;
      if (max < low) low = max;
    }
    return low === Number.POSITIVE_INFINITY ? high : low;
  }
}
