import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil, topicName } from '@ringfence/common';
import { CLICKHOUSE_LAYOUTS, type LayoutScope, type TestStack } from '@ringfence/common/testing';
import { FeedbackAction, Level, SubjectKind, feedbackv1, type Feedback } from '@ringfence/proto';
import {
  alertRow,
  auditLog,
  feedbackFor,
  listCampaigns,
  table,
  type StoreDb,
  type StoredCampaign,
} from '@ringfence/store';
import type { Consumer } from 'kafkajs';
import type { ConsoleServer } from '../src/index.js';
import {
  ACCOMPLICES,
  CALLEE,
  EVIL_TRUNK,
  HARASSER,
  HARASSER_NATIONAL,
  XSS,
  seed,
  startTestConsole,
} from './fixtures.js';
import { Client } from './http-client.js';

// Every layout runs the whole file in turn: these are set by its suite's beforeAll.
let scope: LayoutScope;
let stack: TestStack;
let db: StoreDb;
let server: ConsoleServer;
let consumer: Consumer;
const received: { key: string; value: Feedback }[] = [];
const passwords = { alice: 'alice-password-1', bob: 'bob-password-12', carol: 'carol-password-1' };
let carolToken = '';
let bobToken = '';

async function start(): Promise<void> {
  received.length = 0;
  await seed(scope.target(), db);
  server = await startTestConsole(stack, 'console-test', { bootstrapAdmin: 'root' });
  await server.context.users.upsert('alice', 'supervisor', passwords.alice);
  await server.context.users.upsert('bob', 'analyst', passwords.bob);
  await server.context.users.upsert('carol', 'auditor', passwords.carol);
  carolToken = await server.context.users.issueToken('carol');
  bobToken = await server.context.users.issueToken('bob');
  consumer = stack.kafka().consumer({ groupId: `${stack.topicPrefix}console-test` });
  await consumer.connect();
  await consumer.subscribe({ topic: topicName(stack.topicPrefix, 'feedback'), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      received.push({
        key: message.key?.toString() ?? '',
        value: feedbackv1.Feedback.decode(message.value ?? Buffer.alloc(0)),
      });
      await Promise.resolve();
    },
  });
}

/** Polls `probe` until it returns a value (a safety net for what the test waits on, not a speed check). */
function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  return pollUntil(what, async () => probe(), { timeoutMs: 60_000 });
}

describe.each(CLICKHOUSE_LAYOUTS)('console against the real stack: $name', (layout) => {
  beforeAll(async () => {
    scope = await layout.start();
    stack = scope.stack;
    db = scope.db();
    await start();
  });
  afterAll(async () => {
    await consumer?.disconnect();
    await server?.stop();
    await db.ch.close();
    await scope.close();
  });

  it('creates the first supervisor from bootstrapAdmin and that login works', async () => {
    expect(server.bootstrap?.user).toBe('root');
    const c = new Client(server.url);
    expect((await c.login('root', server.bootstrap?.password ?? '')).status).toBe(303);
  });

  it('refuses the unauthenticated: pages redirect to login, the API answers 401', async () => {
    const c = new Client(server.url);
    const page = await c.request('GET', `/numbers/${encodeURIComponent(HARASSER)}`);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/login\?next=/);
    expect((await c.request('GET', `/api/v1/numbers/${encodeURIComponent(HARASSER)}`)).status).toBe(401);
    expect(
      (await c.request('GET', '/api/v1/me', { headers: { authorization: 'Bearer rft_wrong' } })).status,
    ).toBe(401);
    expect((await c.login('bob', 'not-the-password')).status).toBe(401);
  });

  it('searches a number in national format and shows verdict, chart, masked callees, complaints', async () => {
    const c = new Client(server.url);
    expect((await c.login('bob', passwords.bob)).status).toBe(303);
    const search = await c.request('GET', `/search?q=${encodeURIComponent(HARASSER_NATIONAL)}`);
    expect(search.status).toBe(303);
    const location = search.headers.get('location') ?? '';
    expect(location).toContain(encodeURIComponent(HARASSER));
    const res = await c.request('GET', location);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toMatch(/<span id="level">\s*HIGH\s*<\/span>/);
    expect(page).toContain('<code>SHORT_CALLS</code> Answered calls are mostly very short');
    expect(page).toMatch(/<svg\s+class="timeline"[\s\S]*<rect\s+class="bar"[\s\S]*<polyline\s+class="score"/);
    expect(page).toMatch(/<td id="calls">\s*60\s*<\/td>/);
    expect(page).toContain('short_call_ratio_1h');
    // Analyst: callee and complainant masked; the injected reason code is text, not markup.
    expect(page).not.toContain(CALLEE);
    expect(page).toContain('+86137****1234');
    expect(page).not.toContain(XSS);
    expect(page).toContain('&lt;script&gt;');
    const inv = (await (
      await c.request('GET', `/api/v1/numbers/${encodeURIComponent(HARASSER_NATIONAL)}`)
    ).json()) as {
      number: string;
      summary: { calls: number };
      complaints: { reporter: string }[];
    };
    expect(inv.number).toBe(HARASSER);
    expect(inv.summary.calls).toBe(60);
    expect(inv.complaints[0]?.reporter).toBe('+86137****1234');
    const audit = await waitFor('view audited', async () => {
      const a = await auditLog(db, { from: 0, to: Date.now() + 60_000, actor: 'bob' });
      return a.some((e) => e.action === 'view.number' && e.subjectId === HARASSER) ? a : undefined;
    });
    expect(audit.find((e) => e.action === 'view.number')?.sourceIp).not.toBe('');
  });

  it('answers 403 to the wrong role and records the denial', async () => {
    const auth = { authorization: `Bearer ${carolToken}` };
    const c = new Client(server.url);
    const view = await c.request('GET', `/api/v1/numbers/${encodeURIComponent(HARASSER)}`, { headers: auth });
    expect(view.status).toBe(200);
    const act = await c.request('POST', '/api/v1/actions', {
      headers: auth,
      json: { kind: 'number', id: HARASSER, action: 'confirm' },
    });
    expect(act.status).toBe(403);
    const list = await c.request('POST', '/api/v1/actions', {
      headers: { authorization: `Bearer ${bobToken}` },
      json: { kind: 'number', id: HARASSER, action: 'blocklist' },
    });
    expect(list.status).toBe(403);
    const audit = await auditLog(db, { from: 0, to: Date.now() + 60_000, actor: 'carol' });
    expect(audit.some((e) => e.outcome === 'denied')).toBe(true);
  });

  it('returns a traceback report as JSON: path, shares, anomalies, numbers that came the same way', async () => {
    const c = new Client(server.url);
    const res = await c.request('GET', `/api/v1/traceback/number/${encodeURIComponent(HARASSER)}`, {
      headers: { authorization: `Bearer ${bobToken}` },
    });
    expect(res.status).toBe(200);
    const r = (await res.json()) as {
      totalCalls: number;
      providers: { trunks: { id: string; share: number }[] };
      attestationMix: Record<string, number>;
      anomalies: string[];
      sameWay: { number: string; calls: number }[];
      cdrs: { called: string }[];
    };
    expect(r.totalCalls).toBe(60);
    expect(r.providers.trunks[0]).toMatchObject({ id: EVIL_TRUNK, share: 1 });
    expect(r.attestationMix['C']).toBe(60);
    expect(r.anomalies.some((a) => a.includes('own-subscriber'))).toBe(true);
    expect(r.sameWay.map((n) => n.number).sort()).toEqual([...ACCOMPLICES].sort());
    expect(r.cdrs).toHaveLength(50);
    expect(r.cdrs.every((x) => x.called.includes('*'))).toBe(true);
    const printable = await c.request('GET', `/traceback/trunk/${EVIL_TRUNK}?print=1`, {
      headers: { authorization: `Bearer ${bobToken}` },
    });
    expect(printable.status).toBe(200);
    expect(await printable.text()).toContain(ACCOMPLICES[0]);
  });

  it('groups the numbers that share the spoofing trunk into one campaign and ranks the trunk first', async () => {
    const c = new Client(server.url);
    const res = await c.request('GET', '/api/v1/campaigns', {
      headers: { authorization: `Bearer ${bobToken}` },
    });
    expect(res.status).toBe(200);
    const r = (await res.json()) as {
      flaggedNumbers: number;
      campaigns: { numbers: { number: string }[]; links: string[]; calls: number }[];
      leaderboard: { kind: string; id: string; flaggedCalls: number }[];
    };
    expect(r.flaggedNumbers).toBe(3);
    expect(r.campaigns).toHaveLength(1);
    expect(r.campaigns[0]?.numbers.map((n) => n.number).sort()).toEqual([HARASSER, ...ACCOMPLICES].sort());
    expect(r.campaigns[0]?.links).toContain(`trunk ${EVIL_TRUNK}`);
    expect(r.campaigns[0]?.calls).toBe(60 + 10 + 11);
    // The spoofing trunk and its carrier carry all flagged traffic: they top the leaderboard.
    expect(r.leaderboard.slice(0, 2)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'trunk', id: EVIL_TRUNK, flaggedCalls: 81 }),
        expect.objectContaining({ kind: 'carrier', id: 'CARRIER-EVIL', flaggedCalls: 81 }),
      ]),
    );
    const page = await c.request('GET', '/campaigns', { headers: { authorization: `Bearer ${bobToken}` } });
    expect(await page.text()).toMatch(/<section id="leaderboard">[\s\S]*tr-evil-01/);
  });

  it('needs the CSRF token for a form action, then publishes the action to feedback.v1 and records it', async () => {
    const c = new Client(server.url);
    await c.login('alice', passwords.alice);
    const form = {
      kind: 'number',
      id: HARASSER,
      action: 'confirm',
      note: 'robocaller',
      back: `/numbers/${encodeURIComponent(HARASSER)}`,
    };
    expect((await c.request('POST', '/actions', { form })).status).toBe(403);
    expect((await c.request('POST', '/actions', { form: { ...form, _csrf: 'forged' } })).status).toBe(403);
    const ok = await c.request('POST', '/actions', { form: { ...form, _csrf: c.csrf } });
    expect(ok.status).toBe(303);
    const msg = await waitFor('feedback on Kafka', () =>
      received.find((m) => m.value.action === FeedbackAction.FEEDBACK_ACTION_CONFIRM),
    );
    expect(msg.key).toBe(HARASSER);
    expect(msg.value).toMatchObject({ id: HARASSER, operator: 'alice', note: 'robocaller' });
    const stored = await feedbackFor(db, 'number', HARASSER);
    expect(stored.map((f) => f.action)).toContain('confirm');
    const page = await (await c.request('GET', `/numbers/${encodeURIComponent(HARASSER)}`)).text();
    expect(page).toContain('Operator override: CONFIRM');
    // Supervisor sees callees in full.
    expect(page).toContain(CALLEE);

    const undo = await c.request('POST', '/api/v1/actions/undo', {
      headers: { 'x-csrf-token': c.csrf },
      json: { kind: 'number', id: HARASSER, feedbackId: msg.value.feedbackId },
    });
    expect(undo.status).toBe(201);
    const undoMsg = await waitFor('undo on Kafka', () =>
      received.find((m) => m.value.action === FeedbackAction.FEEDBACK_ACTION_UNDO),
    );
    expect(undoMsg.value.undoes).toBe(msg.value.feedbackId);
    const after = await (await c.request('GET', `/numbers/${encodeURIComponent(HARASSER)}`)).text();
    expect(after).toContain('No operator decision in force.');
  });

  it('upholds a redress case: the business is cleared and its numbers allowlisted', async () => {
    const c = new Client(server.url);
    await c.login('alice', passwords.alice);
    const opened = await c.request('POST', '/api/v1/redress', {
      headers: { 'x-csrf-token': c.csrf },
      json: {
        kind: 'number',
        id: ACCOMPLICES[0],
        channel: 'hotline',
        contact: 'ops@courier.example',
        description: 'We are a courier',
      },
    });
    expect(opened.status).toBe(201);
    const { caseId } = (await opened.json()) as { caseId: string };
    const decided = await c.request('POST', `/api/v1/redress/${caseId}/decision`, {
      headers: { 'x-csrf-token': c.csrf },
      json: { decision: 'upheld', resolution: 'verified business licence', protect: [ACCOMPLICES[1]] },
    });
    expect(decided.status).toBe(200);
    const body = (await decided.json()) as { case: { status: string }; feedbackIds: string[] };
    expect(body.case.status).toBe('upheld');
    expect(body.feedbackIds).toHaveLength(2);
    for (const n of ACCOMPLICES) {
      const f = await feedbackFor(db, 'number', n);
      expect(f.find((x) => x.action === 'allowlist')?.caseId).toBe(caseId);
    }
    expect(
      (
        await c.request('POST', `/api/v1/redress/${caseId}/decision`, {
          headers: { 'x-csrf-token': c.csrf },
          json: { decision: 'rejected', resolution: 'again' },
        })
      ).status,
    ).toBe(409);
  });

  it('streams a newly stored alert to the live feed (server-sent events)', async () => {
    const controller = new AbortController();
    const res = await fetch(`${server.url}/alerts/stream`, {
      headers: { authorization: `Bearer ${bobToken}` },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    await db.ch.insert({
      table: table(db, 'alerts').text,
      format: 'JSONEachRow',
      values: [
        alertRow({
          alertId: 'al-live',
          timeMs: Date.now(),
          kind: SubjectKind.SUBJECT_KIND_TRUNK,
          id: EVIL_TRUNK,
          fromLevel: Level.LEVEL_NONE,
          toLevel: Level.LEVEL_HIGH,
          verdict: { score: 90, category: 'spoofing' },
        }),
      ],
    });
    const chunks = (res.body as unknown as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    let text = '';
    await waitFor('alert event', async () => {
      const chunk = await chunks.next();
      if (chunk.done !== true) text += Buffer.from(chunk.value).toString('utf8');
      return text.includes('event: alert') && text.includes('al-live') ? text : undefined;
    });
    controller.abort();
    expect(text).toContain(`"id":"${EVIL_TRUNK}"`);
  });

  it('logs out: the old session cookie no longer works', async () => {
    const c = new Client(server.url);
    await c.login('bob', passwords.bob);
    expect((await c.request('GET', '/api/v1/me')).status).toBe(200);
    expect((await c.request('POST', '/logout', { form: { _csrf: c.csrf } })).status).toBe(303);
    expect((await c.request('GET', '/api/v1/me')).status).toBe(401);
  });

  it('keeps a campaign under one stored id, and records a decision on it for every member', async () => {
    const c = new Client(server.url);
    const headers = { authorization: `Bearer ${bobToken}` };
    const read = async (): Promise<{ campaigns: { id: string; firstSeenMs: number }[] }> =>
      (await (await c.request('GET', '/api/v1/campaigns', { headers })).json()) as {
        campaigns: { id: string; firstSeenMs: number }[];
      };
    const first = await read();
    const id = first.campaigns[0]?.id ?? '';
    expect(id).toMatch(/^CMP-[0-9A-F]{12}$/);
    expect((await read()).campaigns[0]).toMatchObject({ id, firstSeenMs: first.campaigns[0]?.firstSeenMs });
    // Stored, so another replica or a restarted console shows the same id.
    expect((await listCampaigns(db)).map((x) => x.campaignId)).toEqual([id]);

    const one = await c.request('GET', `/api/v1/campaigns/${id}`, { headers });
    expect(one.status).toBe(200);
    const stored = (await one.json()) as StoredCampaign;
    expect(stored.numbers).toEqual([HARASSER, ...ACCOMPLICES].sort());
    expect(stored.sources).toContain(`trunk:${EVIL_TRUNK}`);
    expect((await c.request('GET', '/api/v1/campaigns/CMP-000000000000', { headers })).status).toBe(404);
    expect((await c.request('GET', '/api/v1/campaigns/not-a-campaign', { headers })).status).toBe(400);

    // An analyst may confirm a campaign but not blocklist it.
    const path = `/api/v1/campaigns/${id}/actions`;
    expect((await c.request('POST', path, { headers, json: { action: 'blocklist' } })).status).toBe(403);
    expect((await c.request('POST', path, { headers, json: { action: 'allowlist' } })).status).toBe(400);
    const done = await c.request('POST', path, {
      headers,
      json: { action: 'confirm', note: 'one operation' },
    });
    expect(done.status).toBe(201);
    expect(await done.json()).toMatchObject({ campaignId: id, action: 'confirm', numbers: 3, sources: 1 });
    const keys = await waitFor('the campaign decision on Kafka', () => {
      const k = received.filter((m) => m.value.note === `campaign ${id}: one operation`).map((m) => m.key);
      return k.length >= 4 ? k.sort() : undefined;
    });
    expect(keys).toEqual([HARASSER, ...ACCOMPLICES, `trunk:${EVIL_TRUNK}`].sort());
    for (const n of ACCOMPLICES)
      expect((await feedbackFor(db, 'number', n)).map((f) => [f.action, f.note])).toContainEqual([
        'confirm',
        `campaign ${id}: one operation`,
      ]);
    const entries = await auditLog(db, { from: 0, to: Date.now() + 60_000, subjectId: id });
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['campaign.confirm', 'view.campaign']),
    );
  });
});
