import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseConfigShape, loadConfig, topicName } from '@ringfence/common';
import { testStack, readTopics } from '@ringfence/common/testing';
import { cdrv1 } from '@ringfence/proto';
import { readRecords } from '@ringfence/cdr';
import {
  IngestCore,
  createIngestProducer,
  type IngestProducer,
  ingestConfigShape,
  replay,
} from '@ringfence/ingest';
import { CDR_COLUMNS, cdrObject, csvCell } from '@ringfence/cdr/testing';

const stack = testStack();
const prefix = stack.topicPrefix;
const kafka = stack.kafka();
const config = loadConfig(z.object({ ...baseConfigShape, ...ingestConfigShape }), {
  env: {},
  file: '',
  overrides: { topicPrefix: prefix, produceBatchSize: 100 },
});
const dir = mkdtempSync(join(tmpdir(), 'rf-replay-int-'));
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

describe('replay into the real Kafka', () => {
  it('delivers every JSONL and CSV record to cdr.v1 or cdr.dlq.v1, nothing missing', async () => {
    // JSONL: 300 good, a duplicate, and four kinds of bad line.
    const jsonl: string[] = [];
    for (let i = 0; i < 300; i++) jsonl.push(JSON.stringify(cdrObject(i)));
    jsonl.push(JSON.stringify(cdrObject(5)));
    jsonl.push('{"call_id": "trunc', 'plain text', JSON.stringify({ ...cdrObject(900), setup_time: 'soon' }));
    jsonl.push(JSON.stringify({ ...cdrObject(901), call_id: '' }));
    writeFileSync(join(dir, 'a.jsonl.gz'), gzipSync(`${jsonl.join('\n')}\n`));

    // CSV: 200 good (ids 1000+), one with a quoted comma in a field, two bad rows.
    const rows = [CDR_COLUMNS.join(',')];
    for (let i = 1000; i < 1200; i++) {
      const o: Record<string, unknown> = { ...cdrObject(i), cell_id: i === 1000 ? 'cell, "north"' : `c${i}` };
      rows.push(CDR_COLUMNS.map((c) => csvCell(o[c])).join(','));
    }
    rows.push('only,three,columns');
    const fax: Record<string, unknown> = { ...cdrObject(1300), media: 'fax' };
    rows.push(CDR_COLUMNS.map((c) => csvCell(fax[c])).join(','));
    writeFileSync(join(dir, 'b.csv'), `${rows.join('\r\n')}\r\n`);

    const core = new IngestCore({ producer, topicPrefix: prefix, source: 'replay', config });
    const a = await replay(readRecords(join(dir, 'a.jsonl.gz')), core, { kind: 'cdr' });
    expect(a).toMatchObject({ read: 305, accepted: 300, duplicates: 1, rejected: 4 });
    expect(a.rejectedByReason).toEqual({ MALFORMED: 2, BAD_TIME: 1, MISSING_CALL_ID: 1 });
    const b = await replay(readRecords(join(dir, 'b.csv')), core, { kind: 'cdr' });
    expect(b.accepted - a.accepted).toBe(200);
    expect(b.rejectedByReason).toEqual({ MALFORMED: 3, BAD_TIME: 1, MISSING_CALL_ID: 1, UNKNOWN_MEDIA: 1 });
    expect(b.acknowledged).toBe(500 + 6);

    const cdrTopic = topicName(prefix, 'cdr');
    const dlqTopic = topicName(prefix, 'cdrDlq');
    const got = await readTopics(kafka, [cdrTopic, dlqTopic], 506);
    const cdrs = got
      .get(cdrTopic)!
      .map((m) => ({ key: m.key!.toString(), cdr: cdrv1.CallDetailRecord.decode(m.value!) }));
    expect(cdrs).toHaveLength(500);
    const ids = new Set(cdrs.map((c) => c.cdr.callId));
    for (let i = 0; i < 300; i++) expect(ids.has(`call-${i}`)).toBe(true);
    for (let i = 1000; i < 1200; i++) expect(ids.has(`call-${i}`)).toBe(true);
    for (const { key, cdr } of cdrs) {
      expect(key).toBe(cdr.calling!.e164);
      expect(cdr.calling!.e164).toMatch(/^\+86138\d{8}$/);
      expect(cdr.ingestTimeMs).toBeGreaterThan(0);
    }
    expect(cdrs.find((c) => c.cdr.callId === 'call-1000')!.cdr.cellId).toBe('cell, "north"');

    const dead = got.get(dlqTopic)!.map((m) => cdrv1.DeadLetter.decode(m.value!));
    expect(dead).toHaveLength(6);
    expect(dead.map((d) => d.reason).sort()).toEqual(
      ['BAD_TIME', 'MALFORMED', 'MALFORMED', 'MALFORMED', 'MISSING_CALL_ID', 'UNKNOWN_MEDIA'].sort(),
    );
    const originals = dead.map((d) => Buffer.from(d.original).toString());
    expect(originals).toContain('plain text');
    expect(originals).toContain('{"call_id": "trunc');
    expect(originals).toContain('only,three,columns');
    for (const d of dead) {
      expect(d).toMatchObject({ source: 'replay', kind: 'cdr' });
      expect(d.message.length).toBeGreaterThan(0);
    }
  });
});
