import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { testStack } from '@ringfence/common/testing';
import { feedbackFor, type StoreDb } from '@ringfence/store';
import type { ConsoleServer } from '../src/index.js';
import { ACCOMPLICES, EVIL_TRUNK, HARASSER, HARASSER_NATIONAL, seed, startTestConsole } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('../../../test-results/console/', import.meta.url));
const stack = testStack();
/** A time as every page shows it: in the configured zone (Asia/Shanghai by default), offset included. */
const SHANGHAI_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+08:00/;
const db: StoreDb = { ch: stack.clickhouse(), database: stack.database };
let server: ConsoleServer;
let browser: Browser;

/** Without a CJK font the zh-CN screenshots show boxes (the assertions read the DOM and pass anyway). */
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/**
 * Debian's Chromium and CJK fonts, installed here when missing (as `ringfence stack up` installs
 * ClickHouse): a fresh machine may have no package lists yet, so they are updated first; `sudo -n`
 * when not root, so a password prompt fails fast instead of hanging the run.
 */
function ensureChromium(): void {
  const wanted = [
    ...(existsSync(CHROMIUM) ? [] : ['chromium']),
    ...(existsSync(CJK_FONT) ? [] : ['fonts-noto-cjk']),
  ];
  if (wanted.length === 0) return;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const apt = (...args: string[]): number | null => {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
    return spawnSync(cmd ?? 'apt-get', rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status;
  };
  const updated = apt('update', '-qq');
  const installed = apt('install', '-y', '-qq', '--no-install-recommends', ...wanted);
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing and apt-get could not install it (update exit ${updated}, install exit ${installed}); install Debian's chromium package (as root) and re-run`,
    );
  }
}

beforeAll(async () => {
  ensureChromium();
  mkdirSync(SHOTS, { recursive: true });
  await seed({ url: stack.clickhouseUrl, database: stack.database }, db);
  // The product's default language: the English assertions below come after a switch.
  server = await startTestConsole(stack, 'console-browser-test', { defaultLocale: 'zh-CN' });
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

/** Signs alice in from wherever the page was sent to the login form, and waits to come back. */
async function signIn(page: Page, back: RegExp): Promise<void> {
  await page.fill('#username', 'alice');
  await page.fill('#password', 'alice-password-1');
  await Promise.all([page.waitForURL(back), page.click('#login')]);
}

/** Follows the page's language link; the new page is known by its lang attribute (same URL as before). */
async function switchTo(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  await page.click(`#lang-${locale}`);
  await page.waitForSelector(`html[lang="${locale}"]`);
}

/** Collects console errors, to prove the strict CSP held on every page visited. */
function cspErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  return errors;
}

describe('console in a real browser', () => {
  it('logs in, searches a seeded harasser, opens its traceback, confirms it and sees the override (en)', async () => {
    const page = await browser.newPage();
    const csp = cspErrors(page);
    await page.goto(`${server.url}/numbers/${encodeURIComponent(HARASSER)}`);
    // Not signed in: sent to the login form, in the default language; switched to English there.
    expect(page.url()).toContain('/login?next=');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await switchTo(page, 'en');
    expect(page.url()).toContain('/login?next=');
    expect(await page.textContent('#login')).toContain('Sign in');
    await signIn(page, /\/numbers\//);
    await page.screenshot({ path: join(SHOTS, '1-after-login.png'), fullPage: true });

    await page.fill('form.search input[name=q]', HARASSER_NATIONAL);
    await Promise.all([page.waitForURL(/\/numbers\/%2B8613912340001/), page.click('form.search button')]);
    expect(await page.textContent('#subject')).toBe(HARASSER);
    expect(await page.textContent('#national')).toBe(HARASSER_NATIONAL);
    expect(await page.textContent('#level')).toBe('HIGH');
    expect(await page.textContent('#category')).toBe('robocall');
    expect(await page.textContent('#reasons')).toContain('Answered calls are mostly very short');
    expect(await page.textContent('main')).toMatch(SHANGHAI_TIME);
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
    expect(csp).toEqual([]);
    await page.close();
  });

  it('shows the number page, the traceback report and the campaigns page in zh-CN, then in en after a switch', async () => {
    const page = await browser.newPage();
    const csp = cspErrors(page);
    const numberUrl = `${server.url}/numbers/${encodeURIComponent(HARASSER)}`;
    await page.goto(numberUrl);
    await signIn(page, /\/numbers\//);

    // Number page, default language.
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('#verdict h2')).toBe('当前判定');
    expect(await page.textContent('#level')).toBe('高');
    expect(await page.textContent('#category')).toBe('机器外呼');
    expect(await page.textContent('#reasons')).toContain('接通的呼叫大多时长很短');
    expect(await page.textContent('#national')).toBe(HARASSER_NATIONAL);
    expect(await page.textContent('main')).toMatch(SHANGHAI_TIME);
    await page.screenshot({ path: join(SHOTS, 'zh-1-number.png'), fullPage: true });

    // The printable traceback report.
    await page.goto(`${server.url}/traceback/number/${encodeURIComponent(HARASSER)}?print=1`);
    expect(await page.textContent('#anomalies h2')).toBe('信令异常');
    expect(await page.textContent('#anomalies')).toContain('显示本网用户号码，却从其他运营商进入');
    expect(await page.textContent('#path')).toContain('上游运营商');
    expect(await page.textContent('#same-way')).toContain(ACCOMPLICES[0]);
    expect(await page.textContent('#cdrs')).toMatch(SHANGHAI_TIME);
    await page.screenshot({ path: join(SHOTS, 'zh-2-traceback.png'), fullPage: true });

    // Campaigns.
    await page.goto(`${server.url}/campaigns`);
    expect(await page.textContent('h1')).toBe('团伙与来源');
    expect(await page.textContent('#campaigns')).toContain(`中继 ${EVIL_TRUNK}`);
    expect(await page.textContent('#campaigns')).toContain(HARASSER_NATIONAL);
    expect(await page.textContent('#leaderboard')).toContain('中继');
    await page.screenshot({ path: join(SHOTS, 'zh-3-campaigns.png'), fullPage: true });

    // Switched on the campaigns page: back on the same page, in English, for the rest of the session.
    await switchTo(page, 'en');
    expect(page.url()).toMatch(/\/campaigns$/);
    expect(await page.textContent('h1')).toBe('Campaigns and sources');
    expect(await page.textContent('#campaigns')).toContain(`trunk ${EVIL_TRUNK}`);
    await page.screenshot({ path: join(SHOTS, 'en-3-campaigns.png'), fullPage: true });

    await page.goto(`${server.url}/traceback/number/${encodeURIComponent(HARASSER)}?print=1`);
    expect(await page.textContent('#anomalies h2')).toBe('Signalling anomalies');
    expect(await page.textContent('#anomalies')).toContain('own-subscriber');
    expect(await page.textContent('#cdrs')).toMatch(SHANGHAI_TIME);
    await page.screenshot({ path: join(SHOTS, 'en-2-traceback.png'), fullPage: true });

    await page.goto(numberUrl);
    expect(await page.textContent('#verdict h2')).toBe('Current verdict');
    expect(await page.textContent('#level')).toBe('HIGH');
    expect(await page.textContent('#reasons')).toContain('Answered calls are mostly very short');
    expect(await page.textContent('#national')).toBe(HARASSER_NATIONAL);

    // And back: the switch works both ways.
    await switchTo(page, 'zh-CN');
    expect(page.url()).toBe(numberUrl);
    expect(await page.textContent('#level')).toBe('高');
    expect(csp).toEqual([]);
    await page.close();
  });
});
