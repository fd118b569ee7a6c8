import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Admin, Kafka } from 'kafkajs';
import { ensureTopics, topicName } from '@ringfence/common';
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
  ScorerProcess,
  allIdle,
  applied,
  produceInput,
  splitInput,
  startJoining,
} from '../test/kafka-fixtures.js';

/**
 * Several scorer instances in one group, each owning some partitions, on the real Kafka:
 * - failover: SIGKILL one of three mid-stream; time until the others own its partitions and have
 *   published output after taking them over (baseline: the session timeout, the time the group
 *   takes to notice a dead member, which no takeover can beat);
 * - scale-out cost: machine CPU per CDR of every scorer instance plus the broker, for 1, 2 and 3
 *   instances on the same input, all started before it arrives (baseline: 1 instance): over the
 *   whole run, and in steady state (between a fifth and four fifths of the input applied);
 * - rebalance pause: the longest stretch without an applied record (all instances together) while
 *   a second instance joins a busy one and half the partitions, with their state, change owner.
 */
const SUBSCRIBERS = Number(process.env['BENCH_SUBSCRIBERS'] ?? 20_000);
const HOURS = Number(process.env['BENCH_HOURS'] ?? 24);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const SESSION_TIMEOUT_MS = 6_000;
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

function scorer(stack: ReturnType<typeof testStack>, prefix: string, group: string): ScorerProcess {
  return new ScorerProcess(stack, {
    TOPIC_PREFIX: prefix,
    GROUP_ID: group,
    IDLE_FLUSH_MS: '200',
    SESSION_TIMEOUT_MS: String(SESSION_TIMEOUT_MS),
  });
}

async function fresh(admin: Admin, prefix: string): Promise<void> {
  await ensureTopics(admin, prefix).catch(() => ensureTopics(admin, prefix));
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
    restore = Math.max(restore, (await s.metric('ringfence_scorer_restore_seconds')) ?? 0);
  ScorerProcess.killAll();
  return { took, restore };
}

/** Machine CPU seconds per 1,000 CDRs (all instances + broker) scoring the whole input with `n` instances. */
async function cost(
  stack: ReturnType<typeof testStack>,
  kafka: Kafka,
  admin: Admin,
  prefix: string,
  cdrFile: string,
  complaints: string,
  n: number,
): Promise<{ whole: number; steady: number }> {
  await fresh(admin, prefix);
  const group = `${prefix}scorer`;
  // Every instance up and settled in its role before the input arrives: what is measured is the
  // cost of scoring with the partitions shared between instances, not of starting processes.
  const all: ScorerProcess[] = [scorer(stack, prefix, group)];
  await all[0]!.start();
  await until(
    'the first instance owning every partition',
    async () => (await all[0]!.owned()) === TOTAL,
    120_000,
  );
  for (let i = 1; i < n; i++) all.push(scorer(stack, prefix, group));
  if (n > 1) await startJoining(all, ...all.slice(1));
  const cpu = (): number =>
    (stackServerCpuSeconds('kafka') ?? 0) + all.reduce((t, s) => t + (processCpuSeconds(s.pid()!) ?? 0), 0);
  const before = cpu();
  const produced = produceInput(kafka, prefix, cdrFile, complaints);
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
    await new Promise((r) => setTimeout(r, 100));
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

async function main(): Promise<void> {
  const stack = testStack();
  const dir = mkdtempSync(join(tmpdir(), 'rf-failover-bench-'));
  const kafka = stack.kafka();
  const admin = kafka.admin();
  await admin.connect();
  const loadBefore = loadavg()[0]!.toFixed(2);
  try {
    const { paths } = await generateToFiles(
      { subscribers: SUBSCRIBERS, hours: HOURS, seed: 42 },
      join(dir, 'bench.jsonl'),
    );
    const halves = splitInput(dir, paths.cdrs, paths.complaints);
    const rounds: { took: number; restore: number }[] = [];
    for (let i = 0; i < ROUNDS; i++)
      rounds.push(await failover(stack, kafka, admin, `${stack.topicPrefix}f${i}.`, halves));
    const failovers = rounds.map((r) => r.took);
    const costs = new Map<number, number[]>();
    const steady = new Map<number, number[]>();
    for (let i = 0; i < ROUNDS; i++) {
      for (const n of [1, 2, 3]) {
        const c = await cost(
          stack,
          kafka,
          admin,
          `${stack.topicPrefix}c${n}${i}.`,
          paths.cdrs,
          paths.complaints,
          n,
        );
        costs.set(n, [...(costs.get(n) ?? []), c.whole]);
        steady.set(n, [...(steady.get(n) ?? []), c.steady]);
      }
    }
    const pauses: number[] = [];
    for (let i = 0; i < ROUNDS; i++)
      pauses.push(
        await joinPause(stack, kafka, admin, `${stack.topicPrefix}p${i}.`, paths.cdrs, paths.complaints),
      );
    const one = median(costs.get(1)!);
    const steadyOne = median(steady.get(1)!);
    const list = (xs: number[]): string => xs.map((c) => c.toFixed(4)).join(', ');
    const load = `load average ${loadBefore} before, ${loadavg()[0]!.toFixed(2)} after`;
    process.stdout.write(
      `${JSON.stringify({
        bench: 'scorer/failover',
        results: [
          {
            metric: 'failover: SIGKILL of one scorer of 3 to the others publishing for its partitions',
            value: Number(median(failovers).toFixed(2)),
            unit: 's',
            target: '<= 10',
            baseline: { metric: 'session timeout (default)', value: SESSION_TIMEOUT_MS / 1000, unit: 's' },
            notes: `median of ${ROUNDS}: ${failovers.map((f) => f.toFixed(2)).join(', ')} s, of which restore (fence, read the snapshots, settle) ${rounds.map((r) => r.restore.toFixed(2)).join(', ')} s; input ${SUBSCRIBERS} subscribers x ${HOURS} h, killed half-way through the first half; ${load}`,
          },
          ...[2, 3].map((n) => ({
            metric: `scale-out cost: machine CPU per CDR with ${n} instances (scorers + broker), ratio to 1 instance`,
            value: Number((median(costs.get(n)!) / one).toFixed(3)),
            unit: 'x',
            target: '<= 1.15',
            baseline: {
              metric: 'CPU per 1,000 CDRs with 1 instance',
              value: Number(one.toFixed(4)),
              unit: 's',
            },
            notes: `whole run, from the input's first CDR to every instance idle (each process's warm-up and final settle included); per round (s per 1,000 CDRs): ${list(costs.get(n)!)}; 1 instance: ${list(costs.get(1)!)}; ${load}`,
          })),
          ...[2, 3].map((n) => ({
            metric: `scale-out cost, steady state: machine CPU per CDR with ${n} instances (scorers + broker), ratio to 1 instance`,
            value: Number((median(steady.get(n)!) / steadyOne).toFixed(3)),
            unit: 'x',
            target: '<= 1.15',
            baseline: {
              metric: 'CPU per 1,000 CDRs with 1 instance, steady state',
              value: Number(steadyOne.toFixed(4)),
              unit: 's',
            },
            notes: `CPU of every scorer and the broker between a fifth and four fifths of the input applied, over the CDRs applied in that span (no warm-up, no final settle); per round (s per 1,000 CDRs): ${list(steady.get(n)!)}; 1 instance: ${list(steady.get(1)!)}; ${load}`,
          })),
          {
            metric:
              'rebalance pause: longest stop in applied CDRs while a second scorer joins a busy one and takes half its partitions',
            value: Number(median(pauses).toFixed(2)),
            unit: 's',
            notes: `median of ${ROUNDS}: ${pauses.map((p) => p.toFixed(2)).join(', ')} s; half the partitions move with their state (snapshot, restore, replay since it); ${load}`,
          },
        ],
      })}\n`,
    );
  } finally {
    ScorerProcess.killAll();
    await admin.disconnect();
    await stack.deleteTopics();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
