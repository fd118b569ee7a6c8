/**
 * When the active scorer commits its open transaction. Every commit costs an EndTxn round trip, a
 * marker on every partition written, and a CONCURRENT_TRANSACTIONS retry of the next transaction's
 * first write while those markers are written. The number stage's observations must commit at once
 * (the source stage reads committed observations only, and lockstep holds the number stage until
 * the source stage has applied them); everything else may wait while the source stage is still
 * catching up, because the source stage is then about to apply its next slice anyway. So:
 * - a transaction holding observations commits after its slice;
 * - otherwise it commits once the source stage has applied every observation published (the
 *   number stage then goes on, or the scorer is idle: nothing waits for a later slice);
 * - and never stays open longer than `maxOpenMs`, so a long catch-up delays outputs only that much.
 */
export class CommitPolicy {
  private openedAt: number | undefined;
  private observations = false;

  constructor(
    private readonly maxOpenMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records outputs written into the open transaction (`observations`: some were observations). */
  wrote(observations: boolean): void {
    this.openedAt ??= this.now();
    if (observations) this.observations = true;
  }

  /** True while written outputs are not committed. */
  get pending(): boolean {
    return this.openedAt !== undefined;
  }

  /** Whether to commit now, given whether the source stage still has observations to apply. */
  due(sourceBehind: boolean): boolean {
    if (this.openedAt === undefined) return false;
    return this.observations || !sourceBehind || this.now() - this.openedAt >= this.maxOpenMs;
  }

  /** Records a commit (or an abandoned transaction): nothing is pending. */
  committed(): void {
    this.openedAt = undefined;
    this.observations = false;
  }
}
