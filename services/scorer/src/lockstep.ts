/**
 * Lockstep between the stages: the number stage takes its next slice only once the source stage
 * has applied every observation published so far, so source verdicts feed back into the number
 * stage at the same points of the input on every run (and the source stage's lag stays bounded).
 * The ends of the observation partitions are read once, then advanced by the scorer's own
 * acknowledged writes (the active scorer is their only writer), so waiting needs no broker round trip.
 */
export class Lockstep {
  private readonly ends: { partition: number; low: number; high: number }[];
  private waiters: (() => void)[] = [];

  /**
   * @param ends each observation partition's end when the scorer became active
   * @param position the next observation offset the source state reflects, per partition (undefined: none yet)
   */
  constructor(
    ends: readonly { partition: number; low: number; high: number }[],
    private readonly position: (partition: number) => number | undefined,
  ) {
    this.ends = ends.map((e) => ({ ...e })).sort((a, b) => a.partition - b.partition);
  }

  /** Records an acknowledged write that ends before `next` on `partition`. */
  written(partition: number, next: number): void {
    const e = this.ends[partition];
    if (e !== undefined && next > e.high) e.high = next;
  }

  /** True while the source stage has not applied every observation published so far. */
  behind(): boolean {
    return this.ends.some((e) => (this.position(e.partition) ?? e.low) < e.high);
  }

  /** Wakes the number stage: the source stage applied a batch. */
  applied(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Waits until the source stage has caught up, waking now and then to heartbeat and to notice a stop. */
  async caughtUp(heartbeat: () => Promise<void>, stop: () => boolean): Promise<void> {
    while (this.behind() && !stop()) {
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 1_000).unref();
      });
      await heartbeat();
    }
  }
}
