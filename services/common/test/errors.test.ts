import { describe, expect, it } from 'vitest';
import { RingfenceError, isRingfenceError, toRingfenceError } from '@ringfence/common';

describe('RingfenceError', () => {
  it('derives retryable from the code unless told otherwise', () => {
    expect(new RingfenceError('UNAVAILABLE', 'down').retryable).toBe(true);
    expect(new RingfenceError('OVERLOADED', 'busy').retryable).toBe(true);
    expect(new RingfenceError('INVALID_ARGUMENT', 'bad').retryable).toBe(false);
    expect(new RingfenceError('INTERNAL', 'x', { retryable: true }).retryable).toBe(true);
  });

  it('narrows by code and wraps foreign errors', () => {
    const e = new RingfenceError('NOT_FOUND', 'gone', { detail: { key: 'k' } });
    expect(isRingfenceError(e, 'NOT_FOUND')).toBe(true);
    expect(isRingfenceError(e, 'INTERNAL')).toBe(false);
    expect(isRingfenceError(new Error('x'))).toBe(false);
    expect(toRingfenceError(e)).toBe(e);
    const wrapped = toRingfenceError(new TypeError('boom'), 'UNAVAILABLE');
    expect(wrapped.code).toBe('UNAVAILABLE');
    expect(wrapped.cause).toBeInstanceOf(TypeError);
    expect(e.detail).toEqual({ key: 'k' });
  });
});
