import { describe, expect, it } from 'vitest';
import { parseTime, plausibleTime } from '@ringfence/cdr';

describe('parseTime', () => {
  it.each([
    ['2026-11-25T10:00:00+08:00', Date.UTC(2026, 10, 25, 2)],
    ['2026-11-25T02:00:00Z', Date.UTC(2026, 10, 25, 2)],
    ['2026-11-25 10:00:00+08:00', Date.UTC(2026, 10, 25, 2)],
    ['2026-11-25T10:00:00.250+08:00', Date.UTC(2026, 10, 25, 2, 0, 0, 250)],
    ['2026-11-25T10:00:00,250+0800', Date.UTC(2026, 10, 25, 2, 0, 0, 250)],
    ['2026-11-25T10:00+08', Date.UTC(2026, 10, 25, 2)],
    [1795572000000, 1795572000000],
    ['1795572000000', 1795572000000],
  ])('%j → %d', (input, ms) => {
    expect(parseTime(input)).toBe(ms);
  });

  it.each([
    '2026-11-25T10:00:00',
    '2026-11-25',
    'yesterday',
    '',
    '2026-13-45T99:00:00Z',
    -5,
    1.5,
    Number.NaN,
    true,
    {},
    [],
    null,
  ])('refuses %j', (input) => {
    expect(Number.isNaN(parseTime(input))).toBe(true);
  });

  it('bounds plausible event times to 2000–2100', () => {
    expect(plausibleTime(Date.UTC(2026, 0, 1))).toBe(true);
    expect(plausibleTime(Date.UTC(1999, 11, 31))).toBe(false);
    expect(plausibleTime(Date.UTC(2100, 0, 2))).toBe(false);
  });
});
