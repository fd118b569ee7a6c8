import type { Admin, Kafka, Producer } from 'kafkajs';
import { RingfenceError } from '@ringfence/common';
import { subjectKey, type EngineSink } from '@ringfence/engine';
import { encodeAlert, encodeVerdict } from './codec.js';
import type { ScorerConfig } from './config.js';
import { OutputBuffer } from './output-buffer.js';
import type { ScorerMetrics } from './scorer-metrics.js';
import type { ScorerTopics } from './scorer-topics.js';
import { SnapshotSchedule } from './snapshot-schedule.js';
import { TaskSnapshots, type InputOffset, type StoredSnapshot } from './task-snapshots.js';
import { TransactionalWriter } from './transactional-writer.js';

/** What every task of one scorer instance shares. */
export interface TaskContext {
  readonly kafka: Kafka;
  readonly admin: Admin;
  readonly config: ScorerConfig;
  readonly topics: ScorerTopics;
  readonly metrics: ScorerMetrics;
  /** cdr.v1's partition count (and so of the topics co-partitioned with it). */
  readonly numberPartitions: number;
  /** scorer.source-events.v1's partition count. */
  readonly sourcePartitions: number;
}

export function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

/**
 * One partition's worth of the scorer (a number stage `n<p>` or a source stage `s<p>`): its state,
 * the input positions that state reflects, and its own transactional producer. The transactional id
 * is the task's (`<group>.<task>`), so the instance that takes a task over fences its previous
 * owner for that task alone: the old owner can no longer publish for it, commit its offsets or
 * overwrite its snapshot, and whatever it left open is aborted.
 */
export abstract class ScorerTask {
  readonly positions = new Map<string, InputOffset>();
  readonly out: OutputBuffer;
  /** Records applied since the last final (exact) flush. */
  dirty = false;
  /** When the next snapshot is due. */
  readonly schedule: SnapshotSchedule;
  /** A snapshot of this task exists (restored or written): a crash no longer replays it from the start. */
  checkpointed = false;
  /** When the first output not yet committed was emitted; undefined while there is none. */
  private heldSince: number | undefined;
  protected readonly producer: Producer;
  protected readonly writer: TransactionalWriter;
  private readonly snapshots: TaskSnapshots;

  constructor(
    protected readonly ctx: TaskContext,
    readonly name: string,
    /** The consumer group whose offsets this task commits. */
    private readonly groupId: string,
  ) {
    this.producer = ctx.kafka.producer({
      transactionalId: `${ctx.config.groupId}.${name}`,
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // The broker answers CONCURRENT_TRANSACTIONS to the next transaction's first write while the
      // previous commit's markers are still being written (milliseconds): retry soon, not after the
      // client-wide 200 ms, or every commit would cost a fifth of a second.
      retry: { initialRetryTime: 5, maxRetryTime: 5_000, retries: Number.MAX_SAFE_INTEGER },
    });
    this.writer = new TransactionalWriter(this.producer);
    this.out = new OutputBuffer(ctx.config.produceBatchSize, ctx.metrics.published);
    this.schedule = new SnapshotSchedule(ctx.config, Date.now());
    this.snapshots = new TaskSnapshots(
      ctx.topics.snapshots,
      ctx.config.groupId,
      name,
      ctx.config.snapshotChunkBytes,
      ctx.config.snapshotCompression,
    );
  }

  /**
   * Restores the task's latest snapshot: its state and the input offsets it reflects. Call after
   * open(), so the previous owner can no longer write a newer one.
   */
  load(restored: StoredSnapshot): void {
    this.restoreState(restored.state);
    this.snapshots.after(restored.id);
    this.checkpointed = true;
    for (const o of restored.offsets) {
      if (!this.isOutput(o.topic)) this.positions.set(partitionKey(o.topic, o.partition), { ...o });
    }
  }

  protected abstract restoreState(state: Buffer): void;

  /** The input topics this task reads its partition of. */
  abstract inputs(): readonly string[];

  private isOutput(topic: string): boolean {
    return topic === this.ctx.topics.callerRisk || topic === this.ctx.topics.sourceRisk;
  }

  /** Connects and fences the task's previous owner (its first transaction bumps the id's epoch). */
  async open(): Promise<void> {
    await this.producer.connect();
    await this.writer.sender();
  }

  /** An engine sink that publishes into this task's transaction. */
  protected sink(topic: string): EngineSink {
    const alerts = this.ctx.topics.alerts;
    return {
      verdict: (v) => this.out.push(topic, subjectKey(v.kind, v.id), encodeVerdict(v)),
      tombstone: (kind, id) => this.out.push(topic, subjectKey(kind, id), null),
      alert: (a) => this.out.push(alerts, a.alertId, encodeAlert(a)),
    };
  }

  positionOf(topic: string, partition: number): number | undefined {
    return this.positions.get(partitionKey(topic, partition))?.offset;
  }

  /** Emits what the stage buffered (packs, markers) into the output buffer. */
  protected abstract drain(): void;

  /** The state to snapshot (the stage plus the task's filters), in parts written one after another. */
  protected abstract state(): Buffer[];

  /**
   * A task's snapshot blob, in parts (left for the snapshot writer to join): its magic, the stage's
   * length, the stage, then its filters as JSON.
   */
  protected packState(magic: number, stage: Buffer, extra: unknown): Buffer[] {
    const head = Buffer.alloc(8);
    head.writeUInt32LE(magic, 0);
    head.writeUInt32LE(stage.length, 4);
    return [head, stage, Buffer.from(JSON.stringify(extra))];
  }

  /** The parts packState wrote; INTEGRITY when the blob is another kind's or truncated. */
  protected unpackState(magic: number, buf: Buffer): { stage: Buffer; extra: unknown } {
    if (buf.length < 8 || buf.readUInt32LE(0) !== magic)
      throw new RingfenceError('INTEGRITY', `${this.name}: not this task's snapshot`);
    const n = buf.readUInt32LE(4);
    if (8 + n > buf.length) throw new RingfenceError('INTEGRITY', `${this.name}: snapshot is truncated`);
    return { stage: buf.subarray(8, 8 + n), extra: JSON.parse(buf.subarray(8 + n).toString('utf8')) };
  }

  /**
   * Commits what the stage emitted once the first of it has waited `commitIntervalMs` (or `now`): a
   * commit costs the broker a round of markers, so batches share one. Until then outputs stay in the
   * buffer, sent early only when it holds a full request: they become visible at the commit anyway,
   * and an instance that works in many small batches (several instances sharing the cores) would
   * otherwise send a produce request per batch.
   */
  async publish(now = false): Promise<void> {
    this.drain();
    if (this.heldSince === undefined) {
      if (this.out.size === 0) return;
      this.heldSince = Date.now();
    }
    const due = now || Date.now() - this.heldSince >= this.ctx.config.commitIntervalMs;
    if (due || this.out.full) await this.out.flush(await this.writer.sender());
    if (due) {
      await this.writer.commit();
      this.heldSince = undefined;
    }
  }

  /**
   * Writes the state, the outputs that led to it and the input offsets it reflects in one
   * transaction, with the offsets also committed for the task's consumer group (lag monitoring; a
   * takeover reads from the snapshot it restores, not from these).
   */
  async snapshot(): Promise<number> {
    const started = process.hrtime.bigint();
    this.drain();
    const sender = await this.writer.sender();
    await this.out.flush(sender);
    // The schedule weighs what the snapshot itself costs, not the outputs flushed before it.
    const writing = process.hrtime.bigint();
    const parts = this.state();
    const offsets = [...this.positions.values()];
    // The outputs' ends: after a crash, whatever lies beyond them was published by a state that is lost.
    for (const topic of [this.ctx.topics.callerRisk, this.ctx.topics.sourceRisk]) {
      for (const e of await this.ctx.admin.fetchTopicOffsets(topic))
        offsets.push({ topic, partition: e.partition, offset: Number(e.high) });
    }
    const { storedBytes } = await this.snapshots.write(sender, parts, offsets);
    const byTopic = new Map<string, { partition: number; offset: string }[]>();
    for (const o of this.positions.values()) {
      let list = byTopic.get(o.topic);
      if (list === undefined) byTopic.set(o.topic, (list = []));
      list.push({ partition: o.partition, offset: String(o.offset) });
    }
    this.heldSince = undefined;
    await this.writer.commit([
      { groupId: this.groupId, topics: [...byTopic].map(([topic, partitions]) => ({ topic, partitions })) },
    ]);
    const done = process.hrtime.bigint();
    this.schedule.taken(Date.now(), Number(done - writing) / 1e6);
    this.checkpointed = true;
    this.ctx.metrics.snapshotBytes.set(storedBytes);
    this.ctx.metrics.snapshotSeconds.observe(Number(done - started) / 1e9);
    return parts.reduce((n, p) => n + p.length, 0);
  }

  /** Drops the task: nothing more is published for it (an open transaction is left to be aborted). */
  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}
