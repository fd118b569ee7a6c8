import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicName } from '@ringfence/common';
import { freePort, readTopics, testStack } from '@ringfence/common/testing';
import { goodCdr, impossibleTimes, nonexistentDates } from './bad-records.js';
import { ServiceProcess } from '../support/service-process.js';

/*
 * What services/ingest/test/fuzz.int.test.ts does not cover at the HTTP edge (it sends random bytes,
 * truncated JSON, odd numbers, injection strings and a too-large body): a truncated gzip body and a
 * gzip bomb, impossible times, one record above the record limit inside an acceptable body, and a
 * flood of concurrent requests, against the ingest service as a process.
 */

const stack = testStack();
const kafka = stack.kafka();
const TOKEN = 'bad-input-token-0123';
let ingest: ServiceProcess;
let base = '';
let accepted = 0;
let rejected = 0;

interface Answer {
  accepted: number;
  rejected: number;
  duplicates: number;
  results: { index: number; status: string; reason?: string }[];
}

async function post(body: Buffer | string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/v1/cdrs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, ...headers },
    body,
  });
}

/** Posts and counts what the answer says was accepted or rejected (both reach Kafka). */
async function postCounted(body: Buffer | string, headers: Record<string, string> = {}): Promise<Response> {
  const res = await post(body, headers);
  if (res.status === 200) {
    const a = (await res.clone().json()) as Answer;
    accepted += a.accepted;
    rejected += a.rejected;
  }
  return res;
}

const jsonl = (records: Record<string, unknown>[]): string =>
  records.map((r) => JSON.stringify(r)).join('\n');

beforeAll(async () => {
  await stack.createTopics();
  const port = await freePort();
  ingest = new ServiceProcess(
    'ingest',
    stack.env({
      INGEST_TOKENS: TOKEN,
      HTTP_PORT: String(port),
      RAW_TOPIC_ENABLED: 'false',
      BODY_LIMIT_BYTES: String(1024 * 1024),
      INFLATED_LIMIT_BYTES: String(4 * 1024 * 1024),
    }),
  );
  await ingest.start();
  await ingest.ready(60_000);
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await ingest?.kill();
  ServiceProcess.killAll();
  await stack.deleteTopics();
});

describe('ingest HTTP API under bad input', () => {
  it('refuses a truncated gzip body and a gzip bomb as a whole, then takes a good body', async () => {
    const whole = gzipSync(Buffer.from(jsonl(Array.from({ length: 500 }, (_, i) => goodCdr(i, 'gz')))));
    for (const cut of [10, Math.floor(whole.length / 2), whole.length - 1]) {
      const res = await post(whole.subarray(0, cut), { 'content-encoding': 'gzip' });
      expect(res.status, `cut at ${cut}`).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
    }
    // 40 MiB of one byte compresses to ~40 KiB: under the body limit, far over the inflated one.
    const bomb = gzipSync(Buffer.alloc(40 * 1024 * 1024, 0x20));
    const res = await post(bomb, { 'content-encoding': 'gzip' });
    expect(res.status).toBe(413);
    const ok = await postCounted(whole, { 'content-encoding': 'gzip' });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Answer).accepted).toBe(500);
  });

  it('rejects impossible times record by record, with the reason', async () => {
    const bad = impossibleTimes(1_000);
    const res = await postCounted(jsonl([goodCdr(900, 'time-ok'), ...bad.map((b) => b.record)]));
    expect(res.status).toBe(200);
    const a = (await res.json()) as Answer;
    expect(a.accepted).toBe(1);
    expect(a.results.slice(1).map((r) => r.reason)).toEqual(bad.map((b) => b.reason));
  });

  it('rejects calls on dates that do not exist instead of rolling them into the next month', async () => {
    // 30 February and friends do not exist: refused, not rolled into the next month.
    const dates = await postCounted(jsonl(nonexistentDates(2_000)));
    const d = (await dates.json()) as Answer;
    expect(d.results.map((r) => r.reason ?? r.status)).toEqual(d.results.map(() => 'BAD_TIME'));
  });

  it('rejects one record above the record limit inside an acceptable body, keeping its neighbours', async () => {
    // Default maxRecordBytes is 64 KiB; the body (about 300 KiB) is under the 1 MiB body limit.
    const huge = { ...goodCdr(3_001, 'big'), ingress_trunk: 'T'.repeat(300 * 1024) };
    const res = await postCounted(jsonl([goodCdr(3_000, 'big'), huge, goodCdr(3_002, 'big')]));
    expect(res.status).toBe(200);
    const a = (await res.json()) as Answer;
    expect(a.results.map((r) => r.reason ?? r.status)).toEqual(['accepted', 'OVERSIZED_RECORD', 'accepted']);
  });

  it('survives a flood of concurrent requests: every one answered 200 or 429, all counted, still serving', async () => {
    const codes = new Map<number, number>();
    await Promise.all(
      Array.from({ length: 300 }, async (_, k) => {
        const body = jsonl(Array.from({ length: 100 }, (_, i) => goodCdr(10_000 + k * 100 + i, 'flood')));
        const gzip = k % 2 === 0;
        const res = await postCounted(
          gzip ? gzipSync(body) : body,
          gzip ? { 'content-encoding': 'gzip' } : {},
        ).catch(() => undefined);
        const code = res?.status ?? 0;
        codes.set(code, (codes.get(code) ?? 0) + 1);
        await res?.arrayBuffer();
      }),
    ).catch(() => undefined);
    process.stdout.write(`${JSON.stringify({ httpFlood: Object.fromEntries(codes) })}\n`);
    expect([...codes.keys()].filter((c) => c !== 200 && c !== 429)).toEqual([]);
    expect(codes.get(200)).toBeGreaterThan(0);
    expect(ingest.alive).toBe(true);
    expect(await ingest.healthz()).toBe(200);
    const after = await postCounted(jsonl([goodCdr(99_999, 'after')]));
    expect(after.status).toBe(200);

    const exited = await ingest.kill();
    expect(exited).toBe(0);
    const cdr = topicName(stack.topicPrefix, 'cdr');
    const dlq = topicName(stack.topicPrefix, 'cdrDlq');
    const got = await readTopics(kafka, [cdr, dlq], accepted + rejected, 120_000);
    expect(got.get(cdr)).toHaveLength(accepted);
    expect(got.get(dlq)).toHaveLength(rejected);
  });
});
