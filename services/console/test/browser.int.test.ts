import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStack } from '@ringfence/common/testing';
import { feedbackFor, type StoreDb } from '@ringfence/store';
import type { ConsoleServer } from '../src/index.js';
import { HARASSER, HARASSER_NATIONAL, seed, startTestConsole } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('../../../test-results/console/', import.meta.url));
const stack = testStack();
const db: StoreDb = { ch: stack.clickhouse(), database: stack.database };
let server: ConsoleServer;
let browser: Browser;

/** Debian's Chromium; installed here when missing, with a clear error when that is impossible. */
function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const r = spawnSync('apt-get', ['install', '-y', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0 || !existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing and 'apt-get install -y chromium' failed (exit ${r.status}); install Debian's chromium package (as root) and re-run`,
    );
  }
}

beforeAll(async () => {
  ensureChromium();
  mkdirSync(SHOTS, { recursive: true });
  await seed(stack, db);
  server = await startTestConsole(stack, 'console-browser-test');
  await server.context.users.upsert('alice', 'supervisor', 'alice-password-1');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await stack.dropDatabase();
  await db.ch.close();
});

describe('console in a real browser', () => {
  it('logs in, searches a seeded harasser, opens its traceback, confirms it and sees the override', async () => {
    const page = await browser.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') cspErrors.push(m.text());
    });
    await page.goto(`${server.url}/numbers/${encodeURIComponent(HARASSER)}`);
    // Not signed in: sent to the login form, then back.
    expect(page.url()).toContain('/login?next=');
    await page.fill('#username', 'alice');
    await page.fill('#password', 'alice-password-1');
    await Promise.all([page.waitForURL(/\/numbers\//), page.click('#login')]);
    await page.screenshot({ path: join(SHOTS, '1-after-login.png'), fullPage: true });

    await page.fill('form.search input[name=q]', HARASSER_NATIONAL);
    await Promise.all([page.waitForURL(/\/numbers\/%2B8613912340001/), page.click('form.search button')]);
    expect(await page.textContent('#subject')).toBe(HARASSER);
    expect(await page.textContent('#level')).toBe('HIGH');
    expect(await page.locator('svg.timeline rect.bar').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, '2-number.png'), fullPage: true });

    await Promise.all([page.waitForURL(/\/traceback\/number\//), page.click('#traceback-link')]);
    expect(await page.textContent('#tb-calls')).toBe('60');
    expect(await page.textContent('#anomalies')).toContain('own-subscriber');
    await page.screenshot({ path: join(SHOTS, '3-traceback.png'), fullPage: true });

    await page.fill('form.actions input[name=note]', 'confirmed from traceback');
    await Promise.all([page.waitForURL(/\/traceback\/number\//), page.click('#action-confirm')]);
    expect(await page.textContent('#decision')).toContain('Operator override: CONFIRM');
    expect(await page.textContent('#actions table')).toContain('confirmed from traceback');
    await page.screenshot({ path: join(SHOTS, '4-confirmed.png'), fullPage: true });

    const stored = await feedbackFor(db, 'number', HARASSER);
    expect(stored.find((f) => f.action === 'confirm')).toMatchObject({
      operator: 'alice',
      note: 'confirmed from traceback',
    });
    // The strict CSP held: nothing on these pages needed an inline script or style.
    expect(cspErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await page.close();
  });
});
