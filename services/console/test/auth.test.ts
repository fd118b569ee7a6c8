import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoginThrottle, SessionStore, UserStore, can, hashPassword, verifyPassword } from '../src/index.js';
import { appWithoutStore, login } from './unit-app.js';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const h1 = await hashPassword('correct horse battery');
    const h2 = await hashPassword('correct horse battery');
    expect(h1).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(h1).not.toBe(h2);
    expect(await verifyPassword('correct horse battery', h1)).toBe(true);
    expect(await verifyPassword('correct horse batterz', h1)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$99999999$8$1$AA$AA')).toBe(false);
  });
});

describe('sessions', () => {
  it('expire after the idle timeout, and after the absolute timeout despite activity', () => {
    let now = 1_000_000;
    const s = new SessionStore({ idleMs: 10_000, absoluteMs: 25_000, now: () => now });
    const a = s.create('alice');
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.csrf).not.toBe(a.id);
    now += 9_000;
    expect(s.get(a.id)?.user).toBe('alice');
    now += 9_000;
    expect(s.get(a.id)?.user).toBe('alice');
    now += 8_000; // 26 s after login: past the absolute limit though never idle for 10 s
    expect(s.get(a.id)).toBeUndefined();
    const b = s.create('bob');
    now += 10_001;
    expect(s.get(b.id)).toBeUndefined();
    expect(s.get('forged')).toBeUndefined();
  });
});

describe('login throttle', () => {
  it('limits attempts per IP and failures per user, per window', () => {
    let now = 0;
    const t = new LoginThrottle({ maxPerIp: 3, maxFailuresPerUser: 2, windowMs: 60_000, now: () => now });
    expect(t.attempt('1.1.1.1', 'a')).toBe(true);
    expect(t.attempt('1.1.1.1', 'b')).toBe(true);
    expect(t.attempt('1.1.1.1', 'c')).toBe(true);
    expect(t.attempt('1.1.1.1', 'd')).toBe(false);
    // Failures against one user from many addresses.
    t.failed('victim');
    t.failed('victim');
    expect(t.attempt('2.2.2.2', 'victim')).toBe(false);
    expect(t.attempt('3.3.3.3', 'other')).toBe(true);
    now += 60_000;
    expect(t.attempt('1.1.1.1', 'victim')).toBe(true);
  });
});

describe('users and roles', () => {
  it('stores scrypt hashes, authenticates, issues bearer tokens, refuses unknown users', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'users-')), 'users.json');
    const users = await UserStore.open(file);
    const pw = await users.upsert('alice', 'analyst');
    expect(pw.length).toBeGreaterThanOrEqual(10);
    const token = await users.issueToken('alice');
    const reopened = await UserStore.open(file);
    expect(await reopened.authenticate('alice', pw)).toEqual({ name: 'alice', role: 'analyst' });
    expect(await reopened.authenticate('alice', `${pw}x`)).toBeUndefined();
    expect(await reopened.authenticate('mallory', pw)).toBeUndefined();
    expect(reopened.byToken(token)).toEqual({ name: 'alice', role: 'analyst' });
    expect(reopened.byToken(`${token}x`)).toBeUndefined();
    await expect(users.upsert('Bad Name', 'analyst')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(can('auditor', 'act')).toBe(false);
    expect(can('analyst', 'list')).toBe(false);
    expect(can('supervisor', 'redress.decide')).toBe(true);
  });
});

describe('HTTP guards', () => {
  it('rejects a state-changing request without the session CSRF token, and audits it', async () => {
    const { app, audits } = await appWithoutStore();
    const { status, cookie } = await login(app, 'alice-password-1');
    expect(status).toBe(303);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', cookies: { rf_sid: cookie } });
    const csrf = me.json<{ csrf: string }>().csrf;
    expect(csrf.length).toBeGreaterThan(20);
    const noToken = await app.inject({
      method: 'POST',
      url: '/api/v1/actions',
      cookies: { rf_sid: cookie },
      payload: { kind: 'number', id: '+8613900000001', action: 'confirm' },
    });
    expect(noToken.statusCode).toBe(403);
    const wrong = await app.inject({
      method: 'POST',
      url: '/logout',
      cookies: { rf_sid: cookie },
      payload: { _csrf: `${csrf}x` },
    });
    expect(wrong.statusCode).toBe(403);
    expect(audits.filter((a) => a.action === 'access.denied')).toHaveLength(2);
    // A tampered cookie signature is no session at all.
    const forged = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { rf_sid: `${cookie.slice(0, -2)}xx` },
    });
    expect(forged.statusCode).toBe(401);
    const logout = await app.inject({
      method: 'POST',
      url: '/logout',
      cookies: { rf_sid: cookie },
      payload: { _csrf: csrf },
    });
    expect(logout.statusCode).toBe(303);
    await app.close();
  });

  it('refuses a login without the pre-login token and rate-limits failures per user', async () => {
    const { app, audits } = await appWithoutStore();
    const noPre = await app.inject({
      method: 'POST',
      url: '/login',
      payload: { username: 'alice', password: 'alice-password-1' },
    });
    expect(noPre.statusCode).toBe(403);
    expect((await login(app, 'wrong-password-1')).status).toBe(401);
    expect((await login(app, 'wrong-password-2')).status).toBe(401);
    // Locked for this window even with the right password.
    expect((await login(app, 'alice-password-1')).status).toBe(429);
    expect(audits.filter((a) => a.action === 'login' && a.outcome === 'denied')).toHaveLength(4);
    await app.close();
  });

  it('sets a strict CSP and the other security headers on every page', async () => {
    const { app } = await appWithoutStore();
    const res = await app.inject({ method: 'GET', url: '/login' });
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['set-cookie']).toMatch(/HttpOnly/);
    expect(res.headers['set-cookie']).toMatch(/SameSite=Strict/);
    await app.close();
  });
});
