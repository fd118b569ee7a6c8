import { Worker } from 'node:worker_threads';
import type { ProducerBatch } from 'kafkajs';
import { packBatch } from './batch-packing.js';
import type { BatchSender } from './ingest-producer.js';

/** Settings the producer thread needs (a kafkajs client cannot cross threads). */
export interface ThreadInit {
  brokers: string[];
  clientId: string;
  logLevel: string;
  maxRecoveries?: number | undefined;
}

/** @internal Main thread → producer thread. */
export type ThreadRequest = { op: 'send'; id: number; buffer: ArrayBuffer } | { op: 'close' };

/** @internal Producer thread → main thread. */
export type ThreadReply =
  | { op: 'ready' }
  | { op: 'closed' }
  | { op: 'done'; id: number; recoveries: number }
  | { op: 'failed'; id: number; name: string; message: string; type?: string };

export interface ThreadedIngestProducerOptions {
  brokers: readonly string[];
  clientId?: string;
  /** Level of the producer thread's logs (to stderr). */
  logLevel?: string;
  maxRecoveries?: number;
}

/**
 * The ingest producer (idempotent kafkajs, acks=all, self-recovering: see IngestProducer) run on its
 * own thread. kafkajs spends about as much CPU per message encoding a produce request as parsing
 * and validating the CDR costs, so on a multi-core machine this lets the two overlap: the calling
 * thread packs each batch into one transferred buffer and goes on parsing. Batches are sent in call
 * order, one at a time, exactly as with IngestProducer.
 */
export class ThreadedIngestProducer implements BatchSender {
  private readonly init: ThreadInit;
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
  private readonly inFlight = new Set<Promise<void>>();
  private recoveryCount = 0;
  private closed: (() => void) | undefined;
  private dead: Error | undefined;

  constructor(options: ThreadedIngestProducerOptions) {
    this.init = {
      brokers: [...options.brokers],
      clientId: options.clientId ?? 'ringfence-ingest',
      logLevel: options.logLevel ?? 'warn',
      maxRecoveries: options.maxRecoveries,
    };
  }

  /** Starts the thread and resolves once its producer is connected. */
  async connect(): Promise<void> {
    if (this.worker !== undefined) return;
    const worker = new Worker(new URL('./producer-thread.js', import.meta.url), { workerData: this.init });
    this.worker = worker;
    try {
      await new Promise<void>((resolve, reject) => {
        const onReady = (msg: ThreadReply): void => {
          if (msg.op === 'ready') resolve();
          else if (msg.op === 'failed') reject(toError(msg));
          worker.off('message', onReady);
          worker.on('message', (m: ThreadReply) => this.onReply(m));
        };
        worker.on('message', onReady);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`producer thread exited (code ${code})`)));
      });
    } catch (err) {
      // A thread left running would keep the process alive.
      await worker.terminate();
      this.worker = undefined;
      throw err;
    }
    // A thread may throw anything, not only an Error (@types/node 24 types it as any).
    worker.on('error', (err: unknown) => this.die(err instanceof Error ? err : new Error(String(err))));
    worker.on('exit', (code) => {
      if (this.closed === undefined) this.die(new Error(`producer thread exited (code ${code})`));
    });
  }

  /** Waits for every batch handed in to settle, disconnects the producer and stops the thread. */
  async disconnect(): Promise<void> {
    const worker = this.worker;
    if (worker === undefined) return;
    await Promise.allSettled(this.inFlight);
    await new Promise<void>((resolve) => {
      this.closed = resolve;
      worker.postMessage({ op: 'close' } satisfies ThreadRequest);
    });
    await worker.terminate();
    this.worker = undefined;
  }

  /** How many times the producer thread replaced its kafkajs producer (last reported). */
  get recoveries(): number {
    return this.recoveryCount;
  }

  sendBatch(batch: ProducerBatch): Promise<void> {
    if (this.dead !== undefined) return Promise.reject(this.dead);
    const worker = this.worker;
    if (worker === undefined) return Promise.reject(new Error('the producer thread is not connected'));
    const packed = packBatch(batch.topicMessages ?? []);
    const id = this.nextId++;
    const sent = new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // allocUnsafeSlow gives the Buffer its own ArrayBuffer, so it can be transferred whole.
      const buffer = packed.buffer as ArrayBuffer;
      worker.postMessage({ op: 'send', id, buffer } satisfies ThreadRequest, [buffer]);
    });
    this.inFlight.add(sent);
    const forget = (): void => {
      this.inFlight.delete(sent);
    };
    sent.then(forget, forget);
    return sent;
  }

  private onReply(msg: ThreadReply): void {
    if (msg.op === 'closed') {
      this.closed?.();
      return;
    }
    if (msg.op === 'ready') return;
    const p = this.pending.get(msg.id);
    if (p === undefined) return;
    this.pending.delete(msg.id);
    if (msg.op === 'done') {
      this.recoveryCount = msg.recoveries;
      p.resolve();
    } else {
      p.reject(toError(msg));
    }
  }

  private die(err: Error): void {
    this.dead ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.closed?.();
  }
}

function toError(msg: ThreadReply & { op: 'failed' }): Error {
  const err = new Error(msg.message);
  err.name = msg.name;
  if (msg.type !== undefined) Object.assign(err, { type: msg.type });
  return err;
}
