import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, loadConfig, topicName } from '@ringfence/common';
import { testStack, readTopics } from '@ringfence/common/testing';
import { cdrv1 } from '@ringfence/proto';
import { ingestServiceConfig } from '../src/config.js';
import { startIngest, type RunningIngest } from '../src/start.js';

const stack = testStack();
const prefix = stack.topicPrefix;
const kafka = stack.kafka();
const TOKEN = 'int-token';
let svc: RunningIngest;
let base: string;

const cdr = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  call_id: id,
  switch_id: 'sw',
  setup_time: '2026-11-25T10:00:00+08:00',
  release_time: '2026-11-25T10:00:30+08:00',
  calling: '+86 137 0000 0001',
  called: '13912345678',
  ingress_trunk: 'T',
  ingress_carrier: 'CARRIER-X',
  release_cause: 16,
  media: 'audio',
  ...extra,
});

beforeAll(async () => {
  const config = loadConfig(ingestServiceConfig, {
    env: {},
    file: '',
    overrides: {
      kafkaBrokers: [...stack.brokers],
      topicPrefix: prefix,
      httpPort: 0,
      opsPort: 0,
      ingestTokens: [TOKEN],
      rawGroupId: `${prefix}raw`,
      produceLingerMs: 5,
    },
  });
  svc = await startIngest(config, createLogger('ingest-test', 'warn'));
  base = `http://127.0.0.1:${svc.httpPort}`;
});

afterAll(async () => {
  await svc.stop();
  await stack.deleteTopics();
});

async function post(
  path: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, ...headers },
    body,
  });
}

describe('ingest service on the real Kafka', () => {
  it('serves health, readiness and metrics', async () => {
    const ops = `http://127.0.0.1:${svc.opsPort}`;
    expect((await fetch(`${ops}/healthz`)).status).toBe(200);
    expect((await fetch(`${ops}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/v1/cdrs`, { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it('delivers HTTP records and raw-topic records to cdr.v1, complaints.v1 and the DLQ', async () => {
    const r1 = await post(
      '/v1/cdrs',
      [cdr('h1'), cdr('h2'), cdr('h1'), { nope: 1 }].map((o) => JSON.stringify(o)).join('\n'),
    );
    expect(r1.status).toBe(200);
    expect(await r1.json()).toMatchObject({ accepted: 2, duplicates: 1, rejected: 1 });
    const r2 = await post(
      '/v1/complaints',
      gzipSync(
        JSON.stringify([
          {
            time: 1_795_572_000_000,
            reporter: '13812345678',
            reported: '+8613700000001',
            category: 'harassment',
            call_id: 'h1',
          },
        ]),
      ),
      {
        'content-encoding': 'gzip',
        'content-type': 'application/json',
      },
    );
    expect(await r2.json()).toMatchObject({ accepted: 1 });

    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: topicName(prefix, 'cdrRaw'),
      messages: [
        { value: JSON.stringify(cdr('r1')) },
        { value: '{broken' },
        { value: JSON.stringify(cdr('r2', { release_cause: 999 })) },
      ],
    });
    await producer.disconnect();

    const topics = [topicName(prefix, 'cdr'), topicName(prefix, 'complaints'), topicName(prefix, 'cdrDlq')];
    const got = await readTopics(kafka, topics, 3 + 1 + 3);
    const cdrs = got.get(topics[0]!)!.map((m) => cdrv1.CallDetailRecord.decode(m.value!));
    expect(cdrs.map((c) => c.callId).sort()).toEqual(['h1', 'h2', 'r1']);
    expect(got.get(topics[0]!)![0]!.key!.toString()).toBe('+8613700000001');
    const complaints = got.get(topics[1]!)!.map((m) => cdrv1.ComplaintEvent.decode(m.value!));
    expect(complaints).toHaveLength(1);
    expect(got.get(topics[1]!)![0]!.key!.toString()).toBe('+8613700000001');
    const dead = got.get(topics[2]!)!.map((m) => cdrv1.DeadLetter.decode(m.value!));
    expect(dead.map((d) => `${d.source}:${d.reason}`).sort()).toEqual(
      ['http:MISSING_CALL_ID', 'raw-topic:BAD_CAUSE', 'raw-topic:MALFORMED'].sort(),
    );
    expect(dead.find((d) => d.reason === 'MALFORMED')!.original.toString()).toBe('{broken');

    // Offsets are committed once the normalised records are acknowledged.
    const admin = kafka.admin();
    await admin.connect();
    let committed = '';
    for (let i = 0; i < 20 && committed !== '3'; i++) {
      const offsets = await admin.fetchOffsets({
        groupId: `${prefix}raw`,
        topics: [topicName(prefix, 'cdrRaw')],
      });
      committed = String(offsets[0]!.partitions.reduce((n, p) => n + Math.max(0, Number(p.offset)), 0));
      if (committed !== '3') await new Promise((r) => setTimeout(r, 500));
    }
    await admin.disconnect();
    expect(committed).toBe('3');
  });
});
