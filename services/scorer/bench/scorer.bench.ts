import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Admin } from 'kafkajs';
import { ensureTopics, topicName } from '@ringfence/common';
import {
  freePort,
  processCpuSeconds,
  processPeakRssBytes,
  scrapeMetrics,
  stackServerCpuSeconds,
  sumMetric,
  testStack,
} from '@ringfence/common/testing';
import { parseCdr, parseComplaint, readRecords } from '@ringfence/cdr';
import { Engine, loadRules, type EngineSink } from '@ringfence/engine';
import { generateToFiles } from '@ringfence/generator';
import { produceInput } from '../test/kafka-fixtures.js';

/**
 * End-to-end scorer throughput on the real Kafka: cdr.v1 is pre-filled with generated traffic, then
 * the scorer (a child process, as deployed) is timed until it has applied every CDR and every
 * source observation it produced. Lag is the group's committed offsets against the partition ends.
 */
const SUBSCRIBERS = Number(process.env['BENCH_SUBSCRIBERS'] ?? 20_000);
const HOURS = Number(process.env['BENCH_HOURS'] ?? 24);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
/**
 * BENCH_SCORER_ENTRY=path runs another build's scorer (its dist/index.js) on the same topics' contents,
 * to compare builds in alternating runs.
 */
const ENTRY =
  process.env['BENCH_SCORER_ENTRY'] ?? fileURLToPath(new URL('../dist/index.js', import.meta.url));
/** BENCH_PROFILE_DIR=dir writes a V8 CPU profile of each round's scorer there (figures then suffer). */
const PROFILE_DIR = process.env['BENCH_PROFILE_DIR'];
const PROFILE = PROFILE_DIR === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`];

async function committedLag(admin: Admin, groupId: string, topic: string): Promise<number> {
  const ends = await admin.fetchTopicOffsets(topic);
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  let lag = 0;
  for (const e of ends) {
    const c = Number(committed?.partitions.find((p) => p.partition === e.partition)?.offset ?? -1);
    lag += Number(e.high) - Math.max(c, Number(e.low));
  }
  return lag;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * Baseline in the same run: a bare kafkajs consumer (eachBatch, no decoding, no engine, nothing
 * produced) draining the same pre-filled cdr.v1; the client's own ceiling on this machine.
 */
async function drainOnly(stack: ReturnType<typeof testStack>, prefix: string, cdrs: number): Promise<number> {
  const kafka = stack.kafka();
  const consumer = kafka.consumer({
    groupId: `${prefix}drain-${Date.now()}`,
    maxBytesPerPartition: 1024 * 1024,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topicName(prefix, 'cdr')], fromBeginning: true });
  let seen = 0;
  let started = 0;
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          if (started === 0) started = performance.now();
          seen += batch.messages.length;
          if (seen >= cdrs) resolve();
          return Promise.resolve();
        },
      })
      .catch(reject);
  });
  const rate = cdrs / ((performance.now() - started) / 1000);
  await consumer.disconnect();
  return rate;
}

interface Round {
  /** CDRs per second from the first applied record to caught up and idle (final settle and snapshot included). */
  rate: number;
  /** CDRs per second while draining: first applied record to the last CDR and all its observations applied. */
  sustained: number;
  /** Seconds from the last observation applied to idle: the final flush and snapshot. */
  settleSeconds: number;
  lagBefore: number;
  lagAfter: number;
  /** Machine CPU µs per CDR, scorer + broker processes, from the first applied record to idle; NaN when unreadable. */
  cpuUs: number;
  /** The broker's part of `cpuUs`. */
  brokerUs: number;
  /** The scorer's peak resident memory over the round (VmHWM). */
  peakRssMb: number;
}

/**
 * Baseline of the CPU row, in the same run: the engine alone in this process, on the same input
 * decoded beforehand and merged by event time as offline scoring merges it, outputs discarded.
 */
async function engineInput(cdrFile: string, complaintFile: string): Promise<(() => void)[]> {
  const rules = loadRules();
  const discard: EngineSink = { verdict() {}, tombstone() {}, alert() {} };
  const engine = { current: new Engine(rules, discard) };
  const steps: { t: number; run: () => void }[] = [];
  for await (const rec of readRecords(complaintFile)) {
    const r = parseComplaint(rec.value);
    if (r.ok) steps.push({ t: Number(r.value.timeMs ?? 0), run: () => engine.current.onComplaint(r.value) });
  }
  for await (const rec of readRecords(cdrFile)) {
    const r = parseCdr(rec.value);
    if (r.ok) steps.push({ t: Number(r.value.setupTimeMs ?? 0), run: () => engine.current.onCdr(r.value) });
  }
  // Stable: complaints precede CDRs of the same millisecond, as in scoreFile.
  steps.sort((a, b) => a.t - b.t);
  return [
    () => (engine.current = new Engine(rules, discard)),
    ...steps.map((s) => s.run),
    () => engine.current.flush(),
  ];
}

/** CPU µs per CDR of this process (all threads) running the engine over the input once. */
function engineCpuUs(steps: (() => void)[], cdrs: number): number {
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = process.cpuUsage();
  for (const step of steps) step();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / cdrs;
}

async function round(
  stack: ReturnType<typeof testStack>,
  admin: Admin,
  prefix: string,
  cdrs: number,
): Promise<Round> {
  const groupId = `${prefix}bench-${Date.now()}`;
  const port = await freePort();
  const cdrTopic = topicName(prefix, 'cdr');
  const sourceTopic = `topic="${topicName(prefix, 'sourceEvents')}"`;
  const cdrSeries = `topic="${cdrTopic}"`;
  const lagBefore = await committedLag(admin, groupId, cdrTopic);
  const child = spawn(process.execPath, [...PROFILE, ENTRY], {
    env: stack.env({ TOPIC_PREFIX: prefix, GROUP_ID: groupId, OPS_PORT: String(port), IDLE_FLUSH_MS: '200' }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let started = 0;
  let drained = 0;
  const machineCpu = (): { scorer: number; broker: number } => ({
    scorer: processCpuSeconds(child.pid ?? -1) ?? NaN,
    broker: stackServerCpuSeconds('kafka') ?? NaN,
  });
  let cpuFrom = { ...machineCpu(), applied: 0 };
  let candidate: { at: number; end: number } | undefined;
  // Polled every 100 ms: a scrape costs the scorer well under a millisecond, and the poll sets the
  // resolution of both clocks.
  for (;;) {
    const m = (await scrapeMetrics(port)) ?? '';
    const now = performance.now();
    const applied = sumMetric(m, 'ringfence_scorer_records_total', cdrSeries);
    if (started === 0 && applied > 0) {
      started = now;
      cpuFrom = { ...machineCpu(), applied };
    }
    if (drained === 0 && applied >= cdrs) {
      // Drained once the source stage has read every observation partition to the end it last
      // fetched (its lag gauge; the topic's end also counts transaction markers, so records applied
      // never reach it), and the topic's end held still across two polls (the last slice's
      // observations are published just after its CDRs count as applied).
      const end = (await admin.fetchTopicOffsets(topicName(prefix, 'sourceEvents'))).reduce(
        (sum, p) => sum + Number(p.high),
        0,
      );
      const caught =
        sumMetric(m, 'ringfence_scorer_records_total', sourceTopic) > 0 &&
        sumMetric(m, 'ringfence_scorer_consumer_lag', sourceTopic) === 0;
      if (caught && candidate !== undefined && candidate.end === end) drained = candidate.at;
      candidate = caught ? { at: now, end } : undefined;
    }
    if (sumMetric(m, 'ringfence_scorer_idle') === 1) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const done = performance.now();
  const cpuTo = machineCpu();
  const perCdrUs = (seconds: number): number => (seconds / (cdrs - cpuFrom.applied)) * 1e6;
  const brokerUs = perCdrUs(cpuTo.broker - cpuFrom.broker);
  const cpuUs = perCdrUs(cpuTo.scorer - cpuFrom.scorer) + brokerUs;
  const lagAfter = await committedLag(admin, groupId, cdrTopic);
  const peakRssMb = (processPeakRssBytes(child.pid ?? -1) ?? NaN) / 2 ** 20;
  child.kill('SIGTERM');
  await exited;
  return {
    rate: cdrs / ((done - started) / 1000),
    sustained: cdrs / (((drained || done) - started) / 1000),
    settleSeconds: (done - (drained || done)) / 1000,
    lagBefore,
    lagAfter,
    cpuUs,
    brokerUs,
    peakRssMb,
  };
}

async function main(): Promise<void> {
  const stack = testStack();
  const dir = mkdtempSync(join(tmpdir(), 'rf-scorer-bench-'));
  const kafka = stack.kafka();
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { paths } = await generateToFiles(
      { subscribers: SUBSCRIBERS, hours: HOURS, seed: 42 },
      join(dir, 'bench.jsonl'),
    );
    const steps = await engineInput(paths.cdrs, paths.complaints);
    const rounds = [];
    let cdrs = 0;
    // Each round gets its own topics, pre-filled before the scorer starts.
    for (let i = 0; i < ROUNDS; i++) {
      const prefix = `${stack.topicPrefix}r${i}.`;
      await ensureTopics(admin, prefix);
      cdrs = await produceInput(kafka, prefix, paths.cdrs, paths.complaints);
      const drain = await drainOnly(stack, prefix, cdrs);
      const r = { ...(await round(stack, admin, prefix, cdrs)), drain, engineUs: engineCpuUs(steps, cdrs) };
      process.stderr.write(`round ${i + 1}: ${JSON.stringify(r)}\n`);
      rounds.push(r);
    }
    const drain = {
      metric: 'bare kafkajs consumer draining the same cdr.v1 (no decode, no engine)',
      value: Math.round(median(rounds.map((r) => r.drain))),
      unit: 'CDR/s',
    };
    const cpu = median(rounds.map((r) => r.cpuUs));
    const engineUs = median(rounds.map((r) => r.engineUs));
    const setup = `${cdrs} CDRs pre-filled (${SUBSCRIBERS} subscribers, ${HOURS} h), median of ${ROUNDS} rounds; committed cdr.v1 lag before/after per round: ${rounds.map((r) => `${r.lagBefore}/${r.lagAfter}`).join(', ')}`;
    process.stdout.write(
      `${JSON.stringify({
        bench: 'scorer/scorer',
        results: [
          {
            metric:
              'end-to-end scoring throughput while draining (cdr.v1 and every source observation applied)',
            value: Math.round(median(rounds.map((r) => r.sustained))),
            unit: 'CDR/s',
            target: '>= 50000',
            baseline: drain,
            notes: `${setup}; timed from the first applied record to the last CDR and every observation it caused applied by the source stage (what input can arrive at without lag growing); per round ${rounds.map((r) => Math.round(r.sustained)).join(', ')}`,
          },
          {
            metric:
              'end-to-end scoring throughput to caught up and idle (final settle and snapshot included)',
            value: Math.round(median(rounds.map((r) => r.rate))),
            unit: 'CDR/s',
            baseline: drain,
            notes: `${setup}; timed from the first applied record to the scorer reporting idle: after the input ends it waits IDLE_FLUSH_MS (200 ms here), settles final scores and writes a snapshot, ${rounds.map((r) => r.settleSeconds.toFixed(2)).join(', ')} s per round`,
          },
          ...(Number.isFinite(cpu)
            ? [
                {
                  metric: 'machine CPU per CDR end to end (scorer + broker processes)',
                  value: Number(cpu.toFixed(2)),
                  unit: 'µs',
                  target: `<= ${(2.5 * engineUs).toFixed(1)} (2.5× the engine)`,
                  baseline: {
                    metric: 'in-process engine CPU per CDR, same input decoded beforehand, outputs discarded',
                    value: Number(engineUs.toFixed(2)),
                    unit: 'µs',
                  },
                  notes: `${setup}; CPU of the scorer and broker processes (/proc) from the first applied record to idle (decode, engine, observations, produce, transactions, snapshot) over the CDRs applied in that span; per round ${rounds.map((r) => r.cpuUs.toFixed(1)).join(', ')} µs, of which the broker ${rounds.map((r) => r.brokerUs.toFixed(1)).join(', ')} µs; engine per round (this process, all threads, alternating with the scorer rounds) ${rounds.map((r) => r.engineUs.toFixed(2)).join(', ')} µs; ratio ${(cpu / engineUs).toFixed(2)}`,
                },
              ]
            : []),
          {
            metric: 'scorer peak resident memory',
            value: Math.round(median(rounds.map((r) => r.peakRssMb))),
            unit: 'MB',
            notes: `${setup}; the scorer process's VmHWM (/proc) when idle at the end of the round, per round ${rounds.map((r) => r.peakRssMb.toFixed(0)).join(', ')} MB`,
          },
        ],
      })}\n`,
    );
  } finally {
    await admin.disconnect();
    await stack.deleteTopics();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
