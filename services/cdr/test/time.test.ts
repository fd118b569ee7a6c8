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
    // Days that do not exist: Date.parse would roll them into the next month.
    '2026-02-29T10:00:00+08:00',
    '2026-02-30T10:00:00+08:00',
    '2026-04-31T10:00:00Z',
    '2026-06-31 10:00:00.5+08:00',
    '2026-02-30T10:00+08',
    '1900-02-29T10:00:00Z',
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

  it('reads the fixed ISO shape exactly as Date.parse does, edge values included', () => {
    for (const date of ['2026-11-02', '2024-02-29', '2023-02-28', '2000-01-01', '2099-12-31']) {
      for (const clock of ['00:00:00', '23:59:59', '12:34:56.789', '08:00:00.000']) {
        for (const offset of ['Z', 'z', '+08:00', '-05:30', '+23:59', '-00:00']) {
          const input = `${date}T${clock}${offset}`;
          expect(parseTime(input)).toBe(Date.parse(input.replace(/z$/, 'Z')));
          expect(parseTime(input.replace('T', ' '))).toBe(Date.parse(input.replace(/z$/, 'Z')));
        }
      }
    }
  });

  it.each([
    ['2026-11-02T24:00:00Z', Date.parse('2026-11-02T24:00:00Z')],
    ['2026-11-02T00:00:00.1234Z', Date.parse('2026-11-02T00:00:00.1234Z')],
    [' 2026-11-02T00:00:00Z ', Date.parse('2026-11-02T00:00:00Z')],
  ])('leaves unusual but accepted forms to the full parser: %j', (input, ms) => {
    expect(parseTime(input)).toBe(ms);
  });

  it.each([
    '2026-11-02T00:00:60Z',
    '2026-11-02T00:00:00+24:00',
    '2026-11-02T00:00:00+08:60',
    '0999-01-01T00:00:00Z',
  ])('treats out-of-range fields in the fixed shape as Date.parse does: %j', (input) => {
    expect(parseTime(input)).toBe(Date.parse(input));
  });

  it('bounds plausible event times to 2000–2100', () => {
    expect(plausibleTime(Date.UTC(2026, 0, 1))).toBe(true);
    expect(plausibleTime(Date.UTC(1999, 11, 31))).toBe(false);
    expect(plausibleTime(Date.UTC(2100, 0, 2))).toBe(false);
  });
});
