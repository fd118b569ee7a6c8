import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Admin, Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTopics, topicName } from '@ringfence/common';
import { testStack, until } from '@ringfence/common/testing';
import { scoreFile } from '@ringfence/engine';
import { generateToFiles } from '@ringfence/generator';
import { FeedbackAction, SubjectKind, feedbackv1 } from '@ringfence/proto';
import {
  ScorerProcess,
  TEST_SCORER_ENV,
  applied,
  differences,
  flagged,
  offlineView,
  produceInput,
  readVerdicts,
  splitInput,
  type Seen,
} from './kafka-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'rf-scorer-'));
const stack = testStack();
// The same input under two prefixes: one scorer runs straight through, the other is SIGKILLed.
const straight = `${stack.topicPrefix}a.`;
const crashed = `${stack.topicPrefix}b.`;
let kafka: Kafka;
let admin: Admin;
let cdrs = '';
let complaints = '';
let produced = 0;
let firstHalf = 0;
let halves: ReturnType<typeof splitInput>;

function scorer(prefix: string, env: Record<string, string> = {}): ScorerProcess {
  return new ScorerProcess(stack, {
    ...TEST_SCORER_ENV,
    TOPIC_PREFIX: prefix,
    GROUP_ID: `${prefix}scorer`,
    SNAPSHOT_INTERVAL_MS: '1000',
    IDLE_FLUSH_MS: '500',
    SESSION_TIMEOUT_MS: '6000',
    // Small fetches: many batches and transactions, so the SIGKILL lands mid-stream.
    FETCH_BYTES_PER_PARTITION: '65536',
    ...env,
  });
}

async function view(prefix: string): Promise<Map<string, Seen>> {
  const v = await readVerdicts(admin, topicName(prefix, 'callerRisk'));
  return readVerdicts(admin, topicName(prefix, 'sourceRisk'), v);
}

beforeAll(async () => {
  kafka = stack.kafka();
  admin = kafka.admin();
  await admin.connect();
  for (const prefix of [straight, crashed]) {
    // A just-created topic's metadata can lag on a busy broker; the second call finds it.
    await ensureTopics(admin, prefix);
  }
  const { paths } = await generateToFiles({ subscribers: 3000, hours: 24, seed: 7 }, join(dir, 'in.jsonl'));
  cdrs = paths.cdrs;
  complaints = paths.complaints;
  produced = await produceInput(kafka, straight, cdrs, complaints);
  // The crashed run gets its input in two halves, the second only after the SIGKILL, so the kill
  // always lands mid-stream: the restarted scorer must resume from the snapshot and apply the rest.
  halves = splitInput(dir, cdrs, complaints);
  firstHalf = await produceInput(kafka, crashed, halves.first.cdrs, halves.first.complaints);
}, 120_000);

afterAll(async () => {
  ScorerProcess.killAll();
  await admin.disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe('scorer service on the real Kafka', () => {
  it('ends with the same verdicts after a SIGKILL mid-stream as straight through, and as offline scoring', async () => {
    expect(produced).toBeGreaterThan(5_000);

    const a = scorer(straight);
    await a.start();
    await a.idle(120_000);
    // The wait between snapshots while busy is at least SNAPSHOT_INTERVAL_MS (1 s here).
    expect(await a.metric('ringfence_scorer_snapshot_wait_seconds')).toBeGreaterThanOrEqual(1);
    expect(await a.kill('SIGTERM')).toBe(0);

    const b = scorer(crashed);
    await b.start();
    const cdrTopic = topicName(crashed, 'cdr');
    // Killed with most of the first half applied and every partition snapshotted at least once
    // (partitions snapshot on their own); the rest arrives after.
    await until(
      'scorer through the first half, every partition after a snapshot',
      async () =>
        (await applied(b, cdrTopic)) >= firstHalf * 0.8 &&
        (await b.metric('ringfence_scorer_uncheckpointed')) === 0,
      120_000,
    );
    expect(await b.kill('SIGKILL')).toBe(null);
    const secondHalf = await produceInput(kafka, crashed, halves.second.cdrs, halves.second.complaints);
    expect(firstHalf + secondHalf).toBe(produced);
    const again = scorer(crashed);
    await again.start();
    await again.idle(120_000);
    // The restart resumed from the snapshot: it applied the second half and at most what the first
    // scorer had applied after its last snapshot, never the whole stream again.
    const reapplied = await applied(again, cdrTopic);
    expect(reapplied).toBeGreaterThanOrEqual(secondHalf);
    expect(reapplied).toBeLessThan(produced);
    expect(await again.kill('SIGTERM')).toBe(0);

    const viewA = await view(straight);
    const viewB = await view(crashed);
    const offline = offlineView((await scoreFile(cdrs, { complaints })).verdicts);
    const crashDiff = differences(viewA, viewB);
    const offlineDiff = differences(viewA, offline);
    process.stdout.write(
      `${JSON.stringify({ produced, flaggedA: flagged(viewA), flaggedB: flagged(viewB), flaggedOffline: flagged(offline), crashDiff: crashDiff.length, offlineDiff: offlineDiff.length, reapplied })}\n${crashDiff.slice(0, 20).join('\n')}\n--\n${offlineDiff.slice(0, 20).join('\n')}\n`,
    );
    expect(flagged(viewA)).toBeGreaterThan(100);
    // Exact: nothing was lost or double-counted by the crash, and final verdicts are a function of
    // the input, not of arrival order or batching (docs/scoring.md, "Determinism").
    expect(crashDiff).toEqual([]);
    expect(offlineDiff).toEqual([]);
    expect(differences(viewB, offline)).toEqual([]);
  }, 400_000);

  it('applies operator feedback after a clean restart from its snapshot', async () => {
    const before = await view(straight);
    const target = [...before].find(([k, v]) => k.startsWith('+') && v.level === 'HIGH')?.[0];
    expect(target).toBeDefined();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: topicName(straight, 'feedback'),
      messages: [
        {
          key: target!,
          value: Buffer.from(
            feedbackv1.Feedback.encode({
              feedbackId: 'fb-1',
              timeMs: Date.UTC(2026, 10, 3),
              kind: SubjectKind.SUBJECT_KIND_NUMBER,
              id: target!,
              action: FeedbackAction.FEEDBACK_ACTION_ALLOWLIST,
              operator: 'test',
            }).finish(),
          ),
        },
      ],
    });
    await producer.disconnect();

    const a = scorer(straight);
    await a.start();
    await a.idle(120_000);
    // Resumed from the SIGTERM snapshot: no CDR was read again.
    expect(await applied(a, topicName(straight, 'cdr'))).toBe(0);
    // The shared tables are followed without a group: both starts left the two stages' groups only.
    const groups = (await admin.listGroups()).groups
      .map((g) => g.groupId)
      .filter((g) => g.startsWith(straight));
    expect(groups.sort()).toEqual([`${straight}scorer`, `${straight}scorer.sources`]);
    expect(await a.kill('SIGTERM')).toBe(0);

    const after = await view(straight);
    expect(after.get(target!)).toEqual({ level: 'NONE', category: '', score: 0 });
    expect(differences(before, after)).toEqual([
      `${target!}: HIGH/${before.get(target!)!.category}/${before.get(target!)!.score} vs NONE//0`,
    ]);
  }, 200_000);

  it('snapshots each partition once its end-of-input flushes have settled, and is not idle while a transaction on its input is open', async () => {
    const prefix = `${stack.topicPrefix}c.`;
    await ensureTopics(admin, prefix);
    await produceInput(kafka, prefix, cdrs, complaints);
    // No snapshot is ever due on the schedule, so each one counted is an idle one. A commit interval
    // longer than the whole run keeps outputs uncommitted until the instance goes idle; those on
    // its own input (observations, calls received) must be committed and applied before it flushes
    // and snapshots, or it snapshots a round early and again after them.
    const a = scorer(prefix, {
      SNAPSHOT_INTERVAL_MS: '3600000',
      COMMIT_INTERVAL_MS: '10000',
      IDLE_FLUSH_MS: '100',
      FETCH_BYTES_PER_PARTITION: String(4 * 1024 * 1024),
    });
    await a.start();
    await a.idle(120_000);
    expect(await a.metric('ringfence_scorer_flushes_total')).toBeGreaterThanOrEqual(1);
    expect(await a.metric('ringfence_scorer_uncheckpointed')).toBe(0);
    expect(await a.owned()).toBe(12);
    expect(await a.metric('ringfence_scorer_snapshot_seconds_count')).toBe(12);

    // A record in a transaction still open is input it has not read: it is no longer idle.
    const writer = kafka.producer({
      transactionalId: `${prefix}open-writer`,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await writer.connect();
    try {
      const open = await writer.transaction();
      await open.send({
        topic: topicName(prefix, 'cdr'),
        messages: [{ key: '+15550000000', value: Buffer.from([0xff, 0xff, 0xff]), partition: 0 }],
      });
      await until(
        'not idle while the transaction is open',
        async () => (await a.metric('ringfence_scorer_idle')) === 0,
        20_000,
      );
      await open.commit();
    } finally {
      await writer.disconnect();
    }
    // Once committed it reads the record (undecodable: skipped), is idle again, and, with no input
    // applied, neither flushes nor snapshots again.
    await a.idle(60_000);
    expect(await a.metric('ringfence_scorer_skipped_total', 'why="undecodable"')).toBe(1);
    expect(await a.metric('ringfence_scorer_snapshot_seconds_count')).toBe(12);
    expect(await a.kill('SIGTERM')).toBe(0);
    const offline = offlineView((await scoreFile(cdrs, { complaints })).verdicts);
    expect(differences(await view(prefix), offline)).toEqual([]);
  }, 200_000);
});
