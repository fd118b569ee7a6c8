/**
 * Runs async sections one at a time. The two stages' consumers share one engine state; a snapshot
 * is only consistent when no batch is half applied or half published.
 */
export class SerialLock {
  private busy = false;
  private readonly urgent: (() => void)[] = [];
  private readonly waiting: (() => void)[] = [];

  /**
   * Runs `section` once the sections before it are done; an `urgent` one runs before every
   * section still waiting that is not urgent (urgent ones keep their order among themselves).
   */
  run<T>(section: () => Promise<T>, urgent = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = (): void => {
        // A section that throws before its first await fails like one that rejects.
        void Promise.resolve()
          .then(section)
          .then(resolve, reject)
          .finally(() => {
            const next = this.urgent.shift() ?? this.waiting.shift();
            if (next === undefined) this.busy = false;
            else next();
          });
      };
      if (!this.busy) {
        this.busy = true;
        start();
      } else (urgent ? this.urgent : this.waiting).push(start);
    });
  }
}
