import { describe, expect, it } from 'vitest';
import { isRingfenceError } from '@ringfence/common';
import { isoLocal, lastCompletePeriod, nextPeriod, periodFor, previousPeriod } from '../src/period.js';

describe('periodFor', () => {
  it('takes a daily period as the local calendar day in Asia/Shanghai', () => {
    const p = periodFor('daily', '2026-11-02', 'Asia/Shanghai');
    expect(p.label).toBe('2026-11-02');
    expect(new Date(p.fromMs).toISOString()).toBe('2026-11-01T16:00:00.000Z');
    expect(new Date(p.toMs).toISOString()).toBe('2026-11-02T16:00:00.000Z');
    expect(isoLocal(p.timeZone, p.fromMs)).toBe('2026-11-02T00:00:00+08:00');
  });

  it('takes a weekly period as the ISO week, Monday to Sunday', () => {
    const p = periodFor('weekly', '2026-11-05', 'Asia/Shanghai');
    expect(p.label).toBe('2026-W45');
    expect(p.firstDay).toBe('2026-11-02');
    expect(p.toMs - p.fromMs).toBe(7 * 86_400_000);
    // ISO week-numbering year differs from the calendar year around New Year.
    expect(periodFor('weekly', '2027-01-01', 'UTC').label).toBe('2026-W53');
    expect(periodFor('weekly', '2024-12-30', 'UTC').label).toBe('2025-W01');
  });

  it('takes a monthly period as the calendar month', () => {
    const p = periodFor('monthly', '2026-12-15', 'Asia/Shanghai');
    expect(p.label).toBe('2026-12');
    expect(p.firstDay).toBe('2026-12-01');
    expect(new Date(p.toMs).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('follows daylight saving: a 23-hour day in Europe/London', () => {
    const p = periodFor('daily', '2026-03-29', 'Europe/London');
    expect(p.toMs - p.fromMs).toBe(23 * 3_600_000);
    expect(new Date(p.fromMs).toISOString()).toBe('2026-03-29T00:00:00.000Z');
  });

  it('refuses impossible dates and unknown zones', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '26-01-01', 'yesterday']) {
      expect(() => periodFor('daily', bad, 'UTC')).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error,
      );
    }
    try {
      periodFor('daily', '2026-01-01', 'Mars/Base');
      expect.unreachable();
    } catch (err) {
      expect(isRingfenceError(err, 'INVALID_ARGUMENT')).toBe(true);
    }
  });

  it('steps to neighbouring periods and finds the last complete one', () => {
    const p = periodFor('monthly', '2026-01-10', 'Asia/Shanghai');
    expect(previousPeriod(p).label).toBe('2025-12');
    expect(nextPeriod(p).label).toBe('2026-02');
    const now = Date.UTC(2026, 10, 2, 17); // 2026-11-03 01:00 in Shanghai
    expect(lastCompletePeriod('daily', 'Asia/Shanghai', now).label).toBe('2026-11-02');
    expect(lastCompletePeriod('weekly', 'Asia/Shanghai', now).label).toBe('2026-W44');
    expect(lastCompletePeriod('monthly', 'Asia/Shanghai', now).label).toBe('2026-10');
  });
});
