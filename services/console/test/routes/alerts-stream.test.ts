import { afterEach, describe, expect, it } from 'vitest';
import { until } from '@ringfence/common/testing';
import { SessionStore } from '../../src/sessions.js';
import { ALICE_PASSWORD, appWithoutStore, login, type App } from '../unit-app.js';

const CHECK_MS = 100;

/** An open /alerts/stream over real HTTP, read in the background. */
interface Stream {
  text: () => string;
  ended: () => boolean;
  abort: () => void;
}

async function openStream(base: string, cookie: string): Promise<Stream> {
  const controller = new AbortController();
  const res = await fetch(`${base}/alerts/stream`, {
    headers: { cookie: `rf_sid=${cookie}` },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  let text = '';
  let ended = false;
  void (async () => {
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        text += Buffer.from(chunk).toString('utf8');
      }
      ended = true;
    } catch {
      // Aborted by the test.
    }
  })();
  await until('the stream to start', () => Promise.resolve(text.includes(': keep-alive')), 5_000);
  return { text: () => text, ended: () => ended, abort: () => controller.abort() };
}

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function streamingApp() {
  const built = await appWithoutStore({ alertStreamSessionCheckMs: CHECK_MS });
  app = built.app;
  const base = await built.app.listen({ host: '127.0.0.1', port: 0 });
  const { status, cookie } = await login(built.app, ALICE_PASSWORD);
  expect(status).toBe(303);
  return { ...built, base, cookie };
}

describe('live alert stream', () => {
  it('ends soon after its session is logged out, telling the page why', async () => {
    const { app: a, base, cookie } = await streamingApp();
    const stream = await openStream(base, cookie);
    const me = await a.inject({ method: 'GET', url: '/api/v1/me', cookies: { rf_sid: cookie } });
    const logout = await a.inject({
      method: 'POST',
      url: '/logout',
      cookies: { rf_sid: cookie },
      payload: { _csrf: me.json<{ csrf: string }>().csrf },
    });
    expect(logout.statusCode).toBe(303);
    await until('the stream to end', () => Promise.resolve(stream.ended()), 50 * CHECK_MS);
    expect(stream.text()).toContain('event: end');
  });

  it('ends soon after its user is disabled', async () => {
    const { ctx, base, cookie } = await streamingApp();
    const stream = await openStream(base, cookie);
    await ctx.users.disable('alice');
    await until('the stream to end', () => Promise.resolve(stream.ended()), 50 * CHECK_MS);
  });

  it('ends when its session expires, and stays open while it lives', async () => {
    const { ctx, base } = await streamingApp();
    let now = Date.now();
    ctx.sessions = new SessionStore({ idleMs: 60_000, absoluteMs: 120_000, now: () => now });
    const { cookie } = await login(app!, ALICE_PASSWORD);
    const stream = await openStream(base, cookie);
    await new Promise((resolve) => setTimeout(resolve, 5 * CHECK_MS));
    expect(stream.ended()).toBe(false);
    now += 60_001; // idle past the limit: the stream's own checks are no activity
    await until('the stream to end', () => Promise.resolve(stream.ended()), 50 * CHECK_MS);
    stream.abort();
  });
});
