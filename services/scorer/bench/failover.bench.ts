import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
// kafkajs is CommonJS: Node finds its enums on the default export only.
import kafkajs, { type Admin, type Kafka } from 'kafkajs';
import { createLogger, ensureTopics, loadConfig, topicName, type TopicSettings } from '@ringfence/common';
import {
  processCpuSeconds,
  scrapeMetrics,
  stackServerCpuSeconds,
  sumMetric,
  testStack,
  until,
} from '@ringfence/common/testing';
import { generateToFiles } from '@ringfence/generator';
import {
  ONE_PARTITION_PER_STAGE,
  ScorerProcess,
  allIdle,
  applied,
  encodeInput,
  produceEncoded,
  produceInput,
  splitInput,
  startJoining,
} from '../test/kafka-fixtures.js';
import { scorerConfigSchema } from '../src/config.js';
import { readTaskSnapshots } from '../src/task-snapshots.js';

/**
 * Several scorer instances in one group, each owning some partitions, on the real Kafka:
 * - failover: SIGKILL one of three mid-stream; time until the others own its partitions and have
 *   published output after taking them over (baseline: the session timeout, the time the group
 *   takes to notice a dead member, which no takeover can beat);
 * - scale-out cost: machine CPU per CDR of every scorer instance plus the broker, for 1, 2 and 3
 *   instances on the same input, all started before it arrives (baseline: 1 instance): over the
 *   whole run, and in steady state (between a fifth and four fifths of the input applied); on the
 *   common input and on one of BENCH_COST_BIG_SUBSCRIBERS (100k; 0 skips it), each produced as the
 *   bench reads it, and on the big one (the common one when it is skipped) arriving at a live rate
 *   (BENCH_COST_PACE, 20k CDR/s);
 * - rebalance pause: the longest stretch without an applied record (all instances together) while
 *   a second instance joins a busy one and half the partitions, with their state, change owner;
 * - move of a big partition: the longest stop in applied records while one number partition
 *   tracking tens of thousands of callers (topics of one partition) moves from a busy owner told to stop
 *   (SIGTERM: it snapshots and leaves) to a standby instance; with that partition's snapshot bytes
 *   and the time to read it back.
 * The failover row names the broker's `group.initial.rebalance.delay.ms` (the stack's
 * KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS; Kafka's default is 3000). BENCH_PARTS (comma-separated:
 * failover, cost, pause, move) runs some parts only; the rows of the others are kept from the last run.
 */
const SUBSCRIBERS = Number(process.env['BENCH_SUBSCRIBERS'] ?? 20_000);
/**
 * The scale-out cost runs on the common input and on a bigger one, where each instance's fixed costs
 * (start, JIT warm-up, final settle) weigh less and one instance's whole state is five times larger.
 */
const BIG_SUBSCRIBERS = Number(process.env['BENCH_COST_BIG_SUBSCRIBERS'] ?? 100_000);
const HOURS = Number(process.env['BENCH_HOURS'] ?? 24);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const SESSION_TIMEOUT_MS = 6_000;
/**
 * Subscribers of the big-partition move's input: 125k give about 103k tracked subjects after the
 * first half of a day (the issue asks for 100k; 120k gave 98.7k).
 */
const MOVE_SUBSCRIBERS = Number(process.env['BENCH_MOVE_SUBSCRIBERS'] ?? 125_000);
/**
 * The scale-out cost's live input rate: below what one instance applies, so every instance keeps up
 * and none works through a backlog, as in a deployment sized with headroom.
 */
const PACE = Number(process.env['BENCH_COST_PACE'] ?? 20_000);
/**
 * The scale-out cost's instances idle-flush as deployed ones do: a fetch's wait is capped at half
 * IDLE_FLUSH_MS, and the bench's short one elsewhere would cut the deployed wait (250 ms) to 100.
 */
const DEPLOYED_IDLE_FLUSH = {
  IDLE_FLUSH_MS: String(loadConfig(scorerConfigSchema, { env: {}, file: '' }).idleFlushMs),
};
const PARTS = new Set((process.env['BENCH_PARTS'] ?? 'failover,cost,pause,move').split(','));
/** Number and source partitions of the bench's topics (6 each). */
const TOTAL = 12;

async function appliedBy(group: readonly ScorerProcess[], topic: string): Promise<number> {
  let n = 0;
  for (const s of group) n += await applied(s, topic);
  return n;
}

async function ownedBy(group: readonly ScorerProcess[]): Promise<number> {
  let n = 0;
  for (const s of group) n += (await s.owned()) ?? 0;
  return n;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function scorer(
  stack: ReturnType<typeof testStack>,
  prefix: string,
  group: string,
  env: Record<string, string> = {},
): ScorerProcess {
  return new ScorerProcess(stack, {
    TOPIC_PREFIX: prefix,
    GROUP_ID: group,
    IDLE_FLUSH_MS: '200',
    SESSION_TIMEOUT_MS: String(SESSION_TIMEOUT_MS),
    ...env,
  });
}

async function fresh(admin: Admin, prefix: string, settings: TopicSettings = {}): Promise<void> {
  await ensureTopics(admin, prefix, settings);
}

/** The broker's `group.initial.rebalance.delay.ms` (every new consumer group's first join waits that long). */
async function groupInitialDelayMs(admin: Admin): Promise<number> {
  const { brokers } = await admin.describeCluster();
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [
      {
        type: kafkajs.ConfigResourceTypes.BROKER,
        name: String(brokers[0]?.nodeId ?? 1),
        configNames: ['group.initial.rebalance.delay.ms'],
      },
    ],
  });
  return Number(resources[0]?.configEntries[0]?.configValue ?? 3000);
}

/** Seconds from the SIGKILL of one of three instances to the others' first output after taking its partitions over. */
async function failover(
  stack: ReturnType<typeof testStack>,
  kafka: Kafka,
  admin: Admin,
  prefix: string,
  halves: ReturnType<typeof splitInput>,
): Promise<{ took: number; restore: number }> {
  await fresh(admin, prefix);
  const first = await produceInput(kafka, prefix, halves.first.cdrs, halves.first.complaints, {
    complaintsFirst: true,
  });
  const group = `${prefix}scorer`;
  const [a, b, c] = [
    scorer(stack, prefix, group),
    scorer(stack, prefix, group),
    scorer(stack, prefix, group),
  ];
  await a.start();
  await startJoining([a, b, c], b, c);
  await until(
    'the instances mid-stream',
    async () => (await appliedBy([a, b, c], topicName(prefix, 'cdr'))) >= first * 0.5,
    300_000,
  );
  const killed = performance.now();
  await a.kill('SIGKILL');
  await produceInput(kafka, prefix, halves.second.cdrs, halves.second.complaints, { complaintsFirst: true });
  await until(
    "the killed instance's partitions taken over",
    async () => (await ownedBy([b, c])) === TOTAL,
    300_000,
  );
  const published = async (): Promise<number> => {
    let n = 0;
    for (const s of [b, c])
      n += sumMetric((await scrapeMetrics(s.opsPort())) ?? '', 'ringfence_scorer_published_total');
    return n;
  };
  const atTakeover = await published();
  await until('output after the takeover', async () => (await published()) > atTakeover, 300_000);
  const took = (performance.now() - killed) / 1000;
  let restore = 0;
  for (const s of [b, c])
    for (const stage of ['number', 'source'])
      restore = Math.max(
        restore,
        (await s.metric('ringfence_scorer_restore_seconds', `stage="${stage}"`)) ?? 0,
      );
  ScorerProcess.killAll();
  return { took, restore };
}

/**
 * How often the cost part reads every instance's applied count. A read is a metrics scrape, which
 * costs an instance 2–3 ms of CPU; ten a second per instance would be counted as the cost of running
 * more instances (Prometheus scrapes every 15–30 s). Live input lasts long enough for a read a
 * second; input produced as fast as it is parsed passes its window in seconds, and needs finer marks.
 */
function markPollMs(cdrsPerSecond: number): number {
  return cdrsPerSecond > 0 ? 1_000 : 100;
}

/**
 * Machine CPU seconds per 1,000 CDRs (all instances + broker) scoring the whole input with `n`
 * instances: produced as the bench reads it, or at `cdrsPerSecond` (> 0) as live traffic arrives.
 */
async function cost(
  stack: ReturnType<typeof testStack>,
  kafka: Kafka,
  admin: Admin,
  prefix: string,
  cdrFile: string,
  complaints: string,
  n: number,
  cdrsPerSecond: number,
): Promise<{ whole: number; steady: number }> {
  await fresh(admin, prefix);
  const group = `${prefix}scorer`;
  // Every instance up and settled in its role before the input arrives: what is measured is the
  // cost of scoring with the partitions shared between instances, not of starting processes.
  const all: ScorerProcess[] = [scorer(stack, prefix, group, DEPLOYED_IDLE_FLUSH)];
  await all[0]!.start();
  await until(
    'the first instance owning every partition',
    async () => (await all[0]!.owned()) === TOTAL,
    120_000,
  );
  for (let i = 1; i < n; i++) all.push(scorer(stack, prefix, group, DEPLOYED_IDLE_FLUSH));
  if (n > 1) await startJoining(all, ...all.slice(1));
  const cpu = (): number =>
    (stackServerCpuSeconds('kafka') ?? 0) + all.reduce((t, s) => t + (processCpuSeconds(s.pid()!) ?? 0), 0);
  // Paced, the input is encoded before the clock starts, so the bench's own parsing does not share
  // the cores with what is measured.
  const encoded = cdrsPerSecond > 0 ? await encodeInput(cdrFile, complaints) : undefined;
  const before = cpu();
  const produced =
    encoded === undefined
      ? produceInput(kafka, prefix, cdrFile, complaints)
      : produceEncoded(kafka, prefix, encoded, cdrsPerSecond);
  // Steady state: the CPU spent between a fifth and four fifths of the input applied, what a
  // deployment that runs for days pays per CDR (no warm-up of each process, no final settle).
  const expected = readFileSync(cdrFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '').length;
  const marks: { applied: number; cpu: number }[] = [];
  const cdrTopic = topicName(prefix, 'cdr');
  for (;;) {
    const n = await appliedBy(all, cdrTopic);
    if (marks.length === 0 ? n >= expected * 0.2 : n >= expected * 0.8)
      marks.push({ applied: n, cpu: cpu() });
    if (marks.length === 2 || n >= expected) break;
    await new Promise((r) => setTimeout(r, markPollMs(cdrsPerSecond)));
  }
  const cdrs = await produced;
  await until('the input scored', async () => (await appliedBy(all, cdrTopic)) >= cdrs, 600_000);
  await allIdle(all, 600_000);
  const total = cpu() - before;
  ScorerProcess.killAll();
  const [from, to] = marks;
  const steady =
    from !== undefined && to !== undefined && to.applied > from.applied
      ? ((to.cpu - from.cpu) / (to.applied - from.applied)) * 1000
      : Number.NaN;
  return { whole: (total / cdrs) * 1000, steady };
}

/** The longest gap (s) in applied records while a second instance joins a busy one and takes half its partitions. */
async function joinPause(
  stack: ReturnType<typeof testStack>,
  kafka: Kafka,
  admin: Admin,
  prefix: string,
  cdrFile: string,
  complaints: string,
): Promise<number> {
  await fresh(admin, prefix);
  const cdrs = await produceInput(kafka, prefix, cdrFile, complaints);
  const group = `${prefix}scorer`;
  const a = scorer(stack, prefix, group);
  await a.start();
  await until('busy', async () => (await applied(a, topicName(prefix, 'cdr'))) > cdrs * 0.1, 300_000);
  const b = scorer(stack, prefix, group);
  await b.start();
  let last = await applied(a, topicName(prefix, 'cdr'));
  let lastAt = performance.now();
  let worst = 0;
  for (;;) {
    const now = await appliedBy([a, b], topicName(prefix, 'cdr'));
    const t = performance.now();
    if (now > last) {
      worst = Math.max(worst, (t - lastAt) / 1000);
      last = now;
      lastAt = t;
    }
    if (now >= cdrs) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  ScorerProcess.killAll();
  return worst;
}

interface Move {
  pause: number;
  restore: number;
  tracked: number;
  bytes: number;
  stored: number;
  read: number;
}

/**
 * One number partition with tens of thousands of tracked callers changes owner under load: topics of one
 * partition, instance `a` scores the first half of the input, a standby `b` joins (it owns nothing:
 * one partition has one owner), the second half arrives, and `a` is told to stop mid-way (SIGTERM:
 * it snapshots and leaves the group). Returns the longest stop in applied CDRs (both instances
 * together), `b`'s takeover time, the callers tracked, the partition's snapshot bytes and the time
 * to read that snapshot back from Kafka.
 */
async function bigMove(
  stack: ReturnType<typeof testStack>,
  kafka: Kafka,
  admin: Admin,
  prefix: string,
  halves: ReturnType<typeof splitInput>,
): Promise<Move> {
  const { partitions: one, env } = ONE_PARTITION_PER_STAGE;
  await fresh(admin, prefix, { partitions: one });
  const cdrTopic = topicName(prefix, 'cdr');
  const group = `${prefix}scorer`;
  const first = await produceInput(kafka, prefix, halves.first.cdrs, halves.first.complaints, {
    complaintsFirst: true,
  });
  const a = scorer(stack, prefix, group, env);
  await a.start();
  await until('the first half scored', async () => (await applied(a, cdrTopic)) >= first, 600_000);
  await a.idle(600_000);
  const tracked = (await a.metric('ringfence_scorer_tracked_subjects', 'stage="number"')) ?? 0;
  // Encoded ahead and sent at the producer's pace, so the first instance cannot apply the second half
  // as fast as it arrives and still has most of it to do when it is stopped.
  const secondInput = await encodeInput(halves.second.cdrs, halves.second.complaints);
  const b = scorer(stack, prefix, group, env);
  await b.start();
  const second = await produceEncoded(kafka, prefix, secondInput);
  await until(
    'busy on the second half',
    async () => (await applied(a, cdrTopic)) > first + second * 0.1,
    600_000,
  );
  let last = await applied(a, cdrTopic);
  let lastAt = performance.now();
  const stopped = a.kill('SIGTERM');
  let aGone = false;
  void stopped.then(() => (aGone = true));
  let fromA = last;
  let worst = 0;
  for (;;) {
    if (!aGone)
      fromA = Math.max(
        fromA,
        (await a.metric('ringfence_scorer_records_total', `topic="${cdrTopic}"`)) ?? fromA,
      );
    const fromB = await applied(b, cdrTopic);
    const now = fromA + fromB;
    const t = performance.now();
    if (now > last) {
      worst = Math.max(worst, (t - lastAt) / 1000);
      last = now;
      lastAt = t;
    }
    // Done once b has taken over and caught up (a's count may miss its last records: b replays them).
    if (aGone && fromB > 0 && (await b.metric('ringfence_scorer_idle')) === 1) break;
    if (t - lastAt > 300_000) throw new Error('the moved partition stopped for good');
    await new Promise((r) => setTimeout(r, 20));
  }
  const restore = (await b.metric('ringfence_scorer_restore_seconds', 'stage="number"')) ?? 0;
  ScorerProcess.killAll();
  const started = performance.now();
  const snapshots = await readTaskSnapshots(
    admin,
    topicName(prefix, 'scorerSnapshots'),
    group,
    createLogger('bench', 'warn'),
    new Set(['n0']),
  );
  const read = (performance.now() - started) / 1000;
  const n0 = snapshots.get('n0');
  return { pause: worst, restore, tracked, bytes: n0?.state.length ?? 0, stored: n0?.storedBytes ?? 0, read };
}

async function main(): Promise<void> {
  const stack = testStack();
  const dir = mkdtempSync(join(tmpdir(), 'rf-failover-bench-'));
  const kafka = stack.kafka();
  const admin = kafka.admin();
  await admin.connect();
  const loadBefore = loadavg()[0]!.toFixed(2);
  const results: object[] = [];
  const load = (): string => `load average ${loadBefore} before, ${loadavg()[0]!.toFixed(2)} after`;
  try {
    const delayMs = await groupInitialDelayMs(admin);
    const { paths } = await generateToFiles(
      { subscribers: SUBSCRIBERS, hours: HOURS, seed: 42 },
      join(dir, 'bench.jsonl'),
    );
    const halves = splitInput(dir, paths.cdrs, paths.complaints);
    if (PARTS.has('failover')) {
      const rounds: { took: number; restore: number }[] = [];
      for (let i = 0; i < ROUNDS; i++)
        rounds.push(await failover(stack, kafka, admin, `${stack.topicPrefix}f${i}.`, halves));
      const failovers = rounds.map((r) => r.took);
      results.push({
        metric: `failover: SIGKILL of one scorer of 3 to the others publishing for its partitions, broker group.initial.rebalance.delay.ms=${delayMs}`,
        value: Number(median(failovers).toFixed(2)),
        unit: 's',
        target: '<= 10',
        baseline: { metric: 'session timeout (default)', value: SESSION_TIMEOUT_MS / 1000, unit: 's' },
        notes: `median of ${ROUNDS}: ${failovers.map((f) => f.toFixed(2)).join(', ')} s, of which restore (fence, read the snapshots, settle) ${rounds.map((r) => r.restore.toFixed(2)).join(', ')} s; input ${SUBSCRIBERS} subscribers x ${HOURS} h, killed half-way through the first half; ${load()}`,
      });
    }
    if (PARTS.has('cost')) {
      const big =
        BIG_SUBSCRIBERS > 0
          ? (
              await generateToFiles(
                { subscribers: BIG_SUBSCRIBERS, hours: HOURS, seed: 42 },
                join(dir, 'big.jsonl'),
              )
            ).paths
          : undefined;
      // The live input is the big one when there is one: at a live rate the small input lasts a few
      // seconds, and each process's warm-up would fill its steady-state window.
      const live = big === undefined ? ([paths, SUBSCRIBERS] as const) : ([big, BIG_SUBSCRIBERS] as const);
      const liveLabel = `${big === undefined ? '' : `, ${BIG_SUBSCRIBERS / 1000}k subscribers`}, live input at ${PACE / 1000}k CDR/s`;
      for (const [input, label, size, pace] of [
        [paths, '', SUBSCRIBERS, 0],
        ...(big === undefined
          ? []
          : [[big, `, ${BIG_SUBSCRIBERS / 1000}k subscribers`, BIG_SUBSCRIBERS, 0] as const]),
        [live[0], liveLabel, live[1], PACE],
      ] as const) {
        const costs = new Map<number, number[]>();
        const steady = new Map<number, number[]>();
        for (let i = 0; i < ROUNDS; i++) {
          for (const n of [1, 2, 3]) {
            const c = await cost(
              stack,
              kafka,
              admin,
              `${stack.topicPrefix}c${size}p${pace}x${n}${i}.`,
              input.cdrs,
              input.complaints,
              n,
              pace,
            );
            costs.set(n, [...(costs.get(n) ?? []), c.whole]);
            steady.set(n, [...(steady.get(n) ?? []), c.steady]);
          }
        }
        const list = (xs: number[]): string => xs.map((c) => c.toFixed(4)).join(', ');
        const of =
          pace > 0
            ? `input ${size} subscribers x ${HOURS} h, encoded beforehand and produced at ${pace} CDR/s (below what one instance applies)`
            : `input ${size} subscribers x ${HOURS} h, produced as the bench reads it`;
        const rows = (phase: string, byN: Map<number, number[]>, baseline: string, what: string): void => {
          const one = median(byN.get(1)!);
          for (const n of [2, 3])
            results.push({
              metric: `scale-out cost${phase}${label}: machine CPU per CDR with ${n} instances (scorers + broker), ratio to 1 instance`,
              value: Number((median(byN.get(n)!) / one).toFixed(3)),
              unit: 'x',
              target: '<= 1.15',
              baseline: { metric: baseline, value: Number(one.toFixed(4)), unit: 's' },
              notes: `${what}; ${of}; instances at the deployed IDLE_FLUSH_MS (${DEPLOYED_IDLE_FLUSH.IDLE_FLUSH_MS} ms) and fetch wait; every instance's metrics read every ${markPollMs(pace)} ms; per round (s per 1,000 CDRs): ${list(byN.get(n)!)}; 1 instance: ${list(byN.get(1)!)}; ${load()}`,
            });
        };
        rows(
          '',
          costs,
          'CPU per 1,000 CDRs with 1 instance',
          "whole run, from the input's first CDR to every instance idle (each process's warm-up and final settle included)",
        );
        rows(
          ', steady state',
          steady,
          'CPU per 1,000 CDRs with 1 instance, steady state',
          'CPU of every scorer and the broker between a fifth and four fifths of the input applied, over the CDRs applied in that span (no warm-up, no final settle)',
        );
      }
    }
    if (PARTS.has('pause')) {
      const pauses: number[] = [];
      for (let i = 0; i < ROUNDS; i++)
        pauses.push(
          await joinPause(stack, kafka, admin, `${stack.topicPrefix}p${i}.`, paths.cdrs, paths.complaints),
        );
      results.push({
        metric:
          'rebalance pause: longest stop in applied CDRs while a second scorer joins a busy one and takes half its partitions',
        value: Number(median(pauses).toFixed(2)),
        unit: 's',
        notes: `median of ${ROUNDS}: ${pauses.map((p) => p.toFixed(2)).join(', ')} s; half the partitions move with their state (snapshot, restore, replay since it); ${load()}`,
      });
    }
    if (PARTS.has('move')) {
      const moveDir = join(dir, 'move');
      mkdirSync(moveDir);
      const big = await generateToFiles(
        { subscribers: MOVE_SUBSCRIBERS, hours: 24, seed: 43 },
        join(moveDir, 'move.jsonl'),
      );
      const moveHalves = splitInput(moveDir, big.paths.cdrs, big.paths.complaints);
      const moves: Move[] = [];
      for (let i = 0; i < ROUNDS; i++)
        moves.push(await bigMove(stack, kafka, admin, `${stack.topicPrefix}m${i}.`, moveHalves));
      const m = (f: (x: Move) => number): number => median(moves.map(f));
      const each = (f: (x: Move) => number, digits: number): string =>
        moves.map((x) => f(x).toFixed(digits)).join(', ');
      results.push(
        {
          metric:
            'rebalance pause, one big partition: longest stop in applied CDRs while one number partition (tracked subjects in the notes) moves from a busy owner told to stop to a standby',
          value: Number(m((x) => x.pause).toFixed(2)),
          unit: 's',
          notes: `median of ${ROUNDS}: ${each((x) => x.pause, 2)} s (the owner's last snapshot on SIGTERM, leaving the group, the rebalance, the takeover, the first fetch); takeover (fence, read the snapshot, restore, settle) ${each((x) => x.restore, 2)} s; tracked subjects of the number stage ${each((x) => x.tracked, 0)}; input ${MOVE_SUBSCRIBERS} subscribers x 24 h on topics of one partition, moved during the second half; ${load()}`,
        },
        {
          metric: 'state bytes of that partition (its number-stage snapshot)',
          value: Math.round(m((x) => x.bytes)),
          unit: 'bytes',
          notes: `per round: ${each((x) => x.bytes, 0)}; per tracked subject: ${each((x) => x.bytes / Math.max(1, x.tracked), 0)} bytes`,
        },
        {
          metric: 'bytes that snapshot takes on the snapshot topic (SNAPSHOT_COMPRESSION default, zstd)',
          value: Math.round(m((x) => x.stored)),
          unit: 'bytes',
          notes: `per round: ${each((x) => x.stored, 0)}; the state over its stored bytes: ${each((x) => x.bytes / Math.max(1, x.stored), 1)}`,
        },
        {
          metric: "read time of that partition's snapshot from Kafka (restore read, no group)",
          value: Number(m((x) => x.read).toFixed(3)),
          unit: 's',
          notes: `per round: ${each((x) => x.read, 3)} s; ${load()}`,
        },
      );
    }
    const partial = ['failover', 'cost', 'pause', 'move'].some((p) => !PARTS.has(p));
    process.stdout.write(
      `${JSON.stringify({ bench: 'scorer/failover', ...(partial ? { partial } : {}), results })}\n`,
    );
  } finally {
    ScorerProcess.killAll();
    await admin.disconnect();
    await stack.deleteTopics();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
