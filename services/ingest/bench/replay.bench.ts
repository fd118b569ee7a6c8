// Replay throughput into the real Kafka: a generated JSONL file read, parsed, validated, deduped,
// encoded and produced (acks=all) through the same IngestCore the CLI uses, with the producer on its
// own thread (ThreadedIngestProducer, what `ringfence replay` uses). In the same run, round by round:
// the same file read and parsed without Kafka (baseline), and replayed with the producer on the main
// thread (IngestProducer). Median of ROUNDS rounds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  baseConfigShape,
  createKafka,
  createLogger,
  ensureTopics,
  loadConfig,
  topicName,
} from '@ringfence/common';
import { parseCdr, readRecords } from '@ringfence/cdr';
import {
  IngestCore,
  ThreadedIngestProducer,
  createIngestProducer,
  type BatchSender,
  ingestConfigShape,
  replay,
} from '@ringfence/ingest';
import { stackServerCpuSeconds } from '@ringfence/common/testing';
import { encodeCdr } from '@ringfence/proto';
import { cdrJsonl } from '@ringfence/cdr/testing';

const RECORDS = Number(process.env['BENCH_RECORDS'] ?? 200_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

const config = loadConfig(z.object({ ...baseConfigShape, ...ingestConfigShape }), {
  overrides: { topicPrefix: `bench${randomBytes(3).toString('hex')}.` },
});
const logger = createLogger('bench', 'warn', process.stderr);
const dir = mkdtempSync(join(tmpdir(), 'rf-replay-bench-'));
const file = join(dir, 'cdrs.jsonl');
writeFileSync(file, cdrJsonl(RECORDS));

const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'bench-replay', logger });
const admin = kafka.admin();
await admin.connect();
await ensureTopics(admin, config.topicPrefix);
const producer = createIngestProducer(kafka);
await producer.connect();
const threaded = new ThreadedIngestProducer({
  brokers: config.kafkaBrokers,
  clientId: 'bench-replay-thread',
});
await threaded.connect();

// The client's own ceiling: the same CDRs parsed and encoded before the clock starts, then sent by the
// same producer (idempotent kafkajs, acks=all, one request in flight) in batches of the same size.
const encoded: { key: string; value: Buffer }[] = [];
for await (const r of readRecords(file)) {
  const p = parseCdr(r.value);
  if (!p.ok) continue;
  const calling = p.value.calling!;
  encoded.push({
    key: calling.e164 || calling.raw || '',
    value: encodeCdr(p.value),
  });
}
const producerOnlyRates: number[] = [];
const cpuProducerOnly: number[] = [];
/** The broker's CPU µs per record (NaN when its pid is not ours to read), by what was sending. */
const brokerPerRecord: Record<'threaded' | 'producerOnly', number[]> = { threaded: [], producerOnly: [] };
const brokerMark = (): number => stackServerCpuSeconds('kafka') ?? Number.NaN;

async function producerOnlyRate(): Promise<number> {
  const topic = topicName(config.topicPrefix, 'cdr');
  const cpu = process.cpuUsage();
  const broker = brokerMark();
  const t = process.hrtime.bigint();
  for (let i = 0; i < encoded.length; i += config.produceBatchSize) {
    await producer.sendBatch({
      acks: -1,
      topicMessages: [{ topic, messages: encoded.slice(i, i + config.produceBatchSize) }],
    });
  }
  const used = process.cpuUsage(cpu);
  cpuProducerOnly.push((used.user + used.system) / encoded.length);
  brokerPerRecord.producerOnly.push(((brokerMark() - broker) * 1e6) / encoded.length);
  return encoded.length / (Number(process.hrtime.bigint() - t) / 1e9);
}

const parseRates: number[] = [];
const cpuParseOnly: number[] = [];
const replayRates: number[] = [];
const mainThreadRates: number[] = [];

// CPU of the whole process (every thread) per record: on a busy machine wall-clock rates say little.
const cpuPerRecord: Record<string, number[]> = { threaded: [], main: [] };

async function replayRate(sender: BatchSender, round: number, label?: 'threaded' | 'main'): Promise<number> {
  const core = new IngestCore({
    producer: sender,
    topicPrefix: config.topicPrefix,
    source: 'replay',
    config,
  });
  const cpu = process.cpuUsage();
  const broker = brokerMark();
  const t = process.hrtime.bigint();
  const stats = await replay(readRecords(file), core, { kind: 'cdr' });
  const secs = Number(process.hrtime.bigint() - t) / 1e9;
  const used = process.cpuUsage(cpu);
  if (label !== undefined) cpuPerRecord[label]!.push((used.user + used.system) / RECORDS);
  if (label === 'threaded') brokerPerRecord.threaded.push(((brokerMark() - broker) * 1e6) / RECORDS);
  if (stats.accepted !== RECORDS || stats.acknowledged !== RECORDS) {
    throw new Error(`round ${round}: accepted ${stats.accepted}, acknowledged ${stats.acknowledged}`);
  }
  return stats.accepted / secs;
}

try {
  // Warm-up: JIT, number cache, broker leaders, both producers.
  await replayRate(threaded, -1);
  await replayRate(producer, -1);
  for (let round = 0; round < ROUNDS; round++) {
    const t = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    let ok = 0;
    for await (const r of readRecords(file)) if (parseCdr(r.value).ok) ok++;
    parseRates.push(ok / (Number(process.hrtime.bigint() - t) / 1e9));
    const used = process.cpuUsage(cpu);
    cpuParseOnly.push((used.user + used.system) / ok);
    replayRates.push(await replayRate(threaded, round, 'threaded'));
    mainThreadRates.push(await replayRate(producer, round, 'main'));
    producerOnlyRates.push(await producerOnlyRate());
    process.stdout.write(
      `round ${round + 1}: parse-only ${Math.round(parseRates.at(-1)!)} CDR/s, replay ${Math.round(replayRates.at(-1)!)} CDR/s, ` +
        `replay with the producer on the main thread ${Math.round(mainThreadRates.at(-1)!)} CDR/s, ` +
        `producer alone ${Math.round(producerOnlyRates.at(-1)!)} CDR/s; ` +
        `process CPU per record ${cpuPerRecord['threaded']!.at(-1)!.toFixed(1)} / ${cpuPerRecord['main']!.at(-1)!.toFixed(1)} µs\n`,
    );
  }
} finally {
  await threaded.disconnect();
  await producer.disconnect();
  await admin.deleteTopics({
    topics: (
      [
        'cdr',
        'cdrDlq',
        'cdrRaw',
        'complaints',
        'complaintsRaw',
        'callerRisk',
        'sourceRisk',
        'alerts',
        'feedback',
        'sourceEvents',
      ] as const
    ).map((r) => topicName(config.topicPrefix, r)),
  });
  await admin.disconnect();
  rmSync(dir, { recursive: true, force: true });
}

// What 100k CDR/s would take of this machine, from parts each measured on its own: reading and
// parsing (no encoding), the producer with records encoded beforehand, and the broker behind it.
const parseUs = median(cpuParseOnly);
const producerUs = median(cpuProducerOnly);
const brokerUs = median(brokerPerRecord.producerOnly);
const coresAt100k = ((parseUs + producerUs + brokerUs) * 100_000) / 1e6;

process.stdout.write(
  `${JSON.stringify({
    bench: 'ingest/replay',
    results: [
      {
        metric: 'replay throughput',
        value: Math.round(median(replayRates)),
        unit: 'CDR/s',
        target: '>= 100000',
        baseline: {
          metric: 'read+parse only (no Kafka)',
          value: Math.round(median(parseRates)),
          unit: 'CDR/s',
        },
        notes: `median of ${ROUNDS} rounds x ${RECORDS} CDRs from a JSONL file; batches of ${config.produceBatchSize}, idempotent kafkajs producer (acks=all) on its own thread, real local Kafka; process CPU ${median(cpuPerRecord['threaded']!).toFixed(1)} µs per record (all threads), the broker's ${median(brokerPerRecord.threaded).toFixed(1)} µs; 1-min load average at end ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
      },
      {
        metric: 'replay throughput, producer on the main thread',
        value: Math.round(median(mainThreadRates)),
        unit: 'CDR/s',
        baseline: {
          metric: 'read+parse only (no Kafka)',
          value: Math.round(median(parseRates)),
          unit: 'CDR/s',
        },
        notes: `same rounds, interleaved; IngestProducer (idempotent kafkajs, acks=all) on the thread that parses; process CPU ${median(cpuPerRecord['main']!).toFixed(1)} µs per record`,
      },
      {
        metric: 'producer alone, CDRs parsed and encoded beforehand',
        value: Math.round(median(producerOnlyRates)),
        unit: 'CDR/s',
        target: '>= 100000',
        notes: `same rounds, interleaved: the kafkajs producer replay uses (idempotent, acks=all, one request in flight), batches of ${config.produceBatchSize} awaited one after another, nothing parsed or encoded on the clock: the client's ceiling on this machine; process CPU ${producerUs.toFixed(1)} µs per record, the broker's ${brokerUs.toFixed(1)} µs`,
      },
      {
        metric: 'CPU cores 100k CDR/s takes, from its parts measured alone',
        value: Math.round(coresAt100k * 100) / 100,
        unit: 'cores',
        target: `<= ${cpus().length}`,
        notes: `(read + parse ${parseUs.toFixed(1)} µs + kafkajs producer ${producerUs.toFixed(1)} µs + broker ${brokerUs.toFixed(1)} µs a record) × 100k/s; medians of the same rounds; excludes protobuf encoding and the hand-off between threads, so it is a floor`,
      },
    ],
  })}\n`,
);
