import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consoleConfigSchema } from '../../src/config.js';
import { LOCALES, errorText, i18nFor, phoneForms } from '../../src/i18n/index.js';
import { tracebackPage } from '../../src/views/traceback-view.js';
import type { TracebackReport } from '../../src/traceback.js';
import { appWithoutStore, login, ALICE_PASSWORD } from '../unit-app.js';

/** The engine's shipped rule set, read at test time: it changes, and a copied list would go stale. */
const RULES = JSON.parse(
  readFileSync(new URL('../../../engine/config/default-rules.json', import.meta.url), 'utf8'),
) as { categoryPriority?: string[]; rules: { code: string; category?: string }[] };

// 2026-11-02 01:15:00 UTC
const T = Date.UTC(2026, 10, 2, 1, 15, 0);

describe('message catalogues', () => {
  it.each(LOCALES)('%s describes every reason code and category of the default rule set', (locale) => {
    const i18n = i18nFor(locale, 'Asia/Shanghai');
    const codes = [...new Set(RULES.rules.map((r) => r.code))];
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.filter((c) => (i18n.reason(c) ?? '').trim() === '')).toEqual([]);
    const categories = new Set([
      ...(RULES.categoryPriority ?? []),
      ...RULES.rules.flatMap((r) => (r.category === undefined || r.category === '' ? [] : [r.category])),
    ]);
    expect([...categories].filter((c) => i18n.t.categories[c] === undefined)).toEqual([]);
  });

  it('says different words in each language for the same key', () => {
    const zh = i18nFor('zh-CN', 'UTC').t;
    const en = i18nFor('en', 'UTC').t;
    expect(zh.number.verdict).toBe('当前判定');
    expect(en.number.verdict).toBe('Current verdict');
    expect(zh.reasons['ONE_RING']).not.toBe(en.reasons['ONE_RING']);
  });
});

describe('times and numbers', () => {
  it('shows a time in the configured zone with its offset, whatever the language', () => {
    expect(i18nFor('zh-CN', 'Asia/Shanghai').time(T)).toBe('2026-11-02 09:15:00 +08:00');
    expect(i18nFor('en', 'Asia/Shanghai').time(T)).toBe('2026-11-02 09:15:00 +08:00');
    expect(i18nFor('en', 'UTC').time(T)).toBe('2026-11-02 01:15:00 +00:00');
    // A zone with summer time shows the offset in force at that instant.
    expect(i18nFor('en', 'Europe/Berlin').time(Date.UTC(2026, 6, 1, 12))).toBe('2026-07-01 14:00:00 +02:00');
    expect(i18nFor('en', 'Europe/Berlin').time(T)).toBe('2026-11-02 02:15:00 +01:00');
    expect(i18nFor('en', 'Asia/Kolkata').offset(T)).toBe('+05:30');
    expect(i18nFor('zh-CN', 'Asia/Shanghai').time(0)).toBe('-');
  });

  it('gives a number its national form beside E.164, and leaves masked or raw values alone', () => {
    expect(phoneForms('+8613912340001')).toEqual({ national: '139 1234 0001', e164: '+8613912340001' });
    expect(phoneForms('+861058881234')).toEqual({ national: '010 5888 1234', e164: '+861058881234' });
    expect(phoneForms('+86137****1234')).toBeUndefined();
    expect(phoneForms('13912340001')).toBeUndefined();
  });

  it('refuses a time zone Intl does not know and defaults to zh-CN in Asia/Shanghai', () => {
    const d = consoleConfigSchema.parse({});
    expect([d.defaultLocale, d.timeZone]).toEqual(['zh-CN', 'Asia/Shanghai']);
    expect(consoleConfigSchema.safeParse({ timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(consoleConfigSchema.safeParse({ defaultLocale: 'fr' }).success).toBe(false);
  });
});

describe('pages in both languages', () => {
  const report: TracebackReport = {
    subject: { kind: 'number', id: '+8613912340001' },
    window: { fromMs: T - 3_600_000, toMs: T },
    generatedMs: T,
    generatedBy: 'alice',
    verdict: null,
    decision: null,
    actions: [],
    totalCalls: 4,
    firstMs: T - 60_000,
    lastMs: T,
    path: [],
    providers: { carriers: [], trunks: [], switches: [] },
    attestationMix: { C: 3, A: 1 },
    signalling: {
      calls: 4,
      distinctCalling: 1,
      distinctCalled: 4,
      answered: 1,
      shortAnswered: 1,
      onNetFromOffNet: 2,
      assertedMismatch: 0,
      invalidCalling: 0,
    },
    anomalyFacts: [
      { kind: 'onnet_from_offnet', calls: 2, of: 4 },
      { kind: 'weak_attestation', calls: 3, of: 4 },
    ],
    anomalies: [],
    sameWay: [{ number: '+8613912340002', calls: 2, firstMs: T, lastMs: T }],
    cdrs: [],
  };

  it('renders the traceback report in the reader language, zone and number format', () => {
    const zh = tracebackPage({ i18n: i18nFor('zh-CN', 'Asia/Shanghai') }, report, true);
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('信令异常');
    expect(zh).toContain('2 次呼叫（50%）显示本网用户号码，却从其他运营商进入');
    expect(zh).toContain('2026-11-02 09:15:00 +08:00');
    expect(zh).toMatch(/139 1234 0002<\/span> <span class="e164">\+8613912340002/);
    const en = tracebackPage({ i18n: i18nFor('en', 'UTC') }, report, true);
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('2 calls (50%) present an own-subscriber number but entered from another carrier');
    expect(en).toContain('3 calls (75%) carry gateway (C) or no attestation');
    expect(en).toContain('2026-11-02 01:15:00 +00:00');
    expect(en).not.toContain('信令');
  });

  it('serves the configured default language and switches a session to the other one', async () => {
    const { app } = await appWithoutStore();
    const first = await app.inject({ method: 'GET', url: '/login' });
    expect(first.body).toContain('<html lang="zh-CN">');
    expect(first.body).toContain('用户名');
    const { cookie } = await login(app, ALICE_PASSWORD);
    const zh = await app.inject({ method: 'GET', url: '/campaigns', cookies: { rf_sid: cookie } });
    expect(zh.body).toContain('团伙与来源');
    expect(zh.body).toMatch(/href="\/lang\/en\?next=%2Fcampaigns"/);

    const sw = await app.inject({ method: 'GET', url: '/lang/en?next=%2Fcampaigns' });
    expect(sw.statusCode).toBe(303);
    expect(sw.headers.location).toBe('/campaigns');
    const lang = sw.cookies.find((c) => c.name === 'rf_lang');
    expect(lang).toMatchObject({ value: 'en', path: '/', httpOnly: true });
    const en = await app.inject({
      method: 'GET',
      url: '/campaigns',
      cookies: { rf_sid: cookie, rf_lang: 'en' },
    });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Campaigns and sources');
    expect(en.body).toMatch(/href="\/lang\/zh-CN\?next=%2Fcampaigns"/);
    await app.close();
  });

  it('ignores an unknown language and never redirects off-site', async () => {
    const { app } = await appWithoutStore({ defaultLocale: 'en' });
    const bad = await app.inject({ method: 'GET', url: '/lang/fr?next=//evil.example/' });
    expect(bad.statusCode).toBe(303);
    expect(bad.headers.location).toBe('/');
    expect(bad.cookies.find((c) => c.name === 'rf_lang')).toBeUndefined();
    const page = await app.inject({ method: 'GET', url: '/login', cookies: { rf_lang: 'fr' } });
    expect(page.body).toContain('<html lang="en">');
    const notFound = await app.inject({ method: 'GET', url: '/nowhere', cookies: { rf_lang: 'zh-CN' } });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.body).toContain('页面不存在。');
    await app.close();
  });

  it('explains refusals and the console errors in the reader language', async () => {
    const { app } = await appWithoutStore();
    const { cookie } = await login(app, ALICE_PASSWORD);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', cookies: { rf_sid: cookie } });
    const csrf = me.json<{ csrf: string }>().csrf;

    const stale = await app.inject({
      method: 'POST',
      url: '/actions',
      cookies: { rf_sid: cookie },
      payload: { kind: 'number', id: '+8613900000001', action: 'confirm', _csrf: 'stale' },
    });
    expect(stale.statusCode).toBe(403);
    expect(stale.headers['content-type']).toContain('text/html');
    expect(stale.body).toContain('表单已过期，请刷新页面后重试。');

    const decide = (lang: string) =>
      app.inject({
        method: 'POST',
        url: '/redress/RC-404/decision',
        cookies: { rf_sid: cookie, rf_lang: lang },
        payload: { decision: 'upheld', resolution: 'checked', _csrf: csrf },
      });
    const zh = await decide('zh-CN');
    expect(zh.statusCode).toBe(404);
    expect(zh.body).toContain('申诉案件 RC-404 不存在。');
    const en = await decide('en');
    expect(en.body).toContain('There is no redress case RC-404.');
    // The API keeps its language-neutral code and English message.
    const api = await app.inject({
      method: 'POST',
      url: '/api/v1/redress/RC-404/decision',
      cookies: { rf_sid: cookie, rf_lang: 'zh-CN' },
      headers: { 'x-csrf-token': csrf },
      payload: { decision: 'upheld', resolution: 'checked' },
    });
    expect(api.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'no redress case RC-404' } });
    await app.close();
  });

  it('words stored codes inside an error text, and leaves errors without a key to their detail', () => {
    const zh = i18nFor('zh-CN', 'UTC');
    expect(errorText(zh, { messageKey: 'caseDecided', caseId: 'RC-1', status: 'upheld' })).toBe(
      '申诉案件 RC-1 已处理（申诉成立）。',
    );
    expect(
      errorText(i18nFor('en', 'UTC'), { messageKey: 'roleMayNot', role: 'analyst', action: 'blocklist' }),
    ).toBe('The role analyst may not do this (blocklist).');
    expect(errorText(zh, {})).toBeUndefined();
    expect(errorText(zh, { messageKey: 'toString' })).toBeUndefined();
  });
});
