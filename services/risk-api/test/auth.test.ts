import * as crypto from 'node:crypto';
import { Metadata, type ServerInterceptingCallInterface } from '@grpc/grpc-js';
import { isRingfenceError } from '@ringfence/common';
import { describe, expect, it, vi } from 'vitest';
import { createAuthenticator, TokenSet } from '../src/auth.js';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const A = 'switch-a-token-0123456789';
const B = 'switch-b-token-9876543210';
const noCertificate = { getAuthContext: () => ({}) } as unknown as ServerInterceptingCallInterface;

function bearer(token: string): Metadata {
  const md = new Metadata();
  md.set('authorization', `Bearer ${token}`);
  return md;
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return isRingfenceError(err) ? err.code : 'not a RingfenceError';
  }
  return 'no error';
}

describe('bearer-token authentication', () => {
  it('answers UNAUTHENTICATED to a wrong, truncated or extended token, as to none', () => {
    const authenticate = createAuthenticator({ tokens: new TokenSet({ [A]: 'sw-a' }), mtlsSwitches: [] });
    expect(authenticate(bearer(A), noCertificate)).toBe('sw-a');
    for (const t of [B, A.slice(0, -1), `${A}0`, '']) {
      expect(
        codeOf(() => authenticate(bearer(t), noCertificate)),
        t,
      ).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(() => authenticate(new Metadata(), noCertificate))).toBe('UNAUTHENTICATED');
  });

  it('compares SHA-256 digests in constant time against every token, without stopping early', () => {
    const tokens = new TokenSet({ [A]: 'sw-a', [B]: 'sw-b', 'switch-c-token-000000000': 'sw-c' });
    const compare = vi.mocked(crypto.timingSafeEqual);
    for (const t of [A, 'not-a-token-at-all-xxxx']) {
      compare.mockClear();
      tokens.switchFor(t);
      expect(compare).toHaveBeenCalledTimes(3);
      for (const [x, y] of compare.mock.calls) {
        expect([(x as Buffer).length, (y as Buffer).length]).toEqual([32, 32]);
        expect(x).toEqual(crypto.createHash('sha256').update(t).digest());
      }
    }
    // The table keeps digests only: no token appears in it.
    expect(JSON.stringify(tokens)).not.toContain(A);
  });

  it('serves a replaced token set at once', () => {
    const tokens = new TokenSet({ [A]: 'sw-a' });
    const authenticate = createAuthenticator({ tokens, mtlsSwitches: [] });
    tokens.replace({ [B]: 'sw-b' });
    expect(authenticate(bearer(B), noCertificate)).toBe('sw-b');
    expect(codeOf(() => authenticate(bearer(A), noCertificate))).toBe('UNAUTHENTICATED');
  });
});
