/** Options of a duplicate filter. */
export interface DuplicateFilterOptions {
  /** Event-time window: a call_id seen again within this much event time is a duplicate. */
  windowMs: number;
  /** Hard cap on remembered ids; the oldest are forgotten first. */
  maxEntries: number;
}

/**
 * Drops repeated ids (call_id, complaint_id) within an event-time window, in bounded memory.
 * Ids are remembered in arrival order with their event time; entries older than the newest event
 * time minus the window, or beyond `maxEntries`, are forgotten from the front. Mediation systems
 * resend recent records, so arrival order tracks event time closely enough for this to be exact in
 * practice; an id forgotten early is let through (at-least-once, never a wrongful drop).
 */
export class DuplicateFilter {
  // id → its position in the arrival queue below (absolute, counting from the first id ever seen).
  private readonly seen = new Map<string, number>();
  // Arrival order kept beside the Map: iterating a Map from its front after many deletions walks
  // every deleted slot (V8 keeps them until a rehash), which made eviction O(n) per record. An id
  // remembered again leaves its old queue slot behind; the Map no longer points at it, so it is skipped.
  private queueIds: string[] = [];
  private queueTimes: number[] = [];
  /** Absolute position of queueIds[0]. */
  private queueBase = 0;
  private queueHead = 0;
  private watermark = 0;

  constructor(private readonly options: DuplicateFilterOptions) {}

  /** Records `id` at `eventTimeMs`; returns true when it was already seen within the window. */
  isDuplicate(id: string, eventTimeMs: number): boolean {
    const at = this.seen.get(id);
    if (at !== undefined) {
      const previous = this.queueTimes[at - this.queueBase]!;
      if (Math.abs(eventTimeMs - previous) <= this.options.windowMs) return true;
      this.seen.delete(id);
    }
    this.seen.set(id, this.queueBase + this.queueIds.length);
    this.queueIds.push(id);
    this.queueTimes.push(eventTimeMs);
    if (eventTimeMs > this.watermark) this.watermark = eventTimeMs;
    this.evict();
    return false;
  }

  /** How many ids are remembered now. */
  get size(): number {
    return this.seen.size;
  }

  private evict(): void {
    const horizon = this.watermark - this.options.windowMs;
    const max = this.options.maxEntries;
    const ids = this.queueIds;
    const times = this.queueTimes;
    const base = this.queueBase;
    let head = this.queueHead;
    while (head < ids.length) {
      const id = ids[head]!;
      if (this.seen.get(id) === base + head) {
        if (this.seen.size <= max && times[head]! >= horizon) break;
        this.seen.delete(id);
      }
      head += 1;
    }
    if (head >= 65_536 && head * 2 >= ids.length) {
      this.queueIds = ids.slice(head);
      this.queueTimes = times.slice(head);
      this.queueBase = base + head;
      head = 0;
    }
    this.queueHead = head;
  }
}
