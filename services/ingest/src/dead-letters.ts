import type { Admin } from 'kafkajs';
import { readToEnd, topicName, type Logger, type ReadToEndOptions } from '@ringfence/common';
import type { RejectReason } from '@ringfence/cdr';
import { cdrv1, type DeadLetter } from '@ringfence/proto';
import type { IngestKind, IngestSource } from './ingest-core.js';

/** Which dead letters to hand over; a field left out matches every one. */
export interface DeadLetterFilter {
  /** Rejected at or after this time (epoch ms). */
  sinceMs?: number;
  /** Rejected before this time (epoch ms). */
  untilMs?: number;
  reason?: RejectReason;
  source?: IngestSource;
  kind?: IngestKind;
}

/** One record on cdr.dlq.v1: what was received, why it was refused, and where it sits. */
export interface DeadLetterRecord {
  partition: number;
  offset: string;
  /** When ingest refused it (epoch ms). */
  timeMs: number;
  source: string;
  kind: string;
  reason: string;
  message: string;
  /** The record as received (an oversized one cut at MAX_RECORD_BYTES). */
  original: Buffer;
}

export interface DeadLetterCounts {
  /** Records read from the topic. */
  read: number;
  /** Of those, the dead letters the filter matched. */
  matched: number;
  /** Records that are not a DeadLetter (written by something other than ingest): skipped. */
  undecodable: number;
}

/**
 * Reads cdr.dlq.v1 up to the end it has now and hands every dead letter `filter` matches to
 * `onLetter`, in offset order per partition. With `sinceMs`, each partition is read from the first
 * record the broker's time index puts at or after that time, not from its start.
 */
export async function readDeadLetters(
  admin: Admin,
  topicPrefix: string,
  filter: DeadLetterFilter,
  onLetter: (letter: DeadLetterRecord) => void,
  options: {
    logger: Logger;
    /** Awaited between fetches: a reader writing somewhere slower waits here for it to drain. */
    afterFetch?: ReadToEndOptions['afterFetch'];
  },
): Promise<DeadLetterCounts> {
  const { logger, afterFetch } = options;
  const topic = topicName(topicPrefix, 'cdrDlq');
  const from =
    filter.sinceMs === undefined
      ? undefined
      : new Map(
          (await admin.fetchTopicOffsetsByTimestamp(topic, filter.sinceMs)).map((p) => [
            p.partition,
            Number(p.offset),
          ]),
        );
  const counts: DeadLetterCounts = { read: 0, matched: 0, undecodable: 0 };
  await readToEnd(
    admin,
    topic,
    (partition, m) => {
      counts.read++;
      let d: DeadLetter;
      try {
        d = cdrv1.DeadLetter.decode(m.value ?? Buffer.alloc(0));
      } catch {
        counts.undecodable++;
        return;
      }
      const timeMs = Number(d.timeMs);
      if (filter.sinceMs !== undefined && timeMs < filter.sinceMs) return;
      if (filter.untilMs !== undefined && timeMs >= filter.untilMs) return;
      if (filter.reason !== undefined && d.reason !== filter.reason) return;
      if (filter.source !== undefined && d.source !== filter.source) return;
      if (filter.kind !== undefined && d.kind !== filter.kind) return;
      counts.matched++;
      onLetter({
        partition,
        offset: m.offset,
        timeMs,
        source: d.source,
        kind: d.kind,
        reason: d.reason,
        message: d.message,
        original: Buffer.from(d.original),
      });
    },
    { from, afterFetch },
    logger,
  );
  return counts;
}
