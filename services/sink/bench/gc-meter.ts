import { PerformanceObserver, constants, type PerformanceEntry } from 'node:perf_hooks';

const KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};

function kindOf(e: PerformanceEntry): string {
  const detail = (e as PerformanceEntry & { detail?: { kind?: number } }).detail;
  return KINDS[detail?.kind ?? -1] ?? 'other';
}

/**
 * Main-thread GC pauses from the runtime's 'gc' performance entries. They are wall time: on a loaded
 * machine a pause also counts the time the thread waited for a core.
 */
export interface GcMeter {
  start(): void;
  /**
   * Stops counting and returns ms of GC pauses since `start()`, per kind and in total, and how many
   * collections of each kind ran (counts do not depend on the machine's load).
   */
  stop(): { total: number; byKind: Record<string, number>; counts: Record<string, number> };
}

export function gcMeter(): GcMeter {
  const byKind: Record<string, number> = {};
  const counts: Record<string, number> = {};
  let total = 0;
  const add = (entries: PerformanceEntry[]): void => {
    for (const e of entries) {
      const kind = kindOf(e);
      byKind[kind] = (byKind[kind] ?? 0) + e.duration;
      counts[kind] = (counts[kind] ?? 0) + 1;
      total += e.duration;
    }
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  return {
    start() {
      total = 0;
      for (const k of Object.keys(byKind)) delete byKind[k];
      for (const k of Object.keys(counts)) delete counts[k];
      observer.observe({ entryTypes: ['gc'] });
    },
    stop() {
      // Entries arrive asynchronously; take what is still queued before disconnecting.
      add(observer.takeRecords());
      observer.disconnect();
      return { total, byKind: { ...byKind }, counts: { ...counts } };
    },
  };
}
