const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Asia/Shanghai has had no daylight saving since 1991, so a fixed +08:00 is exact. */
export const LOCAL_OFFSET_MS = 8 * HOUR_MS;

const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** Local (Asia/Shanghai) hour of day 0-23 for an epoch-ms instant. */
export function localHour(ms: number): number {
  return Math.floor((ms + LOCAL_OFFSET_MS) / HOUR_MS) % 24;
}

/** Local day of week, 0 = Sunday. */
export function localWeekday(ms: number): number {
  return (Math.floor((ms + LOCAL_OFFSET_MS) / DAY_MS) + 4) % 7;
}

/** Local midnight (Asia/Shanghai) at or before `ms`, as epoch ms. */
export function localMidnight(ms: number): number {
  return Math.floor((ms + LOCAL_OFFSET_MS) / DAY_MS) * DAY_MS - LOCAL_OFFSET_MS;
}

/**
 * Formats epoch ms as ISO-8601 with a +08:00 offset. Caches the date prefix of the current day,
 * because records arrive in time order and Date#toISOString per field dominates the cost otherwise.
 */
export class LocalTimeFormatter {
  private day = -1;
  private prefix = '';

  format(ms: number): string {
    const local = ms + LOCAL_OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    }
    let rem = local - day * DAY_MS;
    const h = Math.floor(rem / HOUR_MS);
    rem -= h * HOUR_MS;
    const m = Math.floor(rem / 60_000);
    rem -= m * 60_000;
    const s = Math.floor(rem / 1000);
    return `${this.prefix}${PAD2[h]}:${PAD2[m]}:${PAD2[s]}.${PAD3[rem - s * 1000]}+08:00`;
  }
}
