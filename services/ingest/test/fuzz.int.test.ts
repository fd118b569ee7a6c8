import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicName } from '@ringfence/common';
import { readTopics, seededRandom, testStack } from '@ringfence/common/testing';
import { splitRecords } from '@ringfence/cdr';

const stack = testStack();
const prefix = stack.topicPrefix;
const kafka = stack.kafka();
const TOKEN = 'fuzz-token';
const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
let child: ChildProcess;
let base: string;

const random = seededRandom(99);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const NASTY: unknown[] = [
  "'; DROP TABLE x;--",
  '<img onerror=1>',
  '${jndi:x}',
  '\u0000',
  '💥',
  'x'.repeat(5000),
  [],
  {},
  true,
  -1,
  null,
  1e308,
];
const NUMBERS = [
  'anonymous',
  '+',
  '0086',
  '1'.repeat(40),
  '１３８',
  '+8613800138000',
  '138-0013-8000',
  'tel:1',
];

function record(i: number): string {
  const good: Record<string, unknown> = {
    call_id: `f-${i % 1500}`,
    switch_id: 's',
    setup_time: 1_795_572_000_000 + i,
    release_time: 1_795_572_060_000 + i,
    calling: pick(NUMBERS),
    called: '13912345678',
    ingress_trunk: 'T',
    ingress_carrier: 'C',
    release_cause: 16,
    media: 'audio',
  };
  const keys = Object.keys(good);
  switch (Math.floor(random() * 6)) {
    case 0:
      return Buffer.from(
        Array.from({ length: Math.floor(random() * 200) }, () => Math.floor(random() * 256)),
      ).toString('latin1');
    case 1:
      return JSON.stringify(good).slice(0, Math.floor(random() * 120));
    case 2:
      return JSON.stringify({ ...good, [pick(keys)]: pick(NASTY) });
    case 3:
      return pick(['null', '[]', '7', '"s"', '{}', '[[[[', '{"__proto__":{"x":1}}']);
    default:
      return JSON.stringify(good);
  }
}

beforeAll(async () => {
  await stack.createTopics();
  child = spawn(process.execPath, [entry], {
    env: stack.env({
      INGEST_TOKENS: TOKEN,
      HTTP_PORT: '0',
      OPS_PORT: '0',
      LOG_LEVEL: 'info',
      RAW_TOPIC_ENABLED: 'false',
      BODY_LIMIT_BYTES: '262144',
    }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = /"httpPort":(\d+)/.exec(line);
      if (m !== null) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`ingest exited early: ${code}`)));
  });
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await stack.deleteTopics();
});

interface Answer {
  accepted: number;
  rejected: number;
  duplicates: number;
  results: unknown[];
}

describe('fuzzing the HTTP endpoint', () => {
  it('accounts for every record in thousands of malformed ones, survives garbage bodies, stops cleanly', async () => {
    let sent = 0;
    let accepted = 0;
    let rejected = 0;
    let duplicates = 0;
    let i = 0;
    for (let body = 0; body < 40; body++) {
      const lines = Array.from({ length: 100 }, () => record(i++));
      const asArray = body % 4 === 3;
      let payload: Buffer;
      let expected: number;
      if (asArray) {
        const values = lines.flatMap((l) => {
          try {
            return [JSON.parse(l) as unknown];
          } catch {
            return [];
          }
        });
        payload = Buffer.from(JSON.stringify(values));
        expected = values.length;
      } else {
        payload = Buffer.from(lines.join('\n'), 'latin1');
        expected = splitRecords(payload, { format: 'jsonl', maxRecordBytes: 65536 }).length;
      }
      const gzip = body % 3 === 0;
      const res = await fetch(`${base}/v1/cdrs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, ...(gzip ? { 'content-encoding': 'gzip' } : {}) },
        body: gzip ? gzipSync(payload) : payload,
      });
      expect(res.status).toBe(200);
      const a = (await res.json()) as Answer;
      expect(a.results).toHaveLength(expected);
      expect(a.accepted + a.rejected + a.duplicates).toBe(expected);
      sent += expected;
      accepted += a.accepted;
      rejected += a.rejected;
      duplicates += a.duplicates;
    }
    expect(sent).toBeGreaterThan(3000);
    expect(accepted + rejected + duplicates).toBe(sent);

    // Garbage bodies: refused as a whole or judged record by record, never a crash.
    for (let g = 0; g < 60; g++) {
      const bytes = Buffer.from(
        Array.from({ length: 1 + Math.floor(random() * 2000) }, () => Math.floor(random() * 256)),
      );
      const headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` };
      if (g % 3 === 0) headers['content-encoding'] = 'gzip';
      if (g % 5 === 0) bytes[0] = 0x5b;
      const res = await fetch(`${base}/v1/cdrs`, { method: 'POST', headers, body: bytes });
      expect([200, 400, 413]).toContain(res.status);
      if (res.status === 200) {
        const a = (await res.json()) as Answer;
        accepted += a.accepted;
        rejected += a.rejected;
        duplicates += a.duplicates;
      }
    }
    const tooBig = await fetch(`${base}/v1/cdrs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: Buffer.alloc(300_000, 0x41),
    });
    expect(tooBig.status).toBe(413);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const cdrTopic = topicName(prefix, 'cdr');
    const dlqTopic = topicName(prefix, 'cdrDlq');
    const got = await readTopics(kafka, [cdrTopic, dlqTopic], accepted + rejected, 120_000);
    expect(got.get(cdrTopic)).toHaveLength(accepted);
    expect(got.get(dlqTopic)).toHaveLength(rejected);
  });
});
