import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Admin, Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTopics, topicName } from '@ringfence/common';
import { testStack, until } from '@ringfence/common/testing';
import { scoreFile } from '@ringfence/engine';
import { generateToFiles } from '@ringfence/generator';
import {
  ScorerProcess,
  applied,
  differences,
  flagged,
  offlineView,
  produceInput,
  readVerdicts,
  splitInput,
  startStandbys,
  type Seen,
} from './kafka-fixtures.js';

// Several scorer instances in one group: one active, the others standing by. Whatever happens to
// the instances mid-stream, the final verdicts equal offline scoring of the same input.
const dir = mkdtempSync(join(tmpdir(), 'rf-scorer-failover-'));
const stack = testStack();
let kafka: Kafka;
let admin: Admin;
let halves: ReturnType<typeof splitInput>;
let offline: Map<string, Seen>;

function scorer(prefix: string): ScorerProcess {
  return new ScorerProcess(stack, {
    TOPIC_PREFIX: prefix,
    GROUP_ID: `${prefix}scorer`,
    SNAPSHOT_INTERVAL_MS: '1000',
    IDLE_FLUSH_MS: '500',
    SESSION_TIMEOUT_MS: '6000',
    // Small fetches: many batches, so a fault lands between them.
    FETCH_BYTES_PER_PARTITION: '65536',
  });
}

async function scope(name: string): Promise<string> {
  const prefix = `${stack.topicPrefix}${name}.`;
  await ensureTopics(admin, prefix).catch(() => ensureTopics(admin, prefix));
  return prefix;
}

async function feed(prefix: string, half: 'first' | 'second'): Promise<number> {
  // Complaints first: the scorer goes idle (and flushes) between deliveries here, and complaints
  // arriving after it scored their hours are the documented exception to offline equality.
  return produceInput(kafka, prefix, halves[half].cdrs, halves[half].complaints, { complaintsFirst: true });
}

async function finalView(prefix: string): Promise<Map<string, Seen>> {
  const v = await readVerdicts(kafka, admin, topicName(prefix, 'callerRisk'));
  return readVerdicts(kafka, admin, topicName(prefix, 'sourceRisk'), v);
}

/** The one instance of `group` that is active, once exactly one is. */
async function theActive(group: readonly ScorerProcess[]): Promise<ScorerProcess> {
  let found: ScorerProcess | undefined;
  await until(
    'exactly one active scorer',
    async () => {
      const active = [];
      for (const s of group) if (await s.active()) active.push(s);
      found = active.length === 1 ? active[0] : undefined;
      return found !== undefined;
    },
    60_000,
  );
  return found!;
}

async function expectOffline(prefix: string): Promise<void> {
  const view = await finalView(prefix);
  const diff = differences(view, offline);
  expect(flagged(view)).toBeGreaterThan(50);
  expect(diff.slice(0, 20)).toEqual([]);
}

beforeAll(async () => {
  kafka = stack.kafka();
  admin = kafka.admin();
  await admin.connect();
  const { paths } = await generateToFiles({ subscribers: 2000, hours: 24, seed: 9 }, join(dir, 'in.jsonl'));
  halves = splitInput(dir, paths.cdrs, paths.complaints);
  offline = offlineView((await scoreFile(paths.cdrs, { complaints: paths.complaints })).verdicts);
}, 120_000);

afterAll(async () => {
  ScorerProcess.killAll();
  await admin.disconnect();
  await stack.deleteTopics();
  rmSync(dir, { recursive: true, force: true });
});

describe('several scorer instances in one group', () => {
  it('a standby takes over when the active one of three is SIGKILLed mid-stream', async () => {
    const prefix = await scope('k');
    const first = await feed(prefix, 'first');
    const [a, b, c] = [scorer(prefix), scorer(prefix), scorer(prefix)];
    await a.start();
    await until('the first instance active', () => a.active(), 60_000);
    await startStandbys(b, c);
    await until(
      'the active instance through part of the stream, after a snapshot',
      async () =>
        (await applied(a, topicName(prefix, 'cdr'))) >= first * 0.5 &&
        ((await a.metric('ringfence_scorer_snapshot_seconds_count')) ?? 0) >= 1,
      120_000,
    );
    // Joining instances stood by: the active one kept every partition.
    expect(await b.metric('ringfence_scorer_activations_total')).toBe(0);
    expect(await c.metric('ringfence_scorer_activations_total')).toBe(0);
    expect(await a.kill('SIGKILL')).toBe(null);
    await feed(prefix, 'second');
    const next = await theActive([b, c]);
    await next.idle(120_000);
    await expectOffline(prefix);
    expect(await b.kill('SIGTERM')).toBe(0);
    expect(await c.kill('SIGTERM')).toBe(0);
  }, 400_000);

  it('scales from one instance to three and back to one in the middle of a replay', async () => {
    const prefix = await scope('u');
    await feed(prefix, 'first');
    const [a, b, c] = [scorer(prefix), scorer(prefix), scorer(prefix)];
    await a.start();
    await until('the first instance active', () => a.active(), 60_000);
    await until('some input applied', async () => (await applied(a, topicName(prefix, 'cdr'))) > 0, 60_000);
    await startStandbys(b, c);
    await feed(prefix, 'second');
    expect(await theActive([a, b, c])).toBe(a);
    // Down to one: the active instance leaves cleanly (a standby takes over from its final snapshot),
    // then a standby leaves.
    expect(await a.kill('SIGTERM')).toBe(0);
    const next = await theActive([b, c]);
    const other = next === b ? c : b;
    expect(await other.metric('ringfence_scorer_activations_total')).toBe(0);
    expect(await other.kill('SIGTERM')).toBe(0);
    await next.idle(120_000);
    await expectOffline(prefix);
    expect(await next.kill('SIGTERM')).toBe(0);
  }, 400_000);

  it('fences an active instance that was cut off: it publishes nothing more and stands by when it wakes', async () => {
    const prefix = await scope('f');
    const first = await feed(prefix, 'first');
    const [a, b] = [scorer(prefix), scorer(prefix)];
    await a.start();
    await until('the first instance active', () => a.active(), 60_000);
    await startStandbys(b);
    await until(
      'the active instance through part of the stream',
      async () => (await applied(a, topicName(prefix, 'cdr'))) >= first * 0.3,
      120_000,
    );
    // Frozen past its session timeout, as in a long pause or a network partition: the group gives
    // its partitions to the standby, which fences it.
    a.freeze(true);
    await feed(prefix, 'second');
    await until('the standby active', () => b.active(), 60_000);
    await b.idle(120_000);
    const settled = await finalView(prefix);
    a.freeze(false);
    // On waking it learns it lost the group, or its next write is refused as fenced: it drops its
    // state and, in the same process, stands by.
    await until(
      'the woken instance standing by',
      async () =>
        ((await a.metric('ringfence_scorer_restarts_total')) ?? 0) >= 1 &&
        (await a.metric('ringfence_scorer_active')) === 0,
      60_000,
    );
    expect(await b.active()).toBe(true);
    // Nothing it had in flight became visible.
    expect(differences(await finalView(prefix), settled)).toEqual([]);
    await expectOffline(prefix);
    expect(await a.kill('SIGTERM')).toBe(0);
    expect(await b.kill('SIGTERM')).toBe(0);
  }, 400_000);
});
