import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { normaliseNumber } from '@ringfence/cdr';
import { seededRandom } from '@ringfence/common/testing';

describe('normaliseNumber', () => {
  it.each([
    ['13812345678', '+8613812345678', true],
    ['+8613812345678', '+8613812345678', true],
    ['008613812345678', '+8613812345678', true],
    ['+86 138 1234 5678', '+8613812345678', true],
    ['138-1234-5678', '+8613812345678', true],
    ['(138) 1234.5678', '+8613812345678', true],
    [' 13812345678 ', '+8613812345678', true],
    ['010 1234 5678', '+861012345678', true],
    ['+1 202 555 0123', '+12025550123', true],
    ['0012025550123', '+12025550123', true],
  ])('%j → %s (valid %s)', (raw, e164, valid) => {
    expect(normaliseNumber(raw, 'CN')).toEqual({ raw, e164, valid });
  });

  it('keeps numbers that parse but are not allocatable, marked invalid', () => {
    expect(normaliseNumber('+8612345')).toEqual({ raw: '+8612345', e164: '+8612345', valid: false });
    expect(normaliseNumber('+861381234567').valid).toBe(false);
    expect(normaliseNumber('12321').valid).toBe(false);
  });

  it.each([
    '',
    '   ',
    'abc',
    'anonymous',
    '+',
    '+-',
    'x'.repeat(500),
    '1'.repeat(60),
    '<script>',
    "1' OR 1=1--",
  ])('gives e164 "" and valid=false for %j, never throwing', (raw) => {
    const n = normaliseNumber(raw);
    expect(n.raw).toBe(raw);
    expect(n.valid).toBe(false);
    if (raw.length > 40 || !/\d/.test(raw)) expect(n.e164).toBe('');
  });

  it('marks too-long digit strings invalid', () => {
    const n = normaliseNumber('1381234567899999');
    expect(n.valid).toBe(false);
  });

  it('reads national numbers in the given region', () => {
    expect(normaliseNumber('2025550123', 'US')).toEqual({
      raw: '2025550123',
      e164: '+12025550123',
      valid: true,
    });
    expect(normaliseNumber('07911 123456', 'GB').e164).toBe('+447911123456');
  });

  it('returns the same answer from the cache as from a fresh parse', () => {
    const a = normaliseNumber('+86 139 0000 1111');
    const b = normaliseNumber('+86 139 0000 1111');
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('agrees with libphonenumber-js on a sample of numbers (the mobile fast path is exact)', () => {
    const random = seededRandom(1);
    const forms = [
      (d: string) => d,
      (d: string) => `+86${d}`,
      (d: string) => `0086 ${d}`,
      (d: string) => `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`,
    ];
    for (let i = 0; i < 3000; i++) {
      const digits = `1${String(Math.floor(random() * 1e10)).padStart(10, '0')}`;
      const raw = forms[i % forms.length]!(digits);
      const ref = parsePhoneNumberFromString(raw, 'CN');
      expect(normaliseNumber(raw, 'CN'), raw).toEqual({
        raw,
        e164: ref?.number ?? '',
        valid: ref?.isValid() ?? false,
      });
    }
  });
});
