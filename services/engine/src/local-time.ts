/** Hour of day (0-23) and local day in a time zone, cached per UTC hour because offsets change at most hourly. */
export class LocalClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly cache = new Map<number, number>();

  private lastUtcHour = Number.NaN;
  private lastHour = 0;
  private dayUtcHour = Number.NaN;
  private day = 0;

  constructor(timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
  }

  hourOf(timeSec: number): number {
    const utcHour = Math.floor(timeSec / 3600);
    // Consecutive calls are nearly always in the same UTC hour: skip the map then.
    if (utcHour === this.lastUtcHour) return this.lastHour;
    const h = this.lookup(utcHour);
    this.lastUtcHour = utcHour;
    this.lastHour = h;
    return h;
  }

  /**
   * Local calendar day of `timeSec` (days since the epoch, counted in the zone's own midnights), for
   * per-day counts. Offsets that are not whole hours round to the hour: only the day boundary moves.
   */
  dayOf(timeSec: number): number {
    const utcHour = Math.floor(timeSec / 3600);
    if (utcHour === this.dayUtcHour) return this.day;
    const offset = ((((this.hourOf(timeSec) - utcHour) % 24) + 36) % 24) - 12;
    this.dayUtcHour = utcHour;
    this.day = Math.floor((utcHour + offset) / 24);
    return this.day;
  }

  private lookup(utcHour: number): number {
    let h = this.cache.get(utcHour);
    if (h === undefined) {
      h = Number(this.format.format(new Date(utcHour * 3_600_000))) % 24;
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(utcHour, h);
    }
    return h;
  }
}
