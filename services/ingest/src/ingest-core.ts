import { counter, topicName, type Registry } from '@ringfence/common';
import { cdrv1, encodeCdr, type ICallDetailRecord, type IComplaintEvent } from '@ringfence/proto';
import type { Message, TopicMessages } from 'kafkajs';
import type { IngestConfig } from './ingest-config.js';
import type { BatchSender } from './ingest-producer.js';
import {
  DuplicateFilter,
  parseCdr,
  parseComplaint,
  type ParseOptions,
  type RawRecord,
  reject,
  REJECT_REASON_CODES,
  type RejectReason,
} from '@ringfence/cdr';

export const INGEST_KINDS = ['cdr', 'complaint'] as const;
export type IngestKind = (typeof INGEST_KINDS)[number];
/** Where a record came in; dead letters name it. */
export const INGEST_SOURCES = ['replay', 'http', 'raw-topic'] as const;
export type IngestSource = (typeof INGEST_SOURCES)[number];

/** What happened to one record. */
export interface IngestOutcome {
  readonly status: 'accepted' | 'rejected' | 'duplicate';
  readonly reason?: RejectReason;
  readonly message?: string;
}

/** Running totals since the core started. */
export interface IngestStats {
  accepted: number;
  duplicates: number;
  rejected: number;
  rejectedByReason: Partial<Record<RejectReason, number>>;
  /** Messages (good and dead-lettered) the broker has acknowledged. */
  acknowledged: number;
}

export interface IngestCoreOptions {
  /**
   * A connected producer (`createIngestProducer`, which recovers from a broken idempotent state by
   * itself, or a kafkajs Producer); the core never connects or disconnects it.
   */
  producer: BatchSender;
  topicPrefix: string;
  source: IngestSource;
  config: Readonly<IngestConfig>;
  /** Prometheus registry for the counters; none when omitted. */
  registry?: Registry;
  /** Wall clock for ingest_time_ms and DeadLetter.time_ms. */
  now?: () => number;
}

const MAX_BATCH_BYTES = 900 * 1024;

const ACCEPTED: IngestOutcome = Object.freeze({ status: 'accepted' });
const DUPLICATE: IngestOutcome = Object.freeze({ status: 'duplicate' });

interface Counts {
  accepted: number;
  duplicates: number;
  rejected: Map<RejectReason, number>;
}

/**
 * The one path every way into Ringfence shares: parse and validate a raw record, drop duplicates,
 * produce good ones to cdr.v1 / complaints.v1 (protobuf, keyed by E.164 or raw number) and bad
 * ones to cdr.dlq.v1 as DeadLetter. Records are batched (by size or linger age) into multi-topic
 * produce requests with a capped number in flight; `saturated` / `waitForCapacity` expose
 * backpressure and `flush` resolves once everything handed in so far is acknowledged.
 */
export class IngestCore {
  private readonly producer: BatchSender;
  private readonly source: IngestSource;
  private readonly config: Readonly<IngestConfig>;
  private readonly parseOptions: ParseOptions;
  private readonly now: () => number;
  private readonly topics: { cdr: string; complaint: string; dlq: string };
  private readonly dedup: Record<IngestKind, DuplicateFilter>;

  // A queue read from `pendingHead`: slicing the taken batch off the front would copy the rest.
  private pending: { topic: string; message: Message; bytes: number }[] = [];
  private pendingHead = 0;
  private pendingCount = 0;
  private pendingBytes = 0;
  private inFlight = 0;
  private inFlightMessages = 0;
  private lingerTimer: NodeJS.Timeout | undefined;
  private failure: Error | undefined;
  private waiters: (() => void)[] = [];
  private readonly sends = new Set<Promise<void>>();
  // Sequence numbers let `sync` wait for exactly the messages queued before it, under ongoing load.
  private enqueued = 0;
  private dispatched = 0;
  private readonly inFlightStarts = new Set<number>();
  private syncWaiters: { target: number; resolve: () => void; reject: (err: Error) => void }[] = [];

  private readonly totals: IngestStats = {
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    rejectedByReason: {},
    acknowledged: 0,
  };
  // Per-record Prometheus updates cost label hashing; counts are folded in once per batch instead.
  private readonly unreported: Record<IngestKind, Counts> = {
    cdr: { accepted: 0, duplicates: 0, rejected: new Map() },
    complaint: { accepted: 0, duplicates: 0, rejected: new Map() },
  };
  private readonly metrics:
    | {
        records: ReturnType<typeof counter<'kind' | 'source' | 'status'>>;
        rejected: ReturnType<typeof counter<'kind' | 'source' | 'reason'>>;
        acknowledged: ReturnType<typeof counter<'source'>>;
      }
    | undefined;

  constructor(options: IngestCoreOptions) {
    this.producer = options.producer;
    this.source = options.source;
    this.config = options.config;
    this.now = options.now ?? Date.now;
    this.parseOptions = {
      region: options.config.defaultRegion,
      maxFieldLength: options.config.maxFieldLength,
      maxCallDurationMs: options.config.maxCallDurationMs,
    };
    this.topics = {
      cdr: topicName(options.topicPrefix, 'cdr'),
      complaint: topicName(options.topicPrefix, 'complaints'),
      dlq: topicName(options.topicPrefix, 'cdrDlq'),
    };
    const filter = { windowMs: options.config.dedupWindowMs, maxEntries: options.config.dedupMaxEntries };
    this.dedup = { cdr: new DuplicateFilter(filter), complaint: new DuplicateFilter(filter) };
    if (options.registry !== undefined) {
      const r = options.registry;
      this.metrics = {
        records: counter(r, 'ringfence_ingest_records_total', 'Records ingested, by outcome', [
          'kind',
          'source',
          'status',
        ]),
        rejected: counter(r, 'ringfence_ingest_rejected_total', 'Records rejected to the DLQ, by reason', [
          'kind',
          'source',
          'reason',
        ]),
        acknowledged: counter(r, 'ringfence_ingest_produced_total', 'Messages acknowledged by Kafka', [
          'source',
        ]),
      };
      // Zero series for every reason so dashboards and alerts see them before the first rejection.
      for (const kind of INGEST_KINDS) {
        for (const reason of REJECT_REASON_CODES)
          this.metrics.rejected.inc({ kind, source: this.source, reason }, 0);
      }
    }
  }

  /**
   * Ingests one record (from a reader or splitter, or `{ raw, value }` built by the caller) and says
   * what happened. Synchronous: the record is queued for produce; call `waitForCapacity` between
   * records (or check `saturated`) to honour backpressure.
   */
  ingest(kind: IngestKind, record: Pick<RawRecord, 'raw' | 'value' | 'error'>): IngestOutcome {
    if (this.failure !== undefined) throw this.failure;
    const counts = this.unreported[kind];
    let outcome: IngestOutcome;
    if (record.error !== undefined) {
      outcome = this.deadLetter(kind, record.raw, record.error.reason, record.error.message);
    } else if (record.raw.length > this.config.maxRecordBytes) {
      const r = reject(
        'OVERSIZED_RECORD',
        `record is ${record.raw.length} bytes, more than ${this.config.maxRecordBytes}`,
      );
      outcome = this.deadLetter(
        kind,
        record.raw.subarray(0, this.config.maxRecordBytes),
        r.reason,
        r.message,
      );
    } else if (kind === 'cdr') {
      const parsed = parseCdr(record.value, this.parseOptions);
      if (!parsed.ok) outcome = this.deadLetter(kind, record.raw, parsed.reason, parsed.message);
      else outcome = this.acceptCdr(parsed.value);
    } else {
      const parsed = parseComplaint(record.value, this.parseOptions);
      if (!parsed.ok) outcome = this.deadLetter(kind, record.raw, parsed.reason, parsed.message);
      else outcome = this.acceptComplaint(parsed.value);
    }
    if (outcome.status === 'accepted') counts.accepted += 1;
    else if (outcome.status === 'duplicate') counts.duplicates += 1;
    else counts.rejected.set(outcome.reason!, (counts.rejected.get(outcome.reason!) ?? 0) + 1);
    return outcome;
  }

  /** True while the produce queue is full; callers should wait (or answer 429). */
  get saturated(): boolean {
    return this.pendingCount + this.inFlightMessages >= this.config.produceMaxQueued;
  }

  /** Resolves when the queue has room again; rejects if producing failed. */
  async waitForCapacity(): Promise<void> {
    while (this.saturated) {
      if (this.failure !== undefined) throw this.failure;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    if (this.failure !== undefined) throw this.failure;
  }

  /** Sends everything queued and resolves once the broker acknowledged all of it. */
  async flush(): Promise<void> {
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      if (this.pendingCount > 0 && this.inFlight < this.config.produceMaxInFlight) {
        this.dispatch(true);
        continue;
      }
      if (this.sends.size === 0) break;
      await Promise.race(this.sends);
    }
    this.report();
  }

  /**
   * Resolves once every message queued before the call is acknowledged by the broker (later ones
   * need not be): what an HTTP response or an offset commit waits for. Rejects if producing failed.
   */
  sync(): Promise<void> {
    const target = this.enqueued;
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.acknowledgedUpTo() >= target) return Promise.resolve();
    return new Promise<void>((resolve, reject) => this.syncWaiters.push({ target, resolve, reject }));
  }

  /** Totals so far (a snapshot). */
  stats(): IngestStats {
    this.report();
    return { ...this.totals, rejectedByReason: { ...this.totals.rejectedByReason } };
  }

  /** True once a produce request failed for good; the core refuses further records. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Current produce queue depth (pending plus in flight), for gauges. */
  get queued(): number {
    return this.pendingCount + this.inFlightMessages;
  }

  private acceptCdr(cdr: ICallDetailRecord): IngestOutcome {
    if (this.dedup.cdr.isDuplicate(cdr.callId!, cdr.setupTimeMs as number)) return DUPLICATE;
    cdr.ingestTimeMs = this.now();
    const calling = cdr.calling!;
    this.enqueue(this.topics.cdr, {
      key: calling.e164 !== '' ? calling.e164 : calling.raw,
      value: encodeCdr(cdr),
    });
    return ACCEPTED;
  }

  private acceptComplaint(c: IComplaintEvent): IngestOutcome {
    if (this.dedup.complaint.isDuplicate(c.complaintId!, c.timeMs as number)) return DUPLICATE;
    c.ingestTimeMs = this.now();
    const reported = c.reported!;
    this.enqueue(this.topics.complaint, {
      key: reported.e164 !== '' ? reported.e164 : reported.raw,
      value: cdrv1.ComplaintEvent.encode(c).finish() as Buffer,
    });
    return ACCEPTED;
  }

  private deadLetter(
    kind: IngestKind,
    original: Buffer,
    reason: RejectReason,
    message: string,
  ): IngestOutcome {
    this.enqueue(this.topics.dlq, {
      key: null,
      value: cdrv1.DeadLetter.encode({
        original,
        reason,
        message,
        source: this.source,
        timeMs: this.now(),
        kind,
      }).finish() as Buffer,
    });
    return { status: 'rejected', reason, message };
  }

  private enqueue(topic: string, message: Message): void {
    const bytes = (message.value as Buffer).length + 64;
    this.pending.push({ topic, message, bytes });
    this.enqueued += 1;
    this.pendingCount += 1;
    this.pendingBytes += bytes;
    if (this.batchReady()) {
      if (this.inFlight < this.config.produceMaxInFlight) this.dispatch(false);
    } else if (this.lingerTimer === undefined) {
      this.armLinger();
    }
  }

  private batchReady(): boolean {
    return this.pendingCount >= this.config.produceBatchSize || this.pendingBytes >= MAX_BATCH_BYTES;
  }

  private armLinger(): void {
    this.lingerTimer = setTimeout(() => {
      this.lingerTimer = undefined;
      if (this.inFlight < this.config.produceMaxInFlight) this.dispatch(true);
    }, this.config.produceLingerMs);
  }

  /** Takes up to one batch from the pending messages and sends it. */
  private dispatch(partial: boolean): void {
    if (this.pendingCount === 0 || (!partial && !this.batchReady())) return;
    if (this.lingerTimer !== undefined) {
      clearTimeout(this.lingerTimer);
      this.lingerTimer = undefined;
    }
    const byTopic = new Map<string, Message[]>();
    let count = 0;
    let bytes = 0;
    const head = this.pendingHead;
    const limit = Math.min(this.config.produceBatchSize, this.pending.length - head);
    // Broker's default message.max.bytes is 1 MiB per partition batch: cap each request well below.
    while (count < limit && (count === 0 || bytes + this.pending[head + count]!.bytes <= MAX_BATCH_BYTES)) {
      const p = this.pending[head + count]!;
      let list = byTopic.get(p.topic);
      if (list === undefined) {
        list = [];
        byTopic.set(p.topic, list);
      }
      list.push(p.message);
      bytes += p.bytes;
      count += 1;
    }
    this.pendingHead += count;
    if (this.pendingHead === this.pending.length) {
      this.pending = [];
      this.pendingHead = 0;
    } else if (this.pendingHead >= 4096 && this.pendingHead * 2 >= this.pending.length) {
      this.pending = this.pending.slice(this.pendingHead);
      this.pendingHead = 0;
    }
    const topicMessages: TopicMessages[] = [];
    for (const [topic, messages] of byTopic) topicMessages.push({ topic, messages });
    this.pendingCount -= count;
    this.pendingBytes -= bytes;
    const start = this.dispatched;
    this.dispatched += count;
    this.inFlightStarts.add(start);
    this.inFlight += 1;
    this.inFlightMessages += count;
    this.report();
    const send: Promise<void> = this.producer.sendBatch({ topicMessages, acks: -1 }).then(
      () => {
        this.inFlight -= 1;
        this.inFlightMessages -= count;
        this.totals.acknowledged += count;
        this.metrics?.acknowledged.inc({ source: this.source }, count);
        this.sends.delete(send);
        this.inFlightStarts.delete(start);
        this.settleSyncs();
        // Keep the pipe full: a completed request makes room for the next full batch.
        while (this.inFlight < this.config.produceMaxInFlight && this.batchReady()) this.dispatch(false);
        if (this.pendingCount > 0 && this.lingerTimer === undefined) this.armLinger();
        this.wake();
      },
      (err: unknown) => {
        this.inFlight -= 1;
        this.inFlightMessages -= count;
        this.sends.delete(send);
        this.inFlightStarts.delete(start);
        this.failure ??= err instanceof Error ? err : new Error(String(err));
        this.wake();
        this.settleSyncs();
      },
    );
    this.sends.add(send);
  }

  /** Every message with a sequence number below this is acknowledged. */
  private acknowledgedUpTo(): number {
    let low = this.dispatched;
    for (const start of this.inFlightStarts) if (start < low) low = start;
    return low;
  }

  private settleSyncs(): void {
    if (this.syncWaiters.length === 0) return;
    if (this.failure !== undefined) {
      const failed = this.syncWaiters;
      this.syncWaiters = [];
      for (const w of failed) w.reject(this.failure);
      return;
    }
    const upTo = this.acknowledgedUpTo();
    const still: typeof this.syncWaiters = [];
    for (const w of this.syncWaiters) {
      if (w.target <= upTo) w.resolve();
      else still.push(w);
    }
    this.syncWaiters = still;
  }

  private wake(): void {
    if (this.saturated && this.failure === undefined) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private report(): void {
    for (const kind of INGEST_KINDS) {
      const c = this.unreported[kind];
      if (c.accepted > 0) {
        this.totals.accepted += c.accepted;
        this.metrics?.records.inc({ kind, source: this.source, status: 'accepted' }, c.accepted);
        c.accepted = 0;
      }
      if (c.duplicates > 0) {
        this.totals.duplicates += c.duplicates;
        this.metrics?.records.inc({ kind, source: this.source, status: 'duplicate' }, c.duplicates);
        c.duplicates = 0;
      }
      for (const [reason, n] of c.rejected) {
        this.totals.rejected += n;
        this.totals.rejectedByReason[reason] = (this.totals.rejectedByReason[reason] ?? 0) + n;
        this.metrics?.records.inc({ kind, source: this.source, status: 'rejected' }, n);
        this.metrics?.rejected.inc({ kind, source: this.source, reason }, n);
      }
      c.rejected.clear();
    }
  }
}
