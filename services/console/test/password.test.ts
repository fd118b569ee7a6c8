import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from '../src/password.js';
import { legacyHash } from './legacy-hash.js';

describe('password hashes', () => {
  it('are made with N >= 2^17, r = 8 and verify (scrypt maxmem allows it)', async () => {
    const h = await hashPassword('correct horse battery');
    const [, N, r] = h.split('$');
    expect(Number(N)).toBeGreaterThanOrEqual(2 ** 17);
    expect(Number(r)).toBe(8);
    expect(await verifyPassword('correct horse battery', h)).toBe(true);
    expect(needsRehash(h)).toBe(false);
  });

  it('still verify when stored with older, weaker parameters, which are marked for a re-hash', async () => {
    const old = legacyHash('correct horse battery', 2 ** 14);
    expect(await verifyPassword('correct horse battery', old)).toBe(true);
    expect(await verifyPassword('correct horse batterz', old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it('never match when the stored parameters are unusable or would take too much memory', async () => {
    const good = legacyHash('pw-0123456789', 2 ** 14).split('$');
    const withParams = (N: string, r = '8', p = '1') => ['scrypt', N, r, p, good[4], good[5]].join('$');
    for (const bad of [
      withParams('16383'),
      withParams('1'),
      withParams(String(2 ** 20)),
      withParams('16384', '8', '99'),
    ]) {
      expect(await verifyPassword('pw-0123456789', bad)).toBe(false);
    }
  });
});
