import { localHour, localWeekday } from './time-format.js';

/**
 * Daily rhythms in Asia/Shanghai local time: the share of a day's calls placed in each hour, plus a
 * weekend factor. Each profile's 24 weights sum to 1.
 */
export interface Rhythm {
  readonly hourly: readonly number[];
  readonly weekend: number;
}

function profile(raw: readonly number[], weekend: number): Rhythm {
  const sum = raw.reduce((a, b) => a + b, 0);
  return { hourly: raw.map((w) => w / sum), weekend };
}

// prettier-ignore
export const RHYTHMS = {
  // People: quiet at night, busy late morning, afternoon and early evening.
  personal: profile([0.3, 0.15, 0.1, 0.08, 0.08, 0.15, 0.5, 1.5, 3, 4.5, 5, 5, 4.5, 4, 4.5, 5, 5, 4.8, 4.5, 5.5, 6, 5, 3.5, 1.5], 1),
  // Offices: 09-12 and 13-18 (lunch dip), little at the weekend.
  business: profile([0, 0, 0, 0, 0, 0, 0, 0, 0.5, 5, 6, 5, 1.5, 5, 6, 6, 5.5, 4, 0.3, 0, 0, 0, 0, 0], 0.25),
  // Couriers and drivers: 08-21.
  daytime: profile([0, 0, 0, 0, 0, 0, 0.2, 1, 4, 5, 5, 5, 4, 4, 5, 5, 5, 5, 4.5, 4, 3, 1, 0.2, 0], 0.9),
  // Robocallers and telemarketers: 09-20, weekends too.
  dialer: profile([0, 0, 0, 0, 0, 0, 0, 0, 1, 5, 6, 6, 4, 5, 6, 6, 6, 5, 4, 3, 2, 0, 0, 0], 0.8),
  // Wangiri: evenings and nights, when a missed foreign call gets called back out of worry.
  night: profile([4, 4, 3, 2, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1, 1, 2, 3, 4, 5, 5, 5], 1),
  // Verification calls follow people's sign-ups and log-ins.
  verification: profile([0.8, 0.4, 0.2, 0.15, 0.15, 0.3, 1, 2.5, 4, 5, 5, 5, 5, 4.5, 4.5, 5, 5, 5, 5, 5.5, 6, 5.5, 4, 2], 1),
  // Harassers calling one victim: daytime into late evening.
  // Family abroad (Europe, seven hours behind): their evening is our night.
  abroad: profile([5, 5, 4, 3, 2, 1, 0.5, 0.3, 0.3, 0.5, 1, 1.5, 2, 2, 2, 2, 2.5, 3, 3, 3, 3.5, 4, 4.5, 5], 1),
  // Harassment at night: 22:00-02:00, when it hurts most.
  latenight: profile([4, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 5], 1),
  pester: profile([0.5, 0.2, 0, 0, 0, 0, 0.2, 1, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 6, 6, 5, 2], 1),
} as const satisfies Record<string, Rhythm>;

/** Expected events in the hour starting at `ms` for something with `perDay` events per weekday. */
export function hourlyRate(r: Rhythm, perDay: number, ms: number): number {
  const wd = localWeekday(ms);
  const factor = wd === 0 || wd === 6 ? r.weekend : 1;
  return perDay * (r.hourly[localHour(ms)] ?? 0) * factor;
}
