/**
 * Runs async sections one at a time. The two stages' consumers share one engine state; a snapshot
 * is only consistent when no batch is half applied or half published.
 */
export class SerialLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(section: () => Promise<T>): Promise<T> {
    const next = this.tail.then(section, section);
    // The chain must survive a failed section; the caller still sees the failure.
    this.tail = next.catch(() => undefined);
    return next;
  }
}
