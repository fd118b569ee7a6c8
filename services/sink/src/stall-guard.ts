import type { Admin } from 'kafkajs';
import { StallWatchdog, type Logger } from '@ringfence/common';

/** How often an idle sink asks the broker where its input ends. */
export const IDLE_RECHECK_MS = 5_000;

export interface StallGuardOptions {
  readonly admin: Admin;
  readonly groupId: string;
  /** Where a partition with no committed offset is read from (the consumer's `fromBeginning`). */
  readonly fromBeginning: boolean;
  readonly timeoutMs: number;
  /** True while consumption is paused for back-pressure: waiting on ClickHouse is not a stall. */
  readonly paused: () => boolean;
  readonly onStall: (stalledMs: number) => void;
  readonly logger: Logger;
  readonly recheckMs?: number;
}

/**
 * Tells a sink whose consumer stopped fetching (kafkajs can: a fetch that never returns) from a busy
 * or an idle one. Every batch marks progress, and so does being paused for back-pressure; a sink that
 * has had no batch for a while asks the broker where the partitions it owns end, and marks progress
 * when it has read them all (or cannot ask: a broker outage is not its own stall). Behind and
 * consuming nothing for `timeoutMs`, it calls `onStall` once.
 */
export class StallGuard {
  private readonly watchdog: StallWatchdog;
  /** Next offset to read, by `topic` and partition, from the batches this instance consumed. */
  private readonly positions = new Map<string, Map<number, number>>();
  private owned: Readonly<Record<string, readonly number[]>> = {};
  private lastBatchAt = 0;
  private checking = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly o: StallGuardOptions) {
    this.watchdog = new StallWatchdog(o.timeoutMs, o.onStall);
  }

  /** Starts watching, counting from now. */
  start(): void {
    this.watchdog.arm();
    this.timer ??= setInterval(() => void this.check(), this.o.recheckMs ?? IDLE_RECHECK_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.watchdog.stop();
  }

  /** The group gave this instance `assignment` (topic → partitions). */
  assigned(assignment: Readonly<Record<string, readonly number[]>>): void {
    this.owned = assignment;
    // A partition given back and taken again later starts from the group's committed offset.
    for (const [topic, byPartition] of this.positions) {
      const keep = assignment[topic] ?? [];
      for (const p of byPartition.keys()) if (!keep.includes(p)) byPartition.delete(p);
    }
    this.watchdog.progressed();
  }

  /** A batch of `topic`/`partition` was taken in, up to `lastOffset`. */
  consumed(topic: string, partition: number, lastOffset: string): void {
    let byPartition = this.positions.get(topic);
    if (byPartition === undefined) {
      byPartition = new Map();
      this.positions.set(topic, byPartition);
    }
    byPartition.set(partition, Number(lastOffset) + 1);
    this.lastBatchAt = Date.now();
    this.watchdog.progressed();
  }

  private async check(): Promise<void> {
    if (this.checking) return;
    if (this.o.paused()) {
      this.watchdog.progressed();
      return;
    }
    // Batches still arriving mark progress themselves.
    if (Date.now() - this.lastBatchAt < (this.o.recheckMs ?? IDLE_RECHECK_MS)) return;
    this.checking = true;
    try {
      if (!(await this.behind())) this.watchdog.progressed();
    } catch (err) {
      this.o.logger.warn({ err: (err as Error).message }, 'could not read input ends; will retry');
      this.watchdog.progressed();
    } finally {
      this.checking = false;
    }
  }

  /** Whether a partition this instance owns has records past what it has read. */
  private async behind(): Promise<boolean> {
    const topics = Object.keys(this.owned).filter((t) => (this.owned[t] ?? []).length > 0);
    if (topics.length === 0) return false;
    const committed = await this.o.admin.fetchOffsets({ groupId: this.o.groupId, topics });
    for (const topic of topics) {
      const owned = this.owned[topic] ?? [];
      const byPartition = this.positions.get(topic);
      const group = committed.find((c) => c.topic === topic)?.partitions ?? [];
      for (const end of await this.o.admin.fetchTopicOffsets(topic)) {
        if (!owned.includes(end.partition)) continue;
        const read = byPartition?.get(end.partition) ?? -1;
        const offset = Number(group.find((g) => g.partition === end.partition)?.offset ?? -1);
        const from = offset >= 0 ? offset : this.o.fromBeginning ? Number(end.low) : Number(end.high);
        if (Math.max(read, from) < Number(end.high)) return true;
      }
    }
    return false;
  }
}
