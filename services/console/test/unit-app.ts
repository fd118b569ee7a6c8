import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createMetrics } from '@ringfence/common';
import type { StoreDb } from '@ringfence/store';
import type { Producer } from 'kafkajs';
import { ActionRecorder } from '../src/actions.js';
import { buildApp } from '../src/app.js';
import { consoleConfigSchema } from '../src/config.js';
import type { ConsoleContext } from '../src/context.js';
import { LoginThrottle, SessionStore, UserStore } from '../src/index.js';

export type App = Awaited<ReturnType<typeof buildApp>>;

export const ALICE_PASSWORD = 'alice-password-1';

/** An audit_log row as the store inserts it. */
export interface AuditRow {
  actor: string;
  action: string;
  outcome: string;
  source_ip: string;
}

/**
 * The console app over a store that records audit inserts and answers every query with no rows:
 * enough for checks that need no stored data. `alice` is a supervisor; `config` adds or replaces keys.
 */
export async function appWithoutStore(config: Record<string, unknown> = {}): Promise<{
  ctx: ConsoleContext;
  audits: AuditRow[];
  app: App;
}> {
  const audits: AuditRow[] = [];
  const db = {
    database: 'unit',
    ch: {
      insert: (args: { values: AuditRow[] }) => {
        audits.push(...args.values);
        return Promise.resolve();
      },
      query: () => Promise.resolve({ json: () => Promise.resolve([]) }),
    },
  } as unknown as StoreDb;
  const parsed = consoleConfigSchema.parse({
    usersFile: join(mkdtempSync(join(tmpdir(), 'users-')), 'u.json'),
    loginMaxFailuresPerUser: 2,
    ...config,
  });
  const users = await UserStore.open(parsed.usersFile);
  await users.upsert('alice', 'supervisor', ALICE_PASSWORD);
  const ctx: ConsoleContext = {
    config: parsed,
    db,
    users,
    sessions: new SessionStore({ idleMs: 60_000, absoluteMs: 120_000 }),
    throttle: new LoginThrottle({
      maxPerIp: parsed.loginMaxPerIp,
      maxFailuresPerUser: parsed.loginMaxFailuresPerUser,
      windowMs: 60_000,
    }),
    actions: new ActionRecorder(db, {} as Producer, ''),
    logger: createLogger('unit', 'silent'),
    registry: createMetrics('unit'),
    cookieSecret: 'unit-secret-unit-secret',
  };
  return { ctx, audits, app: await buildApp(ctx) };
}

/** Logs in through the form as a browser does; `request` adds inject options (headers, remoteAddress). */
export async function login(
  app: App,
  password: string,
  request: { headers?: Record<string, string>; remoteAddress?: string } = {},
): Promise<{ status: number; cookie: string }> {
  const form = await app.inject({ method: 'GET', url: '/login' });
  const pre = form.cookies.find((c) => c.name === 'rf_pre')?.value ?? '';
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const res = await app.inject({
    method: 'POST',
    url: '/login',
    cookies: { rf_pre: pre },
    payload: { username: 'alice', password, _csrf: token },
    ...request,
  });
  const sid = res.cookies.find((c) => c.name === 'rf_sid')?.value ?? '';
  return { status: res.statusCode, cookie: sid };
}
