import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseConfigShape, loadConfig, topicName } from '@ringfence/common';
import { testStack, readTopics } from '@ringfence/common/testing';
import { cdrv1 } from '@ringfence/proto';
import { REJECT_REASON_CODES, readRecords, reject, type RawRecord } from '@ringfence/cdr';
import {
  IngestCore,
  type IngestProducer,
  createIngestProducer,
  ingestConfigShape,
  replay,
} from '@ringfence/ingest';
import { fuzzRecord } from './fuzz-records.js';

const stack = testStack();
const prefix = stack.topicPrefix;
const kafka = stack.kafka();
const config = loadConfig(z.object({ ...baseConfigShape, ...ingestConfigShape }), {
  env: {},
  file: '',
  overrides: { topicPrefix: prefix, produceBatchSize: 500, maxRecordBytes: 100_000 },
});
let producer: IngestProducer;

beforeAll(async () => {
  await stack.createTopics();
  producer = createIngestProducer(kafka);
  await producer.connect();
});

afterAll(async () => {
  await producer.disconnect();
  await stack.deleteTopics();
});

function decoded(raw: Buffer): RawRecord {
  try {
    return { line: 0, raw, value: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    return { line: 0, raw, error: reject('MALFORMED', 'not JSON') };
  }
}

describe('fuzzing the replay core', () => {
  it('accounts for every one of thousands of malformed records, and Kafka holds exactly them', async () => {
    const core = new IngestCore({ producer, topicPrefix: prefix, source: 'replay', config });
    const N = 4000;
    let sent = 0;
    for (let i = 0; i < N; i++) {
      const outcome = core.ingest('cdr', decoded(fuzzRecord(1, i)));
      sent++;
      if (outcome.status === 'rejected') expect(REJECT_REASON_CODES).toContain(outcome.reason);
      if (core.saturated) await core.waitForCapacity();
    }
    // The same kind of garbage as a file through the streaming reader, random bytes and all.
    const dir = mkdtempSync(join(tmpdir(), 'rf-fuzz-'));
    const file = join(dir, 'fuzz.jsonl');
    const parts: Buffer[] = [];
    for (let i = 0; i < 2000; i++) parts.push(fuzzRecord(2, i), Buffer.from('\n'));
    writeFileSync(file, Buffer.concat(parts));
    const fromFile = await replay(readRecords(file, { format: 'jsonl', maxRecordBytes: 100_000 }), core, {
      kind: 'cdr',
    });
    sent += fromFile.read;

    const stats = core.stats();
    expect(stats.accepted + stats.rejected + stats.duplicates).toBe(sent);
    expect(stats.acknowledged).toBe(stats.accepted + stats.rejected);
    expect(stats.accepted).toBeGreaterThan(500);
    expect(stats.rejected).toBeGreaterThan(2000);
    expect(stats.duplicates).toBeGreaterThan(0);

    const cdrTopic = topicName(prefix, 'cdr');
    const dlqTopic = topicName(prefix, 'cdrDlq');
    const got = await readTopics(kafka, [cdrTopic, dlqTopic], stats.accepted + stats.rejected, 120_000);
    expect(got.get(cdrTopic)).toHaveLength(stats.accepted);
    expect(got.get(dlqTopic)).toHaveLength(stats.rejected);
    const reasons = new Map<string, number>();
    for (const m of got.get(dlqTopic)!) {
      const d = cdrv1.DeadLetter.decode(m.value!);
      reasons.set(d.reason, (reasons.get(d.reason) ?? 0) + 1);
      expect(d.original.length).toBeLessThanOrEqual(100_000);
    }
    expect(Object.fromEntries(reasons)).toEqual(stats.rejectedByReason);
    for (const m of got.get(cdrTopic)!) {
      const c = cdrv1.CallDetailRecord.decode(m.value!);
      expect(c.callId.length).toBeGreaterThan(0);
      expect(m.key!.toString()).toBe(c.calling!.e164 || c.calling!.raw);
    }
  });
});
