import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Admin, Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTopics, topicName } from '@ringfence/common';
import { testStack, until } from '@ringfence/common/testing';
import { scoreFile } from '@ringfence/engine';
import { generateToFiles } from '@ringfence/generator';
import {
  ScorerProcess,
  TEST_SCORER_ENV,
  applied,
  differences,
  flagged,
  offlineView,
  produceInput,
  readVerdicts,
  allIdle,
  explained,
  ONE_PARTITION_PER_STAGE,
  splitInput,
  startJoining,
  type Seen,
} from './kafka-fixtures.js';

// Several scorer instances in one group, each owning some of the partitions. Whatever happens to
// the instances mid-stream, the final verdicts equal offline scoring of the same input.
const dir = mkdtempSync(join(tmpdir(), 'rf-scorer-failover-'));
const stack = testStack();
let kafka: Kafka;
let admin: Admin;
let halves: ReturnType<typeof splitInput>;
let input: { cdrs: string; complaints: string };
let offline: Map<string, Seen>;

function scorer(prefix: string, env: Record<string, string> = {}): ScorerProcess {
  return new ScorerProcess(stack, {
    ...TEST_SCORER_ENV,
    ...env,
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
  await ensureTopics(admin, prefix);
  return prefix;
}

async function feed(prefix: string, half: 'first' | 'second'): Promise<number> {
  // Complaints first: the scorer goes idle (and flushes) between deliveries here, and complaints
  // arriving after it scored their hours are the documented exception to offline equality.
  return produceInput(kafka, prefix, halves[half].cdrs, halves[half].complaints, { complaintsFirst: true });
}

async function finalView(prefix: string): Promise<Map<string, Seen>> {
  const v = await readVerdicts(admin, topicName(prefix, 'callerRisk'));
  return readVerdicts(admin, topicName(prefix, 'sourceRisk'), v);
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
  input = paths;
  halves = splitInput(dir, paths.cdrs, paths.complaints);
  offline = offlineView((await scoreFile(paths.cdrs, { complaints: paths.complaints })).verdicts);
}, 120_000);

afterAll(async () => {
  ScorerProcess.killAll();
  await admin.disconnect();
  await stack.deleteTopics();
  rmSync(dir, { recursive: true, force: true });
});

const TOTAL = 12; // 6 number and 6 source partitions on the test topics

/**
 * How many cdr.v1 partitions the instances of `group` report a lag for, together: each partition
 * by its owner only (a partition given away, or dropped as fenced mid-batch, is no longer reported).
 */
async function lagSeries(prefix: string, group: readonly ScorerProcess[]): Promise<number> {
  let n = 0;
  for (const s of group)
    n += (await s.series('ringfence_scorer_consumer_lag', `topic="${topicName(prefix, 'cdr')}"`)) ?? 0;
  return n;
}

/**
 * Waits for `woken` to own partitions again by a takeover of its own (activations past `taken`),
 * telling the instances' story if it does not.
 */
async function retakes(woken: ScorerProcess, taken: number, other: ScorerProcess): Promise<void> {
  await explained(
    [woken, other],
    until(
      'the woken instance owning partitions again, taken over afresh',
      async () =>
        ((await woken.owned()) ?? 0) > 0 &&
        ((await woken.metric('ringfence_scorer_activations_total')) ?? 0) > taken,
      60_000,
    ),
  );
}

describe('several scorer instances in one group', () => {
  it('the partitions of one of three instances SIGKILLed mid-stream move to the other two', async () => {
    const prefix = await scope('k');
    const first = await feed(prefix, 'first');
    const [a, b, c] = [scorer(prefix), scorer(prefix), scorer(prefix)];
    await a.start();
    await until('the first instance owning every partition', async () => (await a.owned()) === TOTAL, 60_000);
    await startJoining([a, b, c], b, c);
    await until(
      'the instances through part of the stream, after a snapshot',
      async () =>
        (await applied(a, topicName(prefix, 'cdr'))) + (await applied(b, topicName(prefix, 'cdr'))) >=
          first * 0.5 && ((await b.metric('ringfence_scorer_snapshot_seconds_count')) ?? 0) >= 1,
      120_000,
    );
    const lost = (await b.owned()) ?? 0;
    expect(lost).toBeGreaterThan(0);
    expect(await b.kill('SIGKILL')).toBe(null);
    await feed(prefix, 'second');
    await until(
      "the killed instance's partitions taken over",
      async () => ((await a.owned()) ?? 0) + ((await c.owned()) ?? 0) === TOTAL,
      60_000,
    );
    await allIdle([a, c], 180_000);
    expect(await lagSeries(prefix, [a, c])).toBe(TOTAL / 2);
    await expectOffline(prefix);
    expect(await a.kill('SIGTERM')).toBe(0);
    expect(await c.kill('SIGTERM')).toBe(0);
  }, 400_000);

  it('scales from one instance to three and back to one in the middle of a replay', async () => {
    const prefix = await scope('u');
    await feed(prefix, 'first');
    const [a, b, c] = [scorer(prefix), scorer(prefix), scorer(prefix)];
    await a.start();
    const cdrLag = ['ringfence_scorer_consumer_lag', `topic="${topicName(prefix, 'cdr')}"`] as const;
    await until(
      'input applied from every cdr.v1 partition',
      async () => (await a.series(...cdrLag)) === TOTAL / 2,
      60_000,
    );
    await startJoining([a, b, c], b, c);
    // Spread evenly: each owns a third of the number and of the source partitions.
    await until(
      'the partitions spread evenly',
      async () => {
        for (const s of [a, b, c]) if ((await s.owned()) !== TOTAL / 3) return false;
        return true;
      },
      60_000,
    );
    // Each reports the lag of what it reads now: the first no longer reports the partitions it gave away.
    expect(await a.series(...cdrLag)).toBe(TOTAL / 6);
    expect(await lagSeries(prefix, [a, b, c])).toBe(TOTAL / 2);
    await feed(prefix, 'second');
    // Down to one: each leaves cleanly, the others take its partitions from its final snapshots.
    expect(await a.kill('SIGTERM')).toBe(0);
    expect(await b.kill('SIGTERM')).toBe(0);
    await until('the last instance owning every partition', async () => (await c.owned()) === TOTAL, 60_000);
    await allIdle([c], 180_000);
    // It follows both shared tables, and has applied all that the others published to them.
    expect(await c.series('ringfence_scorer_table_behind_records', `topic="${prefix}`)).toBe(2);
    await until(
      'the shared tables applied',
      async () => (await c.metric('ringfence_scorer_table_behind_records')) === 0,
      10_000,
    );
    expect(await c.metric('ringfence_scorer_table_fetch_age_seconds')).toBeLessThan(5);
    await expectOffline(prefix);
    expect(await c.kill('SIGTERM')).toBe(0);
  }, 400_000);

  it('fences an instance that was cut off: it publishes nothing more, and takes its share again when it wakes', async () => {
    const prefix = await scope('f');
    const first = await feed(prefix, 'first');
    const [a, b] = [scorer(prefix), scorer(prefix)];
    await a.start();
    await until('some input applied', async () => (await applied(a, topicName(prefix, 'cdr'))) > 0, 60_000);
    await startJoining([a, b], b);
    await until(
      'both instances through part of the stream',
      async () =>
        (await applied(a, topicName(prefix, 'cdr'))) + (await applied(b, topicName(prefix, 'cdr'))) >=
        first * 0.3,
      120_000,
    );
    // Frozen past its session timeout, as in a long pause or a network partition: the group gives
    // its partitions to the other instance, which fences it.
    const taken = (await a.metric('ringfence_scorer_activations_total')) ?? 0;
    a.freeze(true);
    await feed(prefix, 'second');
    await until('the other instance owning every partition', async () => (await b.owned()) === TOTAL, 60_000);
    await allIdle([b], 180_000);
    // Each stage's takeover reports its own time (the move bench reads the number stage's).
    for (const stage of ['number', 'source'])
      expect(await b.metric('ringfence_scorer_restore_seconds', `stage="${stage}"`)).toBeGreaterThan(0);
    const settled = await finalView(prefix);
    a.freeze(false);
    // On waking it learns it lost the group, or its next write is refused as fenced: it drops the
    // state of those partitions, joins again and takes its share back from their snapshots.
    await retakes(a, taken, b);
    await allIdle([a, b], 180_000);
    // It took its share back as a new member of the group, not by starting again after finding a
    // partition assigned to it and read by nobody.
    expect(await a.metric('ringfence_scorer_restarts_total')).toBe(0);
    // Nothing it had in flight became visible, and taking its share back changed no verdict.
    expect(differences(await finalView(prefix), settled)).toEqual([]);
    expect(await lagSeries(prefix, [a, b])).toBe(TOTAL / 2);
    await expectOffline(prefix);
    expect(await a.kill('SIGTERM')).toBe(0);
    expect(await b.kill('SIGTERM')).toBe(0);
  }, 400_000);

  it('an instance cut off while idle takes its share back afresh when it wakes, not through partitions read by nobody', async () => {
    const prefix = await scope('w');
    await feed(prefix, 'first');
    const a = scorer(prefix);
    await a.start();
    await until('the first instance owning every partition', async () => (await a.owned()) === TOTAL, 60_000);
    await a.idle(180_000);
    const taken = (await a.metric('ringfence_scorer_activations_total')) ?? 0;
    // Frozen while it holds every partition and has nothing to write: the other instance takes them
    // all over (fencing it), and whatever share the group gives it on waking, it held before. Those
    // old tasks would learn of the fence only at their next write, which the second half brings.
    a.freeze(true);
    const b = scorer(prefix);
    await b.start();
    await until('the other instance owning every partition', async () => (await b.owned()) === TOTAL, 60_000);
    await allIdle([b], 180_000);
    a.freeze(false);
    await retakes(a, taken, b);
    await feed(prefix, 'second');
    await allIdle([a, b], 180_000);
    expect(await a.metric('ringfence_scorer_restarts_total')).toBe(0);
    expect(await lagSeries(prefix, [a, b])).toBe(TOTAL / 2);
    await expectOffline(prefix);
    expect(await a.kill('SIGTERM')).toBe(0);
    expect(await b.kill('SIGTERM')).toBe(0);
  }, 400_000);

  it('an instance that owns no partition is idle; it scores what it gains once the owner leaves', async () => {
    // One partition per stage: the first instance keeps both (ownership is sticky), the second none.
    const { partitions: one, env } = ONE_PARTITION_PER_STAGE;
    const prefix = `${stack.topicPrefix}o.`;
    await ensureTopics(admin, prefix, { partitions: one });
    await feed(prefix, 'first');
    const [a, b] = [scorer(prefix, env), scorer(prefix, env)];
    await a.start();
    await a.idle(120_000);
    await b.start();
    await until(
      'the second instance in both groups, owning nothing',
      async () =>
        (await a.owned()) === 2 &&
        (await b.owned()) === 0 &&
        ((await b.metric('ringfence_scorer_restarts_total')) ?? 0) === 0,
      60_000,
    );
    await allIdle([a, b], 60_000);
    expect(await b.owned()).toBe(0);
    await feed(prefix, 'second');
    expect(await a.kill('SIGTERM')).toBe(0);
    await until('the second instance owning both partitions', async () => (await b.owned()) === 2, 60_000);
    await allIdle([b], 180_000);
    const view = await finalView(prefix);
    const offlineOne = offlineView(
      (await scoreFile(input.cdrs, { complaints: input.complaints, partitions: { numbers: 1, sources: 1 } }))
        .verdicts,
    );
    expect(flagged(view)).toBeGreaterThan(50);
    expect(differences(view, offlineOne).slice(0, 20)).toEqual([]);
    expect(await b.kill('SIGTERM')).toBe(0);
  }, 400_000);
});

describe('a takeover', () => {
  it("reads from its snapshot's offsets, also where the group's committed offsets are ahead of them", async () => {
    // A takeover racing the commit of the previous owner's snapshot (a broker lost mid-commit) can
    // restore the snapshot before that one while the group's offsets are already the newer ones.
    // Here the committed offsets are moved by hand half-way into the input the snapshot has not
    // seen: resuming from them would skip the first half of it and apply the rest.
    const prefix = await scope('ahead');
    await feed(prefix, 'first');
    const a = scorer(prefix);
    await a.start();
    await allIdle([a], 180_000);
    expect(await a.kill('SIGKILL')).toBe(null);
    const groupId = `${prefix}scorer`;
    const cdr = topicName(prefix, 'cdr');
    const [snapshotAt] = await admin.fetchOffsets({ groupId, topics: [cdr] });
    await feed(prefix, 'second');
    const ends = new Map((await admin.fetchTopicOffsets(cdr)).map((e) => [e.partition, Number(e.high)]));
    const ahead = snapshotAt!.partitions.map(({ partition, offset }) => ({
      partition,
      offset: String(Math.floor((Number(offset) + ends.get(partition)!) / 2)),
    }));
    expect(
      ahead.every(
        ({ partition, offset }, i) =>
          Number(offset) > Number(snapshotAt!.partitions[i]!.offset) && Number(offset) < ends.get(partition)!,
      ),
    ).toBe(true);
    // The killed member leaves the group when its session times out; until then the group refuses.
    await until(
      "the group's offsets moved ahead of the snapshot's",
      () =>
        admin
          .setOffsets({ groupId, topic: cdr, partitions: ahead })
          .then(() => true)
          .catch(() => false),
      30_000,
    );
    const b = scorer(prefix);
    await b.start();
    await allIdle([b], 180_000);
    await expectOffline(prefix);
    expect(await b.kill('SIGTERM')).toBe(0);
  }, 400_000);
});

describe('an instance fenced out of a partition no other instance took', () => {
  it('starts again and takes the partition back, instead of leaving it unread', async () => {
    // The broker bumps a transactional id's epoch itself when it aborts a transaction that outlived
    // its timeout; here a producer opening the same id does it. No rebalance follows: the group
    // still assigns the partition to the instance that dropped it.
    const prefix = await scope('orphan');
    const first = await feed(prefix, 'first');
    // A shorter rebalance timeout than the default 60 s: the restart comes that much sooner.
    const a = scorer(prefix, { REBALANCE_TIMEOUT_MS: '10000' });
    await a.start();
    await until(
      'the instance part of the way through the input',
      async () => (await applied(a, topicName(prefix, 'cdr'))) >= first * 0.3,
      120_000,
    );
    const fencer = kafka.producer({
      transactionalId: `${prefix}scorer.s0`,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await fencer.connect();
    // kafkajs opens a transactional id (InitProducerId, which bumps its epoch) at the first transaction.
    await (await fencer.transaction()).abort();
    await fencer.disconnect();
    await feed(prefix, 'second');
    await explained(
      [a],
      until(
        'the instance started again (a rebalance timeout and a session timeout after the fence)',
        async () => ((await a.metric('ringfence_scorer_restarts_total')) ?? 0) >= 1,
        90_000,
      ),
    );
    expect(a.logged(/read by nobody/)).toBeGreaterThanOrEqual(1);
    await allIdle([a], 180_000);
    await expectOffline(prefix);
    expect(await a.kill('SIGTERM')).toBe(0);
  }, 400_000);
});

describe('an instance whose consumers stop fetching', () => {
  it('notices by its watchdog while it took itself for idle, and starts again from its snapshots', async () => {
    const prefix = await scope('s');
    await feed(prefix, 'first');
    const a = scorer(prefix, {
      STALL_TIMEOUT_MS: '10000',
      NODE_OPTIONS: `--import ${fileURLToPath(new URL('../../../test/support/stalled-fetch.mjs', import.meta.url))}`,
    });
    await a.start();
    await allIdle([a], 180_000);
    // Its consumers stop while it is caught up; the input that follows brings no activity at all.
    a.signal('SIGUSR2');
    await feed(prefix, 'second');
    await explained(
      [a],
      until(
        'the stall noticed and the state started again in the same process',
        async () => ((await a.metric('ringfence_scorer_restarts_total')) ?? 0) >= 1,
        90_000,
      ),
    );
    expect(a.logged(/\(STALL_TIMEOUT_MS\): stalled/)).toBe(1);
    await allIdle([a], 180_000);
    await expectOffline(prefix);
    expect(await a.kill('SIGTERM')).toBe(0);
  }, 400_000);
});
