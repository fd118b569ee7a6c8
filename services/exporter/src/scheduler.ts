import type { Logger } from '@ringfence/common';
import type { DeliveryTarget } from './delivery.js';
import { periodPath } from './export-period.js';
import { lastCompletePeriod, previousPeriod, type Period, type PeriodType } from './period.js';

export interface CatchUpOptions {
  type: PeriodType;
  timeZone: string;
  nowMs: number;
  target: DeliveryTarget;
  /** Missed periods filled in at most, newest first. */
  catchUpPeriods: number;
  /** Latest complete periods re-exported even when already exported (late data). */
  recheckPeriods: number;
  /** Periods that end at or before this instant (epoch ms) are never due: where exporting began. */
  sinceMs?: number;
}

/**
 * The periods to export now, oldest first: every complete period back to the newest one already
 * exported (at most `catchUpPeriods`), plus the `recheckPeriods` latest complete ones, which an
 * unchanged re-export leaves as they are. The output itself remembers what was exported, so a
 * restarted service picks up exactly where it stopped.
 */
export async function periodsDue(o: CatchUpOptions): Promise<Period[]> {
  const due = new Map<string, Period>();
  let p = lastCompletePeriod(o.type, o.timeZone, o.nowMs);
  let reachedExported = false;
  for (let i = 0; i < Math.max(o.catchUpPeriods, o.recheckPeriods); i++) {
    if (o.sinceMs !== undefined && p.toMs <= o.sinceMs) break;
    const exported = (await o.target.revisions(periodPath(p))).length > 0;
    reachedExported ||= exported;
    if (i < o.recheckPeriods || (!reachedExported && i < o.catchUpPeriods)) due.set(p.label, p);
    else if (reachedExported) break;
    p = previousPeriod(p);
  }
  return [...due.values()].sort((a, b) => a.fromMs - b.fromMs);
}

/** Runs jobs one at a time in submission order; a failed job never stops the ones after it. */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly logger: Logger) {}

  push(job: () => Promise<void>): Promise<void> {
    const run = this.tail.then(job).catch((err: unknown) => this.logger.error({ err }, 'export job failed'));
    this.tail = run;
    return run;
  }

  /** Resolves once every job queued so far has finished. */
  idle(): Promise<void> {
    return this.tail;
  }
}
