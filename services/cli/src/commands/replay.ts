import { type Command } from 'commander';
import { z } from 'zod';
import {
  RingfenceError,
  baseConfigShape,
  createKafka,
  createLogger,
  ensureTopics,
  loadConfig,
  topicSettings,
} from '@ringfence/common';
import { readRecords } from '@ringfence/cdr';
import {
  IngestCore,
  ThreadedIngestProducer,
  ingestConfigShape,
  replay,
  type IngestStats,
} from '@ringfence/ingest';
import { print } from '../output.js';

const replayConfig = z.object({ ...baseConfigShape, ...ingestConfigShape });

interface ReplayFlags {
  complaints?: boolean;
  speed: string;
  format: 'auto' | 'jsonl' | 'csv';
}

function parseSpeed(s: string): number | undefined {
  if (s === 'max') return undefined;
  const x = Number(s.replace(/x$/, ''));
  if (!Number.isFinite(x) || x <= 0) {
    throw new RingfenceError(
      'INVALID_ARGUMENT',
      `--speed ${s}: expected a positive multiple of real time or "max"`,
    );
  }
  return x;
}

function summary(stats: IngestStats & { read: number }): string[] {
  const lines = [
    `read ${stats.read}`,
    `accepted ${stats.accepted}`,
    `duplicates ${stats.duplicates}`,
    `rejected ${stats.rejected}`,
  ];
  const reasons = Object.entries(stats.rejectedByReason).sort((a, b) => b[1] - a[1]);
  for (const [reason, n] of reasons) lines.push(`  ${reason} ${n}`);
  return lines;
}

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description(
      'ingest a CDR (or complaint) file into Kafka: JSONL or CSV, gzip ok, "-" for stdin; bad records go to the DLQ',
    )
    .argument('<file>', 'input file, or - for stdin')
    .option('--complaints', 'the input holds complaints, not CDRs')
    .option('--speed <x|max>', 'multiple of real time by event time, or max', 'max')
    .option('--format <auto|jsonl|csv>', 'input format (default: by extension, then content)', 'auto')
    .action(async (file: string, flags: ReplayFlags) => {
      const speed = parseSpeed(flags.speed);
      if (!['auto', 'jsonl', 'csv'].includes(flags.format)) {
        throw new RingfenceError('INVALID_ARGUMENT', `--format ${flags.format}: expected auto, jsonl or csv`);
      }
      const config = loadConfig(replayConfig);
      const logger = createLogger('replay', config.logLevel, process.stderr);
      const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'ringfence-replay', logger });
      const admin = kafka.admin();
      await admin.connect();
      await ensureTopics(admin, config.topicPrefix, topicSettings(config));
      await admin.disconnect();
      const producer = new ThreadedIngestProducer({
        brokers: config.kafkaBrokers,
        logLevel: config.logLevel,
      });
      await producer.connect();
      try {
        const core = new IngestCore({ producer, topicPrefix: config.topicPrefix, source: 'replay', config });
        const started = Date.now();
        const stats = await replay(
          readRecords(file, { format: flags.format, maxRecordBytes: config.maxRecordBytes }),
          core,
          {
            kind: flags.complaints === true ? 'complaint' : 'cdr',
            speed,
            progressEveryMs: 5_000,
            onProgress: (read, s) => {
              const secs = (Date.now() - started) / 1000;
              process.stderr.write(
                `replay: ${read} read, ${s.accepted} accepted, ${s.rejected} rejected, ${s.duplicates} duplicates, ` +
                  `${Math.round(read / secs)}/s\n`,
              );
            },
          },
        );
        for (const line of summary(stats)) print(line);
      } finally {
        await producer.disconnect();
      }
    });
}
