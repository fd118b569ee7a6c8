import { createWriteStream, openSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { REJECT_REASON_CODES, parseTime, type RejectReason } from '@ringfence/cdr';
import { RingfenceError, baseConfigShape, createKafka, createLogger, loadConfig } from '@ringfence/common';
import {
  INGEST_KINDS,
  INGEST_SOURCES,
  readDeadLetters,
  type DeadLetterCounts,
  type DeadLetterFilter,
  type DeadLetterRecord,
  type IngestKind,
  type IngestSource,
} from '@ringfence/ingest';
import { print } from '../output.js';

const dlqConfig = z.object(baseConfigShape);

/** How much of a record `dlq list` shows: enough to see what is wrong with it. */
const SHOWN_BYTES = 2_000;

interface FilterFlags {
  since?: string;
  until?: string;
  reason?: RejectReason;
  source?: IngestSource;
  kind?: IngestKind;
}

function timeFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseTime(value);
  if (Number.isNaN(ms)) {
    throw new RingfenceError(
      'INVALID_ARGUMENT',
      `${flag} ${value}: expected epoch milliseconds or ISO-8601 with an offset (2026-12-06T09:00:00+08:00)`,
    );
  }
  return ms;
}

function filterOf(flags: FilterFlags): DeadLetterFilter {
  const sinceMs = timeFlag('--since', flags.since);
  const untilMs = timeFlag('--until', flags.until);
  return {
    ...(sinceMs === undefined ? {} : { sinceMs }),
    ...(untilMs === undefined ? {} : { untilMs }),
    ...(flags.reason === undefined ? {} : { reason: flags.reason }),
    ...(flags.source === undefined ? {} : { source: flags.source }),
    ...(flags.kind === undefined ? {} : { kind: flags.kind }),
  };
}

/** Reads the dead letters the flags select, on the configured cluster and prefix. */
async function eachDeadLetter(
  flags: FilterFlags,
  onLetter: (letter: DeadLetterRecord) => void,
  out: Writable = process.stdout,
): Promise<DeadLetterCounts> {
  const filter = filterOf(flags);
  const config = loadConfig(dlqConfig);
  const logger = createLogger('dlq', config.logLevel, process.stderr);
  const admin = createKafka({ brokers: config.kafkaBrokers, clientId: 'ringfence-dlq', logger }).admin();
  await admin.connect();
  try {
    // What is written waits for the reader (a pipe, a slow disk) between fetches: at most one
    // fetch's records are held, however large the topic.
    return await readDeadLetters(admin, config.topicPrefix, filter, onLetter, {
      logger,
      afterFetch: () => (out.writableNeedDrain ? once(out, 'drain').then(() => undefined) : undefined),
    });
  } finally {
    await admin.disconnect();
  }
}

function withFilters(cmd: Command): Command {
  return cmd
    .option('--since <time>', 'rejected at or after (epoch ms or ISO-8601 with an offset)')
    .option('--until <time>', 'rejected before')
    .addOption(new Option('--reason <code>', 'reject reason').choices(REJECT_REASON_CODES))
    .addOption(new Option('--source <source>', 'where it came in').choices(INGEST_SOURCES))
    .addOption(new Option('--kind <kind>', 'what it claimed to be').choices(INGEST_KINDS));
}

/** The counts on stderr, by reason: stdout stays the records alone. */
function summary(counts: DeadLetterCounts, byReason: Map<string, number>, what: string): string {
  const reasons = [...byReason].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`);
  const skipped = counts.undecodable > 0 ? `; ${counts.undecodable} records were not dead letters` : '';
  return `dlq: ${counts.matched} ${what} of ${counts.read} read${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''}${skipped}\n`;
}

/**
 * A record on one line, as `ringfence replay` reads them: a JSON object compacted (a record sent to
 * the HTTP API may span lines), anything else (a CSV row, bytes that never parsed) as received.
 */
function asLine(original: Buffer): string {
  const text = original.toString('utf8');
  if (!text.includes('\n')) return text;
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text.replaceAll(/\r?\n/g, ' ');
  }
}

export function registerDlq(program: Command): void {
  const dlq = program
    .command('dlq')
    .description(
      'the dead-letter topic (cdr.dlq.v1): records ingest refused, each with its reason (KAFKA_BROKERS, TOPIC_PREFIX)',
    );
  withFilters(
    dlq
      .command('list')
      .description(
        'one JSON line per dead letter: when, where from, reason, message and the record (its first 2,000 bytes)',
      ),
  )
    .option('--limit <n>', 'print at most this many (all are still counted)', '100')
    .action(async (flags: FilterFlags & { limit: string }) => {
      const limit = Number(flags.limit);
      if (!Number.isSafeInteger(limit) || limit < 0) {
        throw new RingfenceError('INVALID_ARGUMENT', `--limit ${flags.limit}: expected a whole number ≥ 0`);
      }
      const byReason = new Map<string, number>();
      let shown = 0;
      const counts = await eachDeadLetter(flags, (d) => {
        byReason.set(d.reason, (byReason.get(d.reason) ?? 0) + 1);
        if (shown++ >= limit) return;
        print(
          JSON.stringify({
            time: new Date(d.timeMs).toISOString(),
            source: d.source,
            kind: d.kind,
            reason: d.reason,
            message: d.message,
            partition: d.partition,
            offset: d.offset,
            record: d.original.subarray(0, SHOWN_BYTES).toString('utf8'),
            ...(d.original.length > SHOWN_BYTES ? { recordBytes: d.original.length } : {}),
          }),
        );
      });
      process.stderr.write(summary(counts, byReason, 'dead letters matched'));
    });
  withFilters(
    dlq
      .command('export')
      .description(
        'write the refused records as received, one per line, to fix and feed back with `ringfence replay` ' +
          '(CSV rows come without their header: put it back first)',
      )
      .argument('<file>', 'output file, or - for stdout'),
  ).action(async (file: string, flags: FilterFlags) => {
    // Opened before reading: a path that cannot be written fails here, with its reason, not midway.
    const out = file === '-' ? process.stdout : createWriteStream('', { fd: openSync(file, 'w') });
    const byReason = new Map<string, number>();
    let cut = 0;
    const counts = await eachDeadLetter(
      flags,
      (d) => {
        byReason.set(d.reason, (byReason.get(d.reason) ?? 0) + 1);
        if (d.reason === 'OVERSIZED_RECORD') cut++;
        out.write(`${asLine(d.original)}\n`);
      },
      out,
    );
    if (out !== process.stdout) {
      out.end();
      await finished(out);
    }
    process.stderr.write(summary(counts, byReason, 'records written'));
    if (cut > 0) {
      process.stderr.write(
        `dlq: ${cut} of them are cut at MAX_RECORD_BYTES (OVERSIZED_RECORD): they cannot be replayed as they are\n`,
      );
    }
  });
}
