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
  private readonly seen = new Map<string, number>();
  private watermark = 0;

  constructor(private readonly options: DuplicateFilterOptions) {}

  /** Records `id` at `eventTimeMs`; returns true when it was already seen within the window. */
  isDuplicate(id: string, eventTimeMs: number): boolean {
    const previous = this.seen.get(id);
    if (previous !== undefined && Math.abs(eventTimeMs - previous) <= this.options.windowMs) return true;
    if (previous !== undefined) this.seen.delete(id);
    this.seen.set(id, eventTimeMs);
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
    for (const [id, t] of this.seen) {
      if (this.seen.size <= this.options.maxEntries && t >= horizon) break;
      this.seen.delete(id);
    }
  }
}
