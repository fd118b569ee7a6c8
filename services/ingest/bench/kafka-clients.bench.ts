// The Kafka clients compared on the pipeline's hot paths (issue #20), on the same topic contents in
// the same run, round by round so the machine's drift hits every candidate alike:
//   produce          replay's producer: pre-encoded CDRs, batches of 1,000, idempotent, acks=all
//   consume          the sink's read: a group member committing each batch's offsets
//   consume-produce  the scorer's loop: read, produce one 48-byte output per record, then commit
//   view             risk-api's view load: a compacted topic read to its end into a map
// Candidates: kafkajs (the baseline), @platformatic/kafka, and node-rdkafka with failure-only
// delivery reports and batch consume (built on first use: rdkafka-candidate.ts); on the produce path
// also node-rdkafka with a delivery report per record, each batch acknowledged before the next.
// Each measurement runs in a process of its own (kafka-client-worker.ts); CPU per record is that
// process's process.cpuUsage() (every thread), not wall time. kafkajs is the baseline.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { baseConfigShape, createKafka, createLogger, loadConfig } from '@ringfence/common';
import { parseCdr } from '@ringfence/cdr';
import { cdrv1 } from '@ringfence/proto';
import { cdrJsonl } from '@ringfence/cdr/testing';
import { RDKAFKA_VERSION, loadRdkafka } from './rdkafka-candidate.js';

const RECORDS = Number(process.env['BENCH_RECORDS'] ?? 100_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const BATCH = 1_000;
const CANDIDATES = ['kafkajs', 'platformatic', 'rdkafka', 'rdkafka-acked'] as const;
const PATHS = ['produce', 'consume', 'consume-produce', 'view'] as const;
type Candidate = (typeof CANDIDATES)[number];
type Path = (typeof PATHS)[number];
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
// Built (or found) before any round, so no worker pays for the build.
const librdkafka = loadRdkafka(repo).librdkafkaVersion;
const NAMES: Record<Candidate, string> = {
  kafkajs: 'kafkajs 2.2.4',
  platformatic: '@platformatic/kafka 2.12.1',
  rdkafka: `node-rdkafka ${RDKAFKA_VERSION} (librdkafka ${librdkafka})`,
  'rdkafka-acked': `node-rdkafka ${RDKAFKA_VERSION}, each batch acknowledged`,
};
/** rdkafka-acked differs from rdkafka on the producer only. */
const runs = (c: Candidate, p: Path): boolean => c !== 'rdkafka-acked' || p === 'produce';
const config = loadConfig(z.object(baseConfigShape), {
  overrides: { topicPrefix: `bench${randomBytes(3).toString('hex')}.` },
});
const brokers = [...config.kafkaBrokers];
const logger = createLogger('bench', 'warn', process.stderr);
const loadBefore = loadavg();
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

// The same encoded CDRs replay would produce, written once for every producer to send.
const dir = mkdtempSync(join(tmpdir(), 'rf-kafka-clients-bench-'));
const file = join(dir, 'records.bin');
const records: { key: Buffer; value: Buffer }[] = [];
for (const line of cdrJsonl(RECORDS).split('\n')) {
  if (line === '') continue;
  const p = parseCdr(JSON.parse(line));
  if (!p.ok) continue;
  const calling = p.value.calling!;
  records.push({
    key: Buffer.from(calling.e164 || calling.raw || ''),
    value: Buffer.from(cdrv1.CallDetailRecord.encode(p.value).finish()),
  });
}
if (records.length === 0) throw new Error('no records encoded');
const parts: Buffer[] = [];
for (const r of records) {
  const head = Buffer.alloc(8);
  head.writeUInt32LE(r.key.length, 0);
  head.writeUInt32LE(r.value.length, 4);
  parts.push(head, r.key, r.value);
}
writeFileSync(file, Buffer.concat(parts));

const kafka = createKafka({ brokers, clientId: 'bench-kafka-clients', logger });
const admin = kafka.admin();
await admin.connect();
const topic = (name: string): string => `${config.topicPrefix}${name}`;
const created: string[] = [];
async function createTopic(name: string, compacted = false): Promise<string> {
  const t = topic(name);
  // No leader wait inside createTopics: on a busy broker its metadata check can fail outright; the
  // offsets poll below waits for partitions that answer.
  await admin.createTopics({
    waitForLeaders: false,
    topics: [
      {
        topic: t,
        numPartitions: 6,
        replicationFactor: 1,
        configEntries: compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : [],
      },
    ],
  });
  // The first produce must not meet a partition whose leader does not answer yet.
  for (let i = 0; i < 300; i++) {
    try {
      await admin.fetchTopicOffsets(t);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  created.push(t);
  return t;
}

// Every consuming path reads the same contents: the CDRs, and a compacted verdict-like topic with a
// quarter as many keys as records (so a view load sees each key about four times).
const source = await createTopic('source');
const view = await createTopic('view', true);
const seed = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await seed.connect();
for (let i = 0; i < records.length; i += BATCH) {
  await seed.send({ topic: source, acks: -1, messages: records.slice(i, i + BATCH) });
  await seed.send({
    topic: view,
    acks: -1,
    messages: records.slice(i, i + BATCH).map((r, j) => ({
      key: `+86186${String((i + j) % Math.ceil(RECORDS / 4)).padStart(8, '0')}`,
      value: r.value.subarray(0, 60),
    })),
  });
}
await seed.disconnect();

interface Sample {
  records: number;
  cpuUs: number;
  wallMs: number;
}
const samples = new Map<string, Sample[]>();

function run(candidate: Candidate, path: Path, args: Record<string, unknown>): Sample {
  const r = spawnSync(
    join(repo, 'node_modules', '.bin', 'tsx'),
    [
      join(here, 'kafka-client-worker.ts'),
      candidate,
      path,
      JSON.stringify({ brokers, records: RECORDS, batch: BATCH, ...args }),
    ],
    {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, LOG_LEVEL: 'warn' },
    },
  );
  const last = (r.stdout ?? '').trim().split('\n').at(-1) ?? '';
  if (r.status !== 0) throw new Error(`${candidate} ${path}: exit ${r.status ?? r.signal}: ${last}`);
  const sample = JSON.parse(last) as Sample;
  if (!(sample.records >= records.length))
    throw new Error(`${candidate} ${path}: ${sample.records} of ${records.length} records`);
  return sample;
}

try {
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate which candidate goes first, so none always meets a warmer broker.
    const order = CANDIDATES.map((_, i) => CANDIDATES[(i + round) % CANDIDATES.length]!);
    for (const path of PATHS) {
      for (const c of order.filter((c) => runs(c, path))) {
        const id = `${c}-${round}-${randomBytes(2).toString('hex')}`;
        const args =
          path === 'produce'
            ? { file, topic: await createTopic(`produce-${id}`) }
            : path === 'consume-produce'
              ? { topic: source, out: await createTopic(`out-${id}`), group: topic(`g-${path}-${id}`) }
              : { topic: path === 'view' ? view : source, group: topic(`g-${path}-${id}`) };
        const s = run(c, path, args);
        const key = `${c}/${path}`;
        samples.set(key, [...(samples.get(key) ?? []), s]);
        process.stdout.write(
          `round ${round + 1} ${path} ${NAMES[c]}: ${Math.round((s.records / s.wallMs) * 1000)} records/s, ${(s.cpuUs / s.records).toFixed(2)} µs CPU per record\n`,
        );
      }
    }
  }
} finally {
  for (let i = 0; i < created.length; i += 50) await admin.deleteTopics({ topics: created.slice(i, i + 50) });
  await admin.disconnect();
  rmSync(dir, { recursive: true, force: true });
}

const loadAfter = loadavg();
const load = `load average (1/5/15 min) before ${loadBefore.map((l) => l.toFixed(2)).join('/')}, after ${loadAfter.map((l) => l.toFixed(2)).join('/')} on ${cpus().length} cores`;
const cpuPerRecord = (c: Candidate, p: Path): number =>
  median(samples.get(`${c}/${p}`)!.map((s) => s.cpuUs / s.records));
const rate = (c: Candidate, p: Path): number =>
  median(samples.get(`${c}/${p}`)!.map((s) => (s.records / s.wallMs) * 1000));
const results = PATHS.flatMap((p) =>
  CANDIDATES.filter((c) => runs(c, p)).map((c) => ({
    metric: `${p}: ${NAMES[c]} CPU per record`,
    value: Math.round(cpuPerRecord(c, p) * 100) / 100,
    unit: 'µs',
    baseline: {
      metric: `${p}: ${NAMES.kafkajs} CPU per record`,
      value: Math.round(cpuPerRecord('kafkajs', p) * 100) / 100,
      unit: 'µs',
    },
    notes: `${Math.round(rate(c, p))} records/s; kafkajs CPU / this CPU = ${(cpuPerRecord('kafkajs', p) / cpuPerRecord(c, p)).toFixed(2)}x; median of ${ROUNDS} rounds x ${records.length} records, client process CPU (process.cpuUsage, every thread); ${load}`,
  })),
);
process.stdout.write(`${load}\n`);
process.stdout.write(`${JSON.stringify({ bench: 'ingest/kafka-clients', results })}\n`);
