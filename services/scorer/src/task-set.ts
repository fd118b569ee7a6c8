import type { Logger, TopicFollower } from '@ringfence/common';
import { numberPartition, sourcePartition, type Rules } from '@ringfence/engine';
import { NumberTask } from './number-task.js';
import { keysSince, type LastWrite } from './output-keys.js';
import { partitionKey, type ScorerTask, type TaskContext } from './scorer-task.js';
import { sourceGroupId } from './scorer-topics.js';
import { SharedTables } from './shared-tables.js';
import { SourceTask } from './source-task.js';
import { readTaskSnapshots, type InputOffset, type StoredSnapshot } from './task-snapshots.js';

/** Kafka error types that mean another instance opened the same transactional id: the task is its now. */
const FENCED = new Set(['INVALID_PRODUCER_EPOCH', 'PRODUCER_FENCED']);

function fenced(err: unknown): boolean {
  const e = err as { type?: string; cause?: { type?: string } };
  return FENCED.has(e.type ?? '') || FENCED.has(e.cause?.type ?? '');
}

/** Repeats a broker call while the broker cannot be reached. */
export type UntilReachable = <T>(what: string, call: () => Promise<T>) => Promise<T>;

/**
 * The partitions one scorer instance owns (its number and source tasks) and the tables they share:
 * taking partitions over, dropping them, publishing, and telling whether they are caught up.
 */
export class TaskSet {
  readonly numbers = new Map<number, NumberTask>();
  readonly sources = new Map<number, SourceTask>();
  readonly tables: SharedTables;
  /** Something changed since the last final (exact) flush: input applied, or a shared table. */
  dirty = false;
  /** What the groups last assigned this instance, per side. */
  private readonly assigned = { numbers: new Set<number>(), sources: new Set<number>() };
  /** The member id each side's consumer last joined its group as. */
  private readonly members: { numbers?: string; sources?: string } = {};
  /** Partitions dropped as fenced (`n<p>`, `s<p>`), and when: their new owner's rebalance should follow. */
  private readonly fencedAt = new Map<string, number>();
  /** Flushed since every task last snapshotted: the snapshots wait until the flushes settle. */
  private unsettled = false;

  constructor(
    private readonly ctx: TaskContext,
    private readonly rules: Rules,
    private readonly logger: Logger,
    private readonly untilReachable: UntilReachable,
  ) {
    this.tables = new SharedTables(rules.campaign, ctx.sourcePartitions, {
      numbers: (p) => this.numbers.has(p),
      sources: (p) => this.sources.has(p),
    });
    this.tables.taint.onChange(() => this.changed());
    this.tables.campaigns.onChange(() => this.changed());
  }

  private changed(): void {
    this.dirty = true;
    this.ctx.metrics.idle.set(0);
  }

  all(): ScorerTask[] {
    return [...this.numbers.values(), ...this.sources.values()];
  }

  get size(): number {
    return this.numbers.size + this.sources.size;
  }

  /** The task that reads `topic`'s partition `partition`, when this instance owns it. */
  taskOf(topic: string, partition: number): NumberTask | SourceTask | undefined {
    return topic === this.ctx.topics.sourceEvents ? this.sources.get(partition) : this.numbers.get(partition);
  }

  /**
   * Drops a task this instance no longer owns (the group gave it away, or its next owner fenced
   * it): nothing more is published for it, and the shared tables go back to what was committed for
   * its partition.
   */
  async drop(task: ScorerTask, why: string): Promise<void> {
    if (!this.holds(task)) return;
    if (task instanceof NumberTask) {
      this.numbers.delete(task.partition);
      this.tables.releaseNumbers(task.partition);
    } else {
      this.sources.delete(task.partition);
      this.tables.releaseSources(task.partition);
    }
    this.logger.info({ task: task.name, why }, 'partition left this instance');
    this.ctx.metrics.active.set(this.size);
    // Its next owner reports its lag now: a value left here would stay at the last one forever.
    for (const topic of task.inputs())
      this.ctx.metrics.lag.remove({ topic, partition: String(task.partition) });
    await task.close().catch(() => undefined);
  }

  /** True while `task` is one this instance owns (not dropped). */
  private holds(task: ScorerTask): task is NumberTask | SourceTask {
    if (task instanceof NumberTask) return this.numbers.get(task.partition) === task;
    return task instanceof SourceTask && this.sources.get(task.partition) === task;
  }

  /**
   * Runs a write of one task; a task fenced by its next owner is dropped, not fatal. A task dropped
   * while the write ran (another of its writes found it fenced, or the group gave it away) has a
   * closed producer: whatever that write says of it, nothing more is published for it, and the
   * instance's other partitions are fine.
   */
  async guarded(task: ScorerTask, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (err) {
      if (!this.holds(task)) return;
      if (!fenced(err)) throw err;
      await this.drop(task, 'fenced by its next owner');
      this.fencedAt.set(task.name, Date.now());
    }
  }

  /**
   * How long the oldest partition dropped as fenced has stayed assigned to this instance (0: none
   * has). A next owner's rebalance takes it away within the rebalance timeout; a partition still
   * assigned long after was fenced by no other instance (the broker bumped the producer's epoch
   * itself, as when it aborts a transaction that outlived its timeout), and nobody reads it.
   */
  fencedButAssignedMs(now: number): number {
    let oldest = now;
    for (const [name, at] of this.fencedAt) {
      const p = Number(name.slice(1));
      const [assigned, held] = name.startsWith('n')
        ? [this.assigned.numbers, this.numbers]
        : [this.assigned.sources, this.sources];
      if (assigned.has(p) && !held.has(p) && at < oldest) oldest = at;
    }
    return now - oldest;
  }

  /** Publishes what every task emitted (table changes re-score callers and sources); `now` commits at once. */
  async publishAll(now = false): Promise<void> {
    for (const task of this.all()) await this.guarded(task, () => task.publish(now));
  }

  /** Snapshots every task (each in its own transaction). */
  async snapshotAll(): Promise<void> {
    for (const task of this.all()) await this.guarded(task, () => task.snapshot());
  }

  /**
   * What offline scoring does at the end of input: campaign counts first, then final source scores
   * (and so taints), then final number scores, committed. A flush's outputs are input again (to
   * this instance's other tasks and to other instances' tables), so flushes come in rounds until
   * nothing changes; every task snapshots once they have settled (snapshotSettled), not after each
   * round, since each snapshot writes the task's whole state.
   */
  async flush(): Promise<void> {
    this.dirty = false;
    for (const task of this.numbers.values()) task.detectCampaigns();
    for (const task of this.sources.values()) task.flush();
    for (const task of this.numbers.values()) task.flush();
    await this.publishAll(true);
    this.unsettled = true;
    this.ctx.metrics.flushes.inc();
  }

  /**
   * Snapshots every task when there was a flush since they last did; call once the instance is
   * idle, clean and caught up. True when it snapshotted: the snapshots may have sent event-time
   * markers, which are input again, so the instance is not caught up until they are applied.
   */
  async snapshotSettled(): Promise<boolean> {
    if (!this.unsettled) return false;
    this.unsettled = false;
    await this.snapshotAll();
    return true;
  }

  /**
   * Applies a new assignment of one side, joined as `memberId`: drops the tasks lost, takes over the
   * ones gained. Returns where the consumer must read each gained input partition from: the offsets
   * the restored state reflects, not the group's committed offsets.
   */
  async reassign(
    side: 'numbers' | 'sources',
    owned: readonly number[],
    memberId: string,
  ): Promise<InputOffset[]> {
    const held = side === 'numbers' ? this.numbers : this.sources;
    const prefix = side === 'numbers' ? 'n' : 's';
    this.assigned[side] = new Set(owned);
    // A new member id means the group dropped this instance (a pause past the session timeout, a
    // network partition) and it joined again: another instance may have owned and fenced any task
    // it still holds. Kept, such a task would find the fence only at its next write and leave its
    // partition assigned here and read by nobody until the rebalance timeout ran out; taken over
    // afresh, it resumes from its latest snapshot at once.
    const previous = this.members[side];
    this.members[side] = memberId;
    if (previous !== undefined && previous !== memberId)
      for (const task of [...held.values()])
        await this.drop(task, 'this instance joined the group again as a new member');
    for (const name of [...this.fencedAt.keys()])
      if (name.startsWith(prefix) && !this.assigned[side].has(Number(name.slice(1))))
        this.fencedAt.delete(name);
    for (const [p, task] of [...held])
      if (!owned.includes(p)) await this.drop(task, 'assigned to another instance');
    const gained = owned.filter((p) => !held.has(p));
    const from = gained.length > 0 ? await this.takeOver(side, gained) : [];
    this.ctx.metrics.active.set(this.size);
    this.measure();
    return from;
  }

  /**
   * Takes over partitions: fences each one's previous owner, restores its latest snapshot, and
   * marks the keys the previous owner published after that snapshot for the next flush to settle.
   * Returns the input offsets to read from: each restored snapshot's, the partition's start where
   * there is none. The group's committed offsets are not trusted for this: they commit in the
   * snapshot's transaction, but a takeover racing that commit (a broker lost mid-commit) can read
   * an older snapshot while the consumer would resume from the newer offsets, and the input
   * between them would never be applied.
   */
  private async takeOver(side: 'numbers' | 'sources', partitions: readonly number[]): Promise<InputOffset[]> {
    const { admin, topics: t, config, metrics: m } = this.ctx;
    const started = Date.now();
    const gained = partitions.map((p) =>
      side === 'numbers'
        ? new NumberTask(this.ctx, p, this.rules, this.tables)
        : new SourceTask(this.ctx, p, this.rules, this.tables),
    );
    // Fence first: the previous owner can then no longer write a snapshot newer than the one read.
    // Each fence waits for the broker to abort what the previous owner left open: all at once.
    await Promise.all(gained.map((task) => this.untilReachable('fence', () => task.open())));
    const snapshots = await this.untilReachable('snapshots', () =>
      readTaskSnapshots(admin, t.snapshots, config.groupId, this.logger, new Set(gained.map((g) => g.name))),
    );
    const restored = new Map<ScorerTask, StoredSnapshot | undefined>();
    for (const task of gained) {
      const s = snapshots.get(task.name);
      restored.set(task, s);
      if (s !== undefined) task.load(s);
    }
    await this.settleAfter(gained, restored);
    const inputs = [...new Set(gained.flatMap((task) => task.inputs()))];
    const starts = new Map<string, number>();
    const ends = new Map<string, number>();
    for (const topic of inputs)
      for (const e of await this.untilReachable('input ends', () => admin.fetchTopicOffsets(topic))) {
        starts.set(partitionKey(topic, e.partition), Number(e.low));
        ends.set(partitionKey(topic, e.partition), Number(e.high));
      }
    const from: InputOffset[] = [];
    for (const task of gained) {
      for (const topic of task.inputs()) {
        const key = partitionKey(topic, task.partition);
        const offset = Math.max(task.positionOf(topic, task.partition) ?? 0, starts.get(key) ?? 0);
        from.push({ topic, partition: task.partition, offset });
      }
      if (task instanceof NumberTask) {
        for (const topic of [t.cdr, t.complaints])
          task.track(topic, ends.get(partitionKey(topic, task.partition)) ?? 0);
        this.numbers.set(task.partition, task);
      } else {
        this.sources.set(task.partition, task);
        this.tables.adopt(task.partition, task.stage.flaggedKeys());
      }
    }
    // Its lag from the start: a partition with nothing new to read would otherwise report none.
    for (const o of from)
      m.lag.set(
        { topic: o.topic, partition: String(o.partition) },
        Math.max(0, (ends.get(partitionKey(o.topic, o.partition)) ?? o.offset) - o.offset),
      );
    await this.publishAll();
    await this.noteCommittedAhead(
      side === 'numbers' ? config.groupId : sourceGroupId(config.groupId),
      inputs,
      from,
    );
    m.activations.inc(gained.length);
    m.restoreSeconds.set({ stage: side === 'numbers' ? 'number' : 'source' }, (Date.now() - started) / 1000);
    this.logger.info(
      {
        [side]: partitions,
        restored: [...restored.values()].filter((s) => s !== undefined).length,
        tookMs: Date.now() - started,
      },
      'took over partitions: fenced their previous owner and restored their snapshots',
    );
    return from;
  }

  /**
   * Logs the input partitions whose group offsets are ahead of where the restored state resumes:
   * the takeover raced the commit of a newer snapshot than the one it could read. Harmless (the
   * input between is applied again), and worth knowing when it happens often.
   */
  private async noteCommittedAhead(
    groupId: string,
    topics: readonly string[],
    from: readonly InputOffset[],
  ): Promise<void> {
    try {
      const committed = await this.ctx.admin.fetchOffsets({ groupId, topics: [...topics] });
      const at = new Map<string, number>();
      for (const { topic, partitions } of committed)
        for (const { partition, offset } of partitions)
          at.set(partitionKey(topic, partition), Number(offset));
      const ahead = from.filter((o) => (at.get(partitionKey(o.topic, o.partition)) ?? -1) > o.offset);
      if (ahead.length > 0)
        this.logger.warn(
          {
            ahead: ahead.map((o) => ({ ...o, committed: at.get(partitionKey(o.topic, o.partition)) })),
          },
          "the group's committed offsets are ahead of the restored snapshots: reading from the snapshots' offsets",
        );
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'could not read the group offsets to compare');
    }
  }

  /**
   * What a previous owner published after a gained partition's snapshot (or at all, when it never
   * wrote one) may not be what this state will publish, and it may never publish those keys again:
   * they become suspects, settled by the next flush.
   */
  private async settleAfter(
    gained: readonly (NumberTask | SourceTask)[],
    restored: ReadonlyMap<ScorerTask, StoredSnapshot | undefined>,
  ): Promise<void> {
    const { admin, topics: t, numberPartitions: np, sourcePartitions: sp } = this.ctx;
    const settle = async (topic: string): Promise<void> => {
      const mine = gained.filter((g) => (topic === t.callerRisk) === g instanceof NumberTask);
      if (mine.length === 0) return;
      const byPartition = new Map(mine.map((g) => [g.partition, g]));
      const from = new Map<number, number>();
      for (const task of mine) {
        const snapshot = restored.get(task);
        if (snapshot === undefined)
          for (const e of await admin.fetchTopicOffsets(topic)) from.set(e.partition, 0);
        for (const o of snapshot?.offsets ?? [])
          if (o.topic === topic) from.set(o.partition, Math.min(from.get(o.partition) ?? o.offset, o.offset));
      }
      const keys = await this.untilReachable('outputs since the snapshots', () =>
        keysSince(admin, topic, from, this.logger),
      );
      for (const [key, at] of keys) {
        let p: number;
        if (topic === t.callerRisk) p = numberPartition(key, np);
        else {
          const i = key.indexOf(':');
          p = sourcePartition(key.slice(0, i), key.slice(i + 1), sp);
        }
        const task = byPartition.get(p);
        if (task === undefined || !publishedAfter(restored.get(task), topic, at)) continue;
        task.stage.stage.suspects.add(key);
        this.dirty = true;
      }
    };
    await Promise.all([settle(t.callerRisk), settle(t.sourceRisk)]);
  }

  /**
   * True when every partition this instance owns, and both shared tables (as far as `tables` has
   * read them), are read to their ends; undefined when the broker could not be asked.
   *
   * The ends are the high watermarks, not the last stable offsets a reader reaches: a commit
   * returns before the broker has written its markers, and until then the committed end still
   * stops short of what was just committed; a flush's own outputs then looked read, and the
   * instance snapshotted a round early. Records of a transaction still open count as unread: they
   * become input (or are aborted) once it ends.
   */
  async caughtUp(tables: Pick<TopicFollower, 'position'>): Promise<boolean | undefined> {
    const { admin, topics: t } = this.ctx;
    const shared = [t.sourceRisk, t.campaignCounts];
    try {
      // Every topic's ends in one request per leader: an idle instance asks every few seconds.
      const ends = await admin.fetchTopicsEnds(
        [t.cdr, t.complaints, t.feedback, t.received, t.sourceEvents, ...shared],
        { readUncommitted: true },
      );
      for (const { topic, partitions } of ends) {
        const isTable = shared.includes(topic);
        for (const e of partitions) {
          if (isTable) {
            if ((tables.position(topic, e.partition) ?? -1) < Number(e.high)) return false;
            continue;
          }
          const task = this.taskOf(topic, e.partition);
          if (task === undefined) continue;
          if ((task.positionOf(topic, e.partition) ?? Number(e.low)) < Number(e.high)) return false;
        }
      }
      return true;
    } catch (err) {
      // kafkajs's admin gives up at once when the broker is unreachable. Not knowing means "not
      // yet": the next tick asks again; the state is intact.
      this.logger.warn({ err: (err as Error).message }, 'could not read input ends; will retry');
      return undefined;
    }
  }

  /** Sets the gauges of what this instance holds. */
  measure(): void {
    const m = this.ctx.metrics;
    let [numbers, sources, numberVerdicts, sourceVerdicts, late, duplicates] = [0, 0, 0, 0, 0, 0];
    for (const task of this.numbers.values()) {
      numbers += task.stage.stage.states.size;
      numberVerdicts += task.stage.stage.verdicts.size;
      late += task.stage.stage.lateRecords;
      duplicates += task.stage.duplicates;
    }
    for (const task of this.sources.values()) {
      sources += task.stage.stage.states.size;
      sourceVerdicts += task.stage.stage.verdicts.size;
    }
    m.tracked.set({ stage: 'number' }, numbers);
    m.tracked.set({ stage: 'source' }, sources);
    m.verdicts.set({ stage: 'number' }, numberVerdicts);
    m.verdicts.set({ stage: 'source' }, sourceVerdicts);
    m.late.set(late);
    m.duplicates.set(duplicates);
    let uncheckpointed = 0;
    let spanMs = 0;
    const now = Date.now();
    for (const task of this.all()) {
      if (!task.checkpointed) uncheckpointed++;
      spanMs = Math.max(spanMs, task.schedule.replaySpanMs(now));
    }
    m.uncheckpointed.set(uncheckpointed);
    m.snapshotWait.set(spanMs / 1000);
  }
}

/** Whether a key's last write lies after the snapshot (none: every write does). */
function publishedAfter(snapshot: StoredSnapshot | undefined, topic: string, at: LastWrite): boolean {
  if (snapshot === undefined) return true;
  const end = snapshot.offsets.find((o) => o.topic === topic && o.partition === at.partition);
  return end === undefined || at.offset >= end.offset;
}
