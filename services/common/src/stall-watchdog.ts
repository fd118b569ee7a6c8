/**
 * Tells a stalled consumer from a busy or idle one. Its service marks progress whenever it applies
 * input, takes partitions over, or finds itself caught up (or cannot ask the broker, which is not
 * its own stall); when no mark comes for `timeoutMs`, `onStall` runs once. Checked on a timer of
 * its own, outside the service's locks, so a section that never returns cannot hide the stall.
 */
export class StallWatchdog {
  private at = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly onStall: (stalledMs: number) => void,
    private readonly checkEveryMs = 1_000,
  ) {}

  /** Starts watching (once the instance has joined its groups), counting from now. */
  arm(): void {
    this.progressed();
    this.timer ??= setInterval(() => this.check(), this.checkEveryMs);
    this.timer.unref();
  }

  progressed(): void {
    this.at = Date.now();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private check(): void {
    const stalledMs = Date.now() - this.at;
    if (stalledMs <= this.timeoutMs) return;
    this.stop();
    this.onStall(stalledMs);
  }
}
