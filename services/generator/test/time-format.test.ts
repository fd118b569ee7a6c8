import { describe, expect, it } from 'vitest';
import { Rng } from '../src/prng.js';
import { LocalTimeFormatter, localHour, localWeekday } from '../src/time-format.js';

const reference = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

describe('LocalTimeFormatter', () => {
  it('formats any sequence of instants exactly like the reference, round-tripping', () => {
    const f = new LocalTimeFormatter();
    const rng = new Rng(3);
    let ms = Date.parse('2026-11-01T23:58:00+08:00');
    for (let i = 0; i < 20_000; i++) {
      ms += rng.between(-90_000, 110_000);
      const text = f.format(ms);
      expect(text).toBe(reference(ms));
      expect(Date.parse(text)).toBe(ms);
    }
  });

  it('knows local hour and weekday in Asia/Shanghai', () => {
    const monday = Date.parse('2026-11-02T00:30:00+08:00');
    expect(localHour(monday)).toBe(0);
    expect(localWeekday(monday)).toBe(1);
    expect(localWeekday(monday - 3_600_000)).toBe(0);
  });
});
