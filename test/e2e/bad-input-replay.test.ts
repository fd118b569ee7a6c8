import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicName } from '@ringfence/common';
import { readTopics, testStack } from '@ringfence/common/testing';
import { cdrv1 } from '@ringfence/proto';
import { goodCdr, impossibleTimes, nonexistentDates } from './bad-records.js';
import { replayCli, ringfenceCli } from './replay-cli.js';

/*
 * What services/ingest/test/ingest-core.int.test.ts does not cover at the replay edge (random bytes, truncated
 * JSON, long fields, odd numbers and injection strings it does): a truncated gzip file, impossible
 * times, and one enormous line, each through `ringfence replay` as an operator runs it.
 */

const stack = testStack();
const kafka = stack.kafka();
const dir = mkdtempSync(join(tmpdir(), 'rf-bad-replay-'));
/** Messages on cdr.v1 and cdr.dlq.v1 so far: each case adds to them. */
let onCdr = 0;
let onDlq = 0;
/** The first case's refused records, as written to its file, and how many were refused for each reason. */
let refusedLines: string[] = [];
let refusedByReason: Record<string, number> = {};

const jsonl = (records: Record<string, unknown>[]): string =>
  records.map((r) => JSON.stringify(r)).join('\n');

async function expectTopics(): Promise<void> {
  const cdr = topicName(stack.topicPrefix, 'cdr');
  const dlq = topicName(stack.topicPrefix, 'cdrDlq');
  const got = await readTopics(kafka, [cdr, dlq], onCdr + onDlq, 60_000);
  expect(got.get(cdr)).toHaveLength(onCdr);
  expect(got.get(dlq)).toHaveLength(onDlq);
}

/** Messages a topic holds (cdr topics are not compacted): the sum of its partitions' end offsets. */
async function messages(topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

beforeAll(async () => {
  await stack.createTopics();
});

afterAll(async () => {
  await stack.deleteTopics();
  rmSync(dir, { recursive: true, force: true });
});

describe('replay of bad files', () => {
  it('rejects every impossible or unreadable time with its reason and keeps the good records', async () => {
    const bad = impossibleTimes(10_000);
    const records = [...Array.from({ length: 50 }, (_, i) => goodCdr(i)), ...bad.map((b) => b.record)];
    const file = join(dir, 'times.jsonl');
    writeFileSync(file, jsonl(records));
    const r = await replayCli(stack, file);
    expect(r.code, r.stderr).toBe(0);
    const byReason: Record<string, number> = {};
    for (const b of bad) byReason[b.reason] = (byReason[b.reason] ?? 0) + 1;
    expect(r.counts).toEqual({
      read: records.length,
      accepted: 50,
      duplicates: 0,
      rejected: bad.length,
      ...byReason,
    });
    onCdr += 50;
    onDlq += bad.length;
    // Each dead letter names its reason, record by record.
    const got = await readTopics(kafka, [topicName(stack.topicPrefix, 'cdrDlq')], bad.length, 60_000);
    const reasons = new Map<string, string>();
    for (const m of got.get(topicName(stack.topicPrefix, 'cdrDlq'))!) {
      const d = cdrv1.DeadLetter.decode(m.value!);
      const callId = (JSON.parse(Buffer.from(d.original).toString('utf8')) as { call_id: string }).call_id;
      reasons.set(callId, d.reason);
    }
    for (const b of bad)
      expect(reasons.get(b.record['call_id'] as string), JSON.stringify(b.record)).toBe(b.reason);
    await expectTopics();
    refusedLines = bad.map((b) => JSON.stringify(b.record));
    refusedByReason = byReason;
  });

  it('shows the dead letters with their reasons, and exports them as received to be fixed and replayed', async () => {
    const [reason, count] = Object.entries(refusedByReason).sort((a, b) => b[1] - a[1])[0]!;
    const list = await ringfenceCli(stack, [
      'dlq',
      'list',
      '--reason',
      reason,
      '--kind',
      'cdr',
      '--limit',
      '5',
    ]);
    expect(list.code, list.stderr).toBe(0);
    const shown = list.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as { reason: string; source: string; kind: string; message: string; record: string },
      );
    expect(shown).toHaveLength(5);
    for (const d of shown) {
      expect({ reason: d.reason, source: d.source, kind: d.kind }).toEqual({
        reason,
        source: 'replay',
        kind: 'cdr',
      });
      expect(d.message).not.toBe('');
      expect(refusedLines).toContain(d.record);
    }
    expect(list.stderr).toContain(`dlq: ${count} dead letters matched of ${onDlq} read (${reason} ${count})`);

    const file = join(dir, 'dead-letters.jsonl');
    const exported = await ringfenceCli(stack, ['dlq', 'export', file]);
    expect(exported.code, exported.stderr).toBe(0);
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    expect(lines.sort()).toEqual([...refusedLines].sort());

    // Fed back unchanged, each is refused again for its reason; the dead letters are then twice as many.
    const again = await replayCli(stack, file);
    expect(again.code, again.stderr).toBe(0);
    expect(again.counts).toEqual({
      read: lines.length,
      accepted: 0,
      duplicates: 0,
      rejected: lines.length,
      ...refusedByReason,
    });
    onDlq += lines.length;
    await expectTopics();

    const later = await ringfenceCli(stack, ['dlq', 'list', '--since', String(Date.now() + 60_000)]);
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).toBe('');
    expect(later.stderr).toContain('dlq: 0 dead letters matched of 0 read');

    const bad = await ringfenceCli(stack, ['dlq', 'list', '--since', 'yesterday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '[INVALID_ARGUMENT] --since yesterday: expected epoch milliseconds or ISO-8601',
    );
  });

  it('stops on a truncated gzip file with a clear error, keeping what it read before the cut', async () => {
    const records = Array.from({ length: 3_000 }, (_, i) => goodCdr(i, 'gz'));
    const whole = gzipSync(Buffer.from(jsonl(records)));
    const file = join(dir, 'cut.jsonl.gz');
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const r = await replayCli(stack, file);
    process.stdout.write(
      `${JSON.stringify({ truncatedGzip: { code: r.code, counts: r.counts, stderr: r.stderr.slice(0, 500) } })}\n`,
    );
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    expect(r.stderr).toMatch(/unexpected end of file|truncat/i);
    // Not a crash: no stack trace on the operator's terminal.
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // Whatever it accepted before the cut is on cdr.v1 exactly once, and nothing else.
    const cdr = topicName(stack.topicPrefix, 'cdr');
    const total = await messages(cdr);
    const got = await readTopics(kafka, [cdr], total, 60_000);
    const ids = got
      .get(cdr)!
      .map((m) => cdrv1.CallDetailRecord.decode(m.value!).callId)
      .filter((id) => id.startsWith('gz-'));
    expect(ids.length).toBe(total - onCdr);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeLessThan(records.length);
    onCdr += ids.length;
  });

  it('refuses calls on dates that do not exist instead of rolling them into the next month', async () => {
    const file = join(dir, 'dates.jsonl');
    const records = nonexistentDates(30_000);
    writeFileSync(file, jsonl(records));
    const r = await replayCli(stack, file);
    expect(r.code, r.stderr).toBe(0);
    const accepted = r.counts['accepted'] ?? 0;
    onCdr += accepted;
    onDlq += r.counts['rejected'] ?? 0;
    expect(r.counts).toEqual({
      read: records.length,
      accepted: 0,
      duplicates: 0,
      rejected: records.length,
      BAD_TIME: records.length,
    });
  });

  it('refuses one enormous line as a single oversized record without reading it whole', async () => {
    const file = join(dir, 'huge.jsonl');
    const huge = { ...goodCdr(20_000, 'huge'), switch_id: 'x'.repeat(30 * 1024 * 1024) };
    writeFileSync(
      file,
      `${JSON.stringify(goodCdr(20_001, 'huge'))}\n${JSON.stringify(huge)}\n${JSON.stringify(goodCdr(20_002, 'huge'))}\n`,
    );
    const r = await replayCli(stack, file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.counts).toEqual({ read: 3, accepted: 2, duplicates: 0, rejected: 1, OVERSIZED_RECORD: 1 });
    onCdr += 2;
    onDlq += 1;
    await expectTopics();
  });
});
