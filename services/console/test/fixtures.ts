import { Attestation, Level, Media, SubjectKind, type ICallDetailRecord } from '@ringfence/proto';
import {
  alertRow,
  cdrRow,
  complaintRow,
  migrate,
  riskChangeRow,
  table,
  type StoreDb,
  type StoreTarget,
} from '@ringfence/store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, loadConfig } from '@ringfence/common';
import type { TestStack } from '@ringfence/common/testing';
import { consoleConfigSchema, startConsole, type ConsoleServer } from '../src/index.js';

export const HOUR = 3_600_000;
/** An own-subscriber number spoofed from outside: it enters via another carrier's trunk, attestation C. */
export const HARASSER = '+8613912340001';
export const HARASSER_NATIONAL = '139 1234 0001';
export const ACCOMPLICES = ['+8613912340002', '+8613912340003'];
export const ORDINARY = '+8613812345678';
export const EVIL_TRUNK = 'tr-evil-01';
export const EVIL_CARRIER = 'CARRIER-EVIL';
export const XSS = '<script>alert("xss")</script>';
/** A callee whose full number must never reach an analyst's page. */
export const CALLEE = '+8613700001234';

function num(e164: string): { raw: string; e164: string; valid: boolean } {
  return { raw: e164, e164, valid: true };
}

function cdr(
  i: number,
  calling: string,
  setup: number,
  over: Partial<ICallDetailRecord> = {},
): ICallDetailRecord {
  return {
    callId: `${calling}-${i}`,
    switchId: i % 2 === 0 ? 'SW-BJ-1' : 'SW-SH-2',
    setupTimeMs: setup,
    answerTimeMs: i % 4 === 0 ? setup + 3_000 : 0,
    releaseTimeMs: setup + (i % 4 === 0 ? 7_000 : 20_000),
    calling: num(calling),
    called: num(i === 0 ? CALLEE : `+86137${String(10_000_000 + i).slice(-8)}`),
    asserted: i % 3 === 0 ? num('+8613900000000') : num(calling),
    ingressTrunk: EVIL_TRUNK,
    ingressCarrier: EVIL_CARRIER,
    releaseCause: 16,
    media: Media.MEDIA_AUDIO,
    attestation: Attestation.ATTESTATION_C,
    deviceId: '',
    ingestTimeMs: setup + 1_000,
    ...over,
  };
}

/** Applies the store's migrations to the test database and inserts a small, known dataset. */
export async function seed(target: StoreTarget, db: StoreDb): Promise<{ t0: number }> {
  await migrate(target);
  const t0 = Math.floor(Date.now() / HOUR) * HOUR - 3 * HOUR;
  const cdrs: ICallDetailRecord[] = [];
  for (let i = 0; i < 60; i++) cdrs.push(cdr(i, HARASSER, t0 + i * 150_000));
  // Delivered twice (at-least-once): counts must not change.
  for (let i = 0; i < 10; i++)
    cdrs.push({ ...cdr(i, HARASSER, t0 + i * 150_000), ingestTimeMs: t0 + 5 * HOUR });
  for (const [k, n] of ACCOMPLICES.entries()) {
    for (let i = 0; i < 10 + k; i++) cdrs.push(cdr(i, n, t0 + i * 200_000));
  }
  for (let i = 0; i < 5; i++) {
    cdrs.push(
      cdr(i, ORDINARY, t0 + i * 600_000, {
        ingressTrunk: 'tr-access-7',
        ingressCarrier: 'ON-NET',
        attestation: Attestation.ATTESTATION_A,
        asserted: num(ORDINARY),
      }),
    );
  }
  await db.ch.insert({ table: table(db, 'cdr').text, format: 'JSONEachRow', values: cdrs.map(cdrRow) });
  const reasons = [
    { code: 'SHORT_CALLS', value: 0.9, threshold: 0.6, window: '1h', points: 40 },
    { code: XSS, value: 1, threshold: 0, window: '', points: 5 },
  ];
  const verdicts = [
    { score: 35, level: Level.LEVEL_LOW, at: t0 + HOUR },
    { score: 85, level: Level.LEVEL_HIGH, at: t0 + 2 * HOUR },
  ].map((v) => ({
    kind: SubjectKind.SUBJECT_KIND_NUMBER,
    id: HARASSER,
    score: v.score,
    level: v.level,
    category: 'robocall',
    reasons,
    updatedMs: v.at,
    firstSeenMs: t0,
    calls: 60,
  }));
  const accompliceVerdicts = ACCOMPLICES.map((id) => ({
    kind: SubjectKind.SUBJECT_KIND_NUMBER,
    id,
    score: 60,
    level: Level.LEVEL_MEDIUM,
    category: 'spoofing',
    reasons: [],
    updatedMs: t0 + 2 * HOUR,
    calls: 10,
  }));
  await db.ch.insert({
    table: table(db, 'risk_changes').text,
    format: 'JSONEachRow',
    values: [...verdicts, ...accompliceVerdicts].map((v) => riskChangeRow(v, Date.now())),
  });
  await db.ch.insert({
    table: table(db, 'alerts').text,
    format: 'JSONEachRow',
    values: [
      alertRow({
        alertId: 'al-1',
        timeMs: t0 + 2 * HOUR,
        kind: SubjectKind.SUBJECT_KIND_NUMBER,
        id: HARASSER,
        fromLevel: Level.LEVEL_LOW,
        toLevel: Level.LEVEL_HIGH,
        verdict: verdicts[1] ?? null,
        evidence: { short_call_ratio_1h: 0.9, distinct_called_1h: 24 },
      }),
    ],
  });
  await db.ch.insert({
    table: table(db, 'complaints').text,
    format: 'JSONEachRow',
    values: [
      complaintRow({
        complaintId: 'cp-1',
        timeMs: t0 + HOUR,
        reporter: num(CALLEE),
        reported: num(HARASSER),
        category: 1,
        callId: `${HARASSER}-0`,
        ingestTimeMs: t0 + HOUR,
      }),
    ],
  });
  return { t0 };
}

/**
 * The console on `stack` (its topics and database) on a free port, with a fresh users file;
 * `overrides` adds or replaces config keys.
 */
export async function startTestConsole(
  stack: TestStack,
  name: string,
  overrides: Record<string, unknown> = {},
): Promise<ConsoleServer> {
  const config = loadConfig(consoleConfigSchema, {
    env: {},
    overrides: {
      kafkaBrokers: stack.brokers.join(','),
      topicPrefix: stack.topicPrefix,
      clickhouseUrl: stack.clickhouseUrl,
      clickhouseDatabase: stack.database,
      httpPort: 0,
      usersFile: join(mkdtempSync(join(tmpdir(), `${name}-`)), 'users.json'),
      logLevel: 'warn',
      // These suites assert English page text; the browser test covers both languages.
      defaultLocale: 'en',
      ...overrides,
    },
  });
  return startConsole(config, createLogger(name, config.logLevel));
}
