/** Hour of day (0-23) in a time zone, cached per UTC hour because offsets change at most hourly. */
export class LocalClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly cache = new Map<number, number>();

  constructor(timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
  }

  hourOf(timeSec: number): number {
    const utcHour = Math.floor(timeSec / 3600);
    let h = this.cache.get(utcHour);
    if (h === undefined) {
      h = Number(this.format.format(new Date(utcHour * 3_600_000))) % 24;
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(utcHour, h);
    }
    return h;
  }
}
