import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStack } from '@ringfence/common/testing';
import { Attestation, Level, Media, SubjectKind, type ICallDetailRecord } from '@ringfence/proto';
import { alertRow, cdrRow, complaintRow, riskChangeRow, table, type StoreDb } from '@ringfence/store';
import type { ConsoleServer } from '../src/index.js';
import { HOUR, seed, startTestConsole } from './fixtures.js';
import { Client } from './http-client.js';

/*
 * Hostile data and hostile requests at the console: every text field the store holds carries HTML/JS
 * and SQL injection strings, and every page and JSON endpoint that shows them must render them as
 * text; odd and enormous inputs get a clear 4xx, never a 500; a flood does not take it down.
 */

const stack = testStack();
const db: StoreDb = { ch: stack.clickhouse(), database: stack.database };
let server: ConsoleServer;
let bob = '';
let flooder = '';

const NASTY = [
  '<script>alert("xss")</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(2)>",
  'javascript:alert(document.cookie)',
  '<a href="javascript:alert(3)">click</a>',
  '</textarea></title><script>alert(4)</script>',
  '\u202e<iframe src=javascript:alert(5)>',
  '＜script＞alert(6)＜/script＞',
  "'; DROP TABLE cdr; --",
  "1' OR '1'='1",
  '\\"; SELECT * FROM system.users; --',
  '{{constructor.constructor("alert(7)")()}}',
] as const;
/** Markup that must never reach a page unescaped (what a browser would run or follow). */
const LIVE_MARKUP = [
  /<script>alert/i,
  /<img src=x onerror/i,
  /<svg onload/i,
  /<iframe/i,
  /<a href="javascript:/i,
  /\b(href|src|action)\s*=\s*["']?\s*javascript:/i,
  /<\/textarea>/i,
];
/** A flagged number whose every related text is hostile; and a subject whose id itself is hostile. */
const VICTIM_OF_NASTY = '+8613911119999';
const NASTY_TRUNK = NASTY[1];
const NASTY_CARRIER = NASTY[2];
const NASTY_ID = NASTY[0];
const BAD_NUMBER = NASTY[9];

function num(raw: string): { raw: string; e164: string; valid: boolean } {
  return { raw, e164: raw, valid: raw.startsWith('+') };
}

async function seedNasty(t0: number): Promise<void> {
  const cdrs: ICallDetailRecord[] = [];
  for (let i = 0; i < 40; i++) {
    const s = NASTY[i % NASTY.length]!;
    cdrs.push({
      callId: `${s}#${i}`,
      switchId: s,
      setupTimeMs: t0 + i * 60_000,
      answerTimeMs: t0 + i * 60_000 + 2_000,
      releaseTimeMs: t0 + i * 60_000 + 5_000,
      calling: num(i % 2 === 0 ? VICTIM_OF_NASTY : BAD_NUMBER),
      called: num(i % 3 === 0 ? s : `+86137${String(20_000_000 + i).slice(-8)}`),
      asserted: num(s),
      ingressTrunk: NASTY_TRUNK,
      ingressCarrier: NASTY_CARRIER,
      releaseCause: 16,
      media: Media.MEDIA_AUDIO,
      attestation: Attestation.ATTESTATION_C,
      deviceId: s,
      ingestTimeMs: t0 + i * 60_000 + 1_000,
    });
  }
  await db.ch.insert({ table: table(db, 'cdr').text, format: 'JSONEachRow', values: cdrs.map(cdrRow) });
  const reasons = NASTY.map((code, i) => ({ code, value: i, threshold: 0, window: code, points: 1 }));
  const verdicts = [VICTIM_OF_NASTY, BAD_NUMBER, NASTY_ID].map((id, i) => ({
    kind: SubjectKind.SUBJECT_KIND_NUMBER,
    id,
    score: 90 - i,
    level: Level.LEVEL_HIGH,
    category: NASTY[(i + 3) % NASTY.length],
    reasons,
    updatedMs: t0 + HOUR,
    firstSeenMs: t0,
    calls: 20,
    override: NASTY[(i + 4) % NASTY.length],
  }));
  await db.ch.insert({
    table: table(db, 'risk_changes').text,
    format: 'JSONEachRow',
    values: verdicts.map((v) => riskChangeRow(v, Date.now())),
  });
  await db.ch.insert({
    table: table(db, 'alerts').text,
    format: 'JSONEachRow',
    values: NASTY.map((s, i) =>
      alertRow({
        alertId: `${s}/${i}`,
        timeMs: t0 + HOUR + i,
        kind: i % 3 === 0 ? SubjectKind.SUBJECT_KIND_TRUNK : SubjectKind.SUBJECT_KIND_NUMBER,
        id: i % 3 === 0 ? NASTY_TRUNK : i % 3 === 1 ? VICTIM_OF_NASTY : s,
        fromLevel: Level.LEVEL_LOW,
        toLevel: Level.LEVEL_HIGH,
        verdict: {
          score: 80,
          category: s,
          reasons: [{ code: s, value: 1, threshold: 0, window: s, points: 1 }],
        },
        evidence: { [s]: 1, [`${s}_2`]: 2 },
      }),
    ),
  });
  await db.ch.insert({
    table: table(db, 'complaints').text,
    format: 'JSONEachRow',
    values: NASTY.map((s, i) =>
      complaintRow({
        complaintId: s,
        timeMs: t0 + HOUR + i,
        reporter: num(s),
        reported: num(i % 2 === 0 ? VICTIM_OF_NASTY : BAD_NUMBER),
        category: 1,
        callId: s,
        ingestTimeMs: t0 + HOUR + i,
      }),
    ),
  });
}

beforeAll(async () => {
  const { t0 } = await seed({ url: stack.clickhouseUrl, database: stack.database }, db);
  await seedNasty(t0);
  server = await startTestConsole(stack, 'console-bad-input', { requestsPerMinute: 300, logLevel: 'silent' });
  await server.context.users.upsert('bob', 'supervisor', 'bob-password-123');
  await server.context.users.upsert('flood', 'analyst', 'flood-password-1');
  bob = await server.context.users.issueToken('bob');
  flooder = await server.context.users.issueToken('flood');
});

afterAll(async () => {
  await server?.stop();
  await stack.dropDatabase();
  await db.ch.close();
});

function get(path: string, token = bob): Promise<Response> {
  return new Client(server.url).request('GET', path, { headers: { authorization: `Bearer ${token}` } });
}

/** Page text as a reader sees it: the entities the console's escaping produces, decoded. */
function unescapeHtml(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The page, after asserting it is HTML with no live hostile markup in it. */
async function safePage(path: string): Promise<string> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type'), path).toContain('text/html');
  expect(res.headers.get('content-security-policy'), path).toContain("default-src 'none'");
  const page = await res.text();
  for (const re of LIVE_MARKUP) expect(page, `${path} ${String(re)}`).not.toMatch(re);
  return page;
}

/** The JSON body, after asserting it is JSON that parses. */
async function json(path: string): Promise<unknown> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type'), path).toContain('application/json');
  const text = await res.text();
  return JSON.parse(text) as unknown;
}

describe('console under hostile data and requests', () => {
  it('renders hostile CDR, verdict, complaint and alert text as text on every page that shows it', async () => {
    const pages = [
      `/numbers/${encodeURIComponent(VICTIM_OF_NASTY)}`,
      `/numbers/${encodeURIComponent(BAD_NUMBER)}`,
      `/numbers/${encodeURIComponent(NASTY_ID)}`,
      `/traceback/number/${encodeURIComponent(VICTIM_OF_NASTY)}`,
      `/traceback/number/${encodeURIComponent(VICTIM_OF_NASTY)}?print=1`,
      `/traceback/trunk/${encodeURIComponent(NASTY_TRUNK)}`,
      `/traceback/carrier/${encodeURIComponent(NASTY_CARRIER)}?print=1`,
      `/traceback/device/${encodeURIComponent(NASTY[4])}`,
      '/campaigns',
      '/alerts',
      '/',
    ];
    const all: string[] = [];
    for (const p of pages) all.push(await safePage(p));
    const text = all.join('\n');
    // The hostile strings did reach the pages, escaped.
    const shown = unescapeHtml(text);
    for (const s of NASTY) expect(shown, s).toContain(s);
    expect(text).toContain('&lt;script&gt;alert(');
    expect(unescapeHtml(all[0]!)).toContain(NASTY_CARRIER);
    // Links to hostile subjects are URL-encoded paths, never script URLs.
    expect(text).toContain(`/traceback/trunk/${encodeURIComponent(NASTY_TRUNK)}`);
  });

  it('returns well-formed JSON carrying the hostile strings verbatim', async () => {
    const inv = (await json(`/api/v1/numbers/${encodeURIComponent(VICTIM_OF_NASTY)}`)) as {
      number: string;
      summary: { calls: number; trunks: string[]; carriers: string[] };
    };
    expect(inv.number).toBe(VICTIM_OF_NASTY);
    expect(inv.summary.calls).toBe(20);
    expect(inv.summary.trunks).toContain(NASTY_TRUNK);
    expect(inv.summary.carriers).toContain(NASTY_CARRIER);
    const odd = (await json(`/api/v1/numbers/${encodeURIComponent(BAD_NUMBER)}`)) as { number: string };
    expect(odd.number).toBe(BAD_NUMBER);
    const tb = (await json(`/api/v1/traceback/trunk/${encodeURIComponent(NASTY_TRUNK)}`)) as {
      totalCalls: number;
    };
    expect(tb.totalCalls).toBe(40);
    const alerts = (await json('/api/v1/alerts?limit=100')) as { alerts: { alertId: string; id: string }[] };
    const ids = alerts.alerts.map((a) => a.alertId);
    for (const [i, s] of NASTY.entries()) expect(ids).toContain(`${s}/${i}`);
    const campaigns = (await json('/api/v1/campaigns')) as { campaigns: { links: string[] }[] };
    expect(JSON.stringify(campaigns)).toContain(JSON.stringify(NASTY_TRUNK).slice(1, -1));
  });

  it('searches odd number formats to a page (200, or 404), never a 500, never live markup', async () => {
    const odd = [
      '13912340001',
      '+86 139-1234-0001',
      '0086 139 1234 0001',
      '１３９１２３４０００１',
      '139ABCD0001',
      'anonymous',
      '+',
      '💩',
      '1'.repeat(64),
      "' OR 1=1 --",
      '<script>alert(1)</script>',
    ];
    for (const q of odd) {
      const res = await get(`/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(303);
      const page = await get(res.headers.get('location') ?? '');
      expect([200, 404], q).toContain(page.status);
      const body = await page.text();
      for (const re of LIVE_MARKUP) expect(body, q).not.toMatch(re);
    }
  });

  it('answers empty, enormous and malformed inputs with a clear 4xx page or JSON error', async () => {
    for (const q of ['', '   ', '1'.repeat(65), '1'.repeat(1000)]) {
      const res = await get(`/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q.slice(0, 20)).toBe(400);
      expect(await res.text()).toMatch(/enter a number to search/i);
    }
    // Longer than a URL may be: refused by the HTTP layer itself, still a 4xx.
    const huge = await get(`/search?q=${'9'.repeat(100_000)}`);
    expect(huge.status).toBeGreaterThanOrEqual(400);
    expect(huge.status).toBeLessThan(500);
    // Ids longer than a path parameter may be (100) and malformed percent-encoding are refused by the
    // router (414, 400), longer ids up to that by the console's own check (400): each as the
    // console's error page or JSON error, with its headers, never echoing the path as markup.
    for (const path of [
      `/traceback/trunk/${'x'.repeat(129)}`,
      `/traceback/trunk/${encodeURIComponent(NASTY[0].repeat(20))}`,
      `/api/v1/traceback/number/${'1'.repeat(5_000)}`,
      `/numbers/${'1'.repeat(5_000)}`,
      `/api/v1/numbers/${encodeURIComponent(NASTY[0].repeat(20))}`,
      '/numbers/%E0%A4%A',
      '/api/v1/numbers/%zz',
    ]) {
      const res = await get(path);
      expect([400, 414], path.slice(0, 40)).toContain(res.status);
      expect(res.headers.get('x-content-type-options'), path.slice(0, 40)).toBe('nosniff');
      expect(res.headers.get('content-security-policy'), path.slice(0, 40)).toContain("default-src 'none'");
      const body = await res.text();
      if (path.startsWith('/api/')) {
        expect(res.headers.get('content-type')).toContain('application/json');
        expect(JSON.parse(body)).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
      } else {
        expect(res.headers.get('content-type')).toContain('text/html');
        for (const re of LIVE_MARKUP) expect(body).not.toMatch(re);
      }
    }
    const badKind = await get(`/traceback/${encodeURIComponent('<script>')}/x`);
    expect(badKind.status).toBe(400);
    expect(await badKind.text()).not.toContain('<script>');
    const junkQuery = await get(`/alerts?limit=${encodeURIComponent('1; DROP TABLE alerts')}&since=-1e400`);
    expect(junkQuery.status).toBe(400);
  });

  it('survives a flood: the flooder is throttled with 429, another user is served normally afterwards', async () => {
    const paths = [
      '/api/v1/me',
      `/search?q=${encodeURIComponent('13912340001')}`,
      `/api/v1/numbers/${encodeURIComponent(VICTIM_OF_NASTY)}`,
      '/nope',
    ];
    const codes = new Map<number, number>();
    await Promise.all(
      Array.from({ length: 800 }, async (_, i) => {
        const res = await get(paths[i % paths.length]!, flooder);
        await res.arrayBuffer();
        codes.set(res.status, (codes.get(res.status) ?? 0) + 1);
      }),
    );
    process.stdout.write(`${JSON.stringify({ flood: Object.fromEntries(codes) })}\n`);
    expect(codes.get(429)).toBeGreaterThan(0);
    expect([...codes.keys()].filter((c) => c >= 500)).toEqual([]);
    const page = await safePage(`/numbers/${encodeURIComponent(VICTIM_OF_NASTY)}`);
    expect(page).toMatch(/<span id="level">\s*HIGH\s*<\/span>/);
    expect((await get('/api/v1/me')).status).toBe(200);
  });
});
