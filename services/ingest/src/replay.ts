import { setTimeout as sleep } from 'node:timers/promises';
import type { IngestCore, IngestKind, IngestStats } from './ingest-core.js';
import { parseTime, type RawRecord } from '@ringfence/cdr';

export interface ReplayOptions {
  kind: IngestKind;
  /** Multiple of real time by event time (2 = twice as fast); undefined = as fast as possible. */
  speed?: number | undefined;
  /** Called about every `progressEveryMs` with the running totals and records read. */
  onProgress?: (read: number, stats: IngestStats) => void;
  progressEveryMs?: number;
}

function eventTime(kind: IngestKind, record: RawRecord): number {
  const v = record.value;
  if (v === null || typeof v !== 'object') return Number.NaN;
  return parseTime((v as Record<string, unknown>)[kind === 'cdr' ? 'setup_time' : 'time']);
}

/**
 * Feeds records into the ingest core, paced by event time when `speed` is set, honouring the
 * core's backpressure, and resolves with the totals once every produced message is acknowledged.
 */
export async function replay(
  records: AsyncIterable<RawRecord> | Iterable<RawRecord>,
  core: IngestCore,
  options: ReplayOptions,
): Promise<IngestStats & { read: number }> {
  const every = options.progressEveryMs ?? 5_000;
  let lastProgress = Date.now();
  let read = 0;
  let firstEvent = Number.NaN;
  let wallStart = 0;
  for await (const record of records) {
    read += 1;
    if (options.speed !== undefined) {
      const t = eventTime(options.kind, record);
      if (!Number.isNaN(t)) {
        if (Number.isNaN(firstEvent)) {
          firstEvent = t;
          wallStart = Date.now();
        } else {
          const wait = wallStart + (t - firstEvent) / options.speed - Date.now();
          if (wait > 1) await sleep(wait);
        }
      }
    }
    core.ingest(options.kind, record);
    if (core.saturated) await core.waitForCapacity();
    // Checking the clock every record is measurable at 100k/s; every 4096 is plenty.
    if ((read & 4095) === 0 && options.onProgress !== undefined && Date.now() - lastProgress >= every) {
      lastProgress = Date.now();
      options.onProgress(read, core.stats());
    }
  }
  await core.flush();
  return { ...core.stats(), read };
}
