import { withRetry, type Logger } from '@ringfence/common';
import type { Kafka, Producer, ProducerBatch } from 'kafkajs';

/** What the ingest core needs from a producer: one multi-topic send, acks=all. */
export interface BatchSender {
  sendBatch(batch: ProducerBatch): Promise<unknown>;
}

/**
 * Broker answers after which an idempotent producer's sequence state is out of step with the
 * broker's for good: kafkajs does not retry them and keeps failing every later send.
 */
export const PRODUCER_FATAL_ERRORS: ReadonlySet<string> = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_EPOCH',
  'INVALID_PRODUCER_ID_MAPPING',
  'PRODUCER_FENCED',
]);

/**
 * The broker error type (`OUT_OF_ORDER_SEQUENCE_NUMBER`, ...) behind `err` when it is one that
 * only a new producer fixes, else undefined. kafkajs wraps the protocol error (in `cause`) when
 * its retrier gives up, so the chain is walked.
 */
export function producerFatalError(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e !== null && typeof e === 'object'; depth++) {
    const type = (e as { type?: unknown }).type;
    if (typeof type === 'string' && PRODUCER_FATAL_ERRORS.has(type)) return type;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export interface IngestProducerOptions {
  /** Makes a fresh (unconnected) kafkajs producer; called once at start and once per recovery. */
  create: () => Producer;
  logger?: Logger | undefined;
  /** Recoveries tried for one batch before its send fails for good. */
  maxRecoveries?: number | undefined;
  /** First pause before resending after a recovery; doubles per attempt, at most 5 s. */
  backoffMs?: number | undefined;
}

/**
 * A kafkajs idempotent producer that heals itself. After a broker bounce or a leader move kafkajs's
 * idempotent producer can meet OUT_OF_ORDER_SEQUENCE_NUMBER (or lose its producer id) and then
 * refuse every later send. On such an error this disconnects it, creates and connects a new one (a
 * new producer id, sequences from 0) and resends the same batch. Part of that batch may already be
 * in Kafka, so records can be duplicated, never lost (consumers dedup by call_id).
 *
 * Sends go to kafkajs one at a time, in call order: kafkajs sends one request per broker at a time
 * for an idempotent producer anyway, and it keeps a failed batch from being overtaken by a later
 * one, so per-key order survives a recovery.
 */
export class IngestProducer implements BatchSender {
  private producer: Producer;
  private readonly create: () => Producer;
  private readonly logger: Logger | undefined;
  private readonly maxRecoveries: number;
  private readonly backoffMs: number;
  private tail: Promise<unknown> = Promise.resolve();
  private closing = false;
  private recoveryCount = 0;

  constructor(options: IngestProducerOptions) {
    this.create = options.create;
    this.logger = options.logger;
    this.maxRecoveries = options.maxRecoveries ?? 8;
    this.backoffMs = options.backoffMs ?? 200;
    this.producer = this.create();
  }

  async connect(): Promise<void> {
    this.closing = false;
    await this.producer.connect();
  }

  /** Waits for queued sends to settle (no more recoveries from here on), then disconnects. */
  async disconnect(): Promise<void> {
    this.closing = true;
    await this.tail.catch(() => undefined);
    await this.producer.disconnect();
  }

  /** How many times the producer was replaced since start. */
  get recoveries(): number {
    return this.recoveryCount;
  }

  sendBatch(batch: ProducerBatch): Promise<void> {
    const run = this.tail.then(() => this.send(batch));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async send(batch: ProducerBatch): Promise<void> {
    await withRetry(
      async () => {
        await this.producer.sendBatch(batch);
      },
      {
        initialMs: this.backoffMs,
        maxMs: 5_000,
        retryable: (err, attempt) =>
          producerFatalError(err) !== undefined && !this.closing && attempt <= this.maxRecoveries,
        onRetry: async (err, attempt) => {
          this.logger?.warn(
            { err, error: producerFatalError(err), attempt },
            'idempotent producer out of step with the broker: replacing it and resending the batch',
          );
          await this.replace();
        },
      },
    );
  }

  private async replace(): Promise<void> {
    const old = this.producer;
    this.producer = this.create();
    this.recoveryCount += 1;
    await old.disconnect().catch(() => undefined);
    await this.producer.connect();
  }
}

/**
 * The producer every ingest path uses: idempotent kafkajs (acks=all; a retried multi-partition
 * request cannot write the partitions that had succeeded twice) with one request in flight, keys
 * partitioned exactly as kafkajs's DefaultPartitioner does with a cheaper hash, replaced and the
 * batch resent when the broker and it fall out of step (see IngestProducer).
 */
export function createIngestProducer(
  kafka: Kafka,
  options: { logger?: Logger; maxRecoveries?: number } = {},
): IngestProducer {
  return new IngestProducer({
    ...options,
    create: () =>
      kafka.producer({
        allowAutoTopicCreation: false,
        idempotent: true,
        maxInFlightRequests: 1,
      }),
  });
}
