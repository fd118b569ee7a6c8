// Replay throughput into the real Kafka: a generated JSONL file read, parsed, validated, deduped,
// encoded and produced (acks=all) through the same IngestCore the CLI uses. Baseline in the same
// run: the same file read and parsed without Kafka. Median of ROUNDS rounds.
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
import {
  IngestCore,
  createIngestProducer,
  ingestConfigShape,
  parseCdr,
  readRecords,
  replay,
} from '@ringfence/cdr';
import { cdrJsonl } from '../test/fixtures.js';

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

const parseRates: number[] = [];
const replayRates: number[] = [];
try {
  // Warm-up: JIT, number cache, broker leaders.
  await replay(
    readRecords(file),
    new IngestCore({ producer, topicPrefix: config.topicPrefix, source: 'replay', config }),
    {
      kind: 'cdr',
    },
  );
  for (let round = 0; round < ROUNDS; round++) {
    let t = process.hrtime.bigint();
    let ok = 0;
    for await (const r of readRecords(file)) if (parseCdr(r.value).ok) ok++;
    parseRates.push(ok / (Number(process.hrtime.bigint() - t) / 1e9));

    const core = new IngestCore({ producer, topicPrefix: config.topicPrefix, source: 'replay', config });
    t = process.hrtime.bigint();
    const stats = await replay(readRecords(file), core, { kind: 'cdr' });
    const secs = Number(process.hrtime.bigint() - t) / 1e9;
    if (stats.accepted !== RECORDS || stats.acknowledged !== RECORDS) {
      throw new Error(`round ${round}: accepted ${stats.accepted}, acknowledged ${stats.acknowledged}`);
    }
    replayRates.push(stats.accepted / secs);
    process.stdout.write(
      `round ${round + 1}: parse-only ${Math.round(parseRates.at(-1)!)} CDR/s, replay ${Math.round(replayRates.at(-1)!)} CDR/s\n`,
    );
  }
} finally {
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

process.stdout.write(
  `${JSON.stringify({
    bench: 'cdr/replay',
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
        notes: `median of ${ROUNDS} rounds x ${RECORDS} CDRs from a JSONL file; batches of ${config.produceBatchSize}, idempotent kafkajs producer (acks=all), real local Kafka; 1-min load average at end ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
      },
    ],
  })}\n`,
);
