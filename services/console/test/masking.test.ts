import { describe, expect, it } from 'vitest';
import { maskNumber } from '../src/masking.js';

describe('maskNumber', () => {
  it('shows supervisors the whole number', () => {
    expect(maskNumber('+8613812345678', 'supervisor')).toBe('+8613812345678');
  });
  it('masks the middle digits for analysts', () => {
    expect(maskNumber('+8613812345678', 'analyst')).toBe('+86138****5678');
    expect(maskNumber('+8610123456', 'analyst')).toBe('+86****3456');
    expect(maskNumber('12345', 'analyst')).toBe('****5');
    expect(maskNumber('', 'analyst')).toBe('');
  });
  it('leaves auditors only the country code and last two digits', () => {
    expect(maskNumber('+8613812345678', 'auditor')).toBe('+86*********78');
    expect(maskNumber('0123456789', 'auditor')).toBe('********89');
  });
  it('never reveals more digits than the role allows, whatever the length', () => {
    for (let len = 1; len <= 16; len++) {
      const n = `+${'9'.repeat(len)}`;
      expect(maskNumber(n, 'analyst').replace(/[^9]/g, '').length).toBeLessThanOrEqual(Math.max(0, len - 4));
      expect(maskNumber(n, 'auditor').replace(/[^9]/g, '').length).toBeLessThanOrEqual(
        Math.max(0, Math.min(4, len - 2)),
      );
    }
  });
});
