import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import {
  RingfenceError,
  StallWatchdog,
  batchEnd,
  createKafka,
  ensureTopics,
  followTopics,
  isRingfenceError,
  onRecordlessBatch,
  topicSettings,
  withRetry,
  type Logger,
  type Registry,
} from '@ringfence/common';
import { loadRules } from '@ringfence/engine';
import { coPartitionAssigner } from './co-partition-assigner.js';
import { consumerOptions, heartbeatIntervalMs } from './consumer-options.js';
import type { ScorerConfig } from './config.js';
import { NumberTask } from './number-task.js';
import { scorerMetrics, tableMetrics } from './scorer-metrics.js';
import { partitionKey, type TaskContext } from './scorer-task.js';
import { numberInputs, scorerTopics, sourceGroupId } from './scorer-topics.js';
import { SerialLock } from './serial-lock.js';
import { TaskSet } from './task-set.js';

/**
 * kafkajs errors that mean the broker could not be reached or did not know the topic yet (not that
 * it refused the request).
 */
const UNREACHABLE = new Set([
  'KafkaJSTopicMetadataNotLoaded',
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSBrokerNotFound',
]);

/** How often an idle instance asks again whether its input has ends it has not read. */
const IDLE_RECHECK_MS = 5_000;

/**
 * The least time between two fetches of the shared tables. Every task's commit writes a marker to
 * the table partitions it wrote, and a marker ends the follower's wait: unpaced, every instance
 * fetched the tables after nearly every commit of every instance. What an instance learns from the
 * tables (another instance's taint and campaign counts) then reaches it up to this much later;
 * verdicts differ in timing only (docs/scoring.md, "Determinism").
 */
const TABLES_MIN_INTERVAL_MS = 250;

function unreachable(err: unknown): boolean {
  const e = err as { name?: string; cause?: { name?: string } };
  return (
    UNREACHABLE.has(e.name ?? '') ||
    UNREACHABLE.has(e.cause?.name ?? '') ||
    (isRingfenceError(err, 'UNAVAILABLE') && err.retryable)
  );
}

export interface Scorer {
  /** Finishes the batch in flight, publishes, snapshots every partition it owns and disconnects. */
  stop(): Promise<void>;
  /** Drops a failed scorer: applies and publishes nothing more, leaves its groups (waiting at most `timeoutMs`). */
  abandon(timeoutMs: number): Promise<void>;
  /** False once the state can no longer be trusted (the process must restart from its snapshots). */
  live(): boolean;
}

export interface ScorerOptions {
  /**
   * Called once when the state can no longer be trusted or is no longer this instance's: a batch
   * failed half-applied, a transaction failed, or another instance fenced one of its partitions.
   * The caller abandons this scorer and starts a new one, which restores what it is given.
   */
  onFatal?: (err: unknown) => void;
}

/**
 * The scorer: one number stage per cdr.v1 partition (with its co-partitioned complaints, decisions
 * and calls received; consumer group `groupId`) and one source stage per scorer.source-events.v1
 * partition (group `<groupId>.sources`), each a task this instance owns while the group gives it
 * that partition. Any number of instances share the partitions (docs/scaling.md). What crosses
 * partitions travels through Kafka: observations to the source stages, calls received to the
 * callee's partition, and two tables every instance follows in full, with no consumer group
 * (source verdicts, campaign counts). Each task snapshots on its own, with its own transactional
 * producer, so a partition moves alone and its previous owner is fenced for it alone.
 */
export async function startScorer(
  config: ScorerConfig,
  logger: Logger,
  registry: Registry,
  options: ScorerOptions = {},
): Promise<Scorer> {
  const rules = loadRules(config.rulesFile);
  const t = scorerTopics(config.topicPrefix);
  const m = scorerMetrics(registry);
  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: `scorer-${process.pid}`, logger });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, config.topicPrefix, topicSettings(config));
  const np = (await admin.fetchTopicOffsets(t.cdr)).length;
  const sp = (await admin.fetchTopicOffsets(t.sourceEvents)).length;
  for (const topic of numberInputs(t).filter((topic) => topic !== t.cdr)) {
    const n = (await admin.fetchTopicOffsets(topic)).length;
    if (n !== np) {
      await admin.disconnect();
      throw new RingfenceError(
        'CONFIG_INVALID',
        `${topic} has ${n} partitions and ${t.cdr} ${np}: the scorer needs them equal, so that a number's complaints, decisions and calls received sit on its calls' partition (set both in KAFKA_TOPIC_PARTITIONS)`,
      );
    }
  }
  const ctx: TaskContext = {
    kafka,
    admin,
    config,
    topics: t,
    metrics: m,
    numberPartitions: np,
    sourcePartitions: sp,
  };
  const lock = new SerialLock();
  let stopping = false;
  let failed = false;
  let lastActivity = Date.now();
  /** When caught up and idle was last confirmed (0: not since the last activity). */
  let idleConfirmedAt = 0;
  // Behind and applying nothing: a consumer that stopped fetching (kafkajs has such bugs) or a
  // broker call that never returned, holding the lock. The state is then started again.
  const watchdog = new StallWatchdog(config.stallTimeoutMs, (stalledMs) =>
    fatal(
      new RingfenceError(
        'UNAVAILABLE',
        `applied no input for ${stalledMs} ms while behind on it (STALL_TIMEOUT_MS): stalled`,
      ),
    ),
  );
  // Idle means caught up on what this instance owns, so not before every group has handed it its
  // partitions: with the groups joined at once, one stage's partitions arrive before the other's.
  let joined = false;

  const fatal = (err: unknown): void => {
    if (failed) return;
    failed = true;
    logger.fatal({ err }, 'scorer state is suspect or no longer ours; restart from the last snapshots');
    options.onFatal?.(err);
  };

  /**
   * Repeats a broker call while the broker cannot be reached: kafkajs's admin offset lookups give up
   * at once on a connection error, and such a failure says nothing about the state.
   */
  const untilReachable = <T>(what: string, call: () => Promise<T>): Promise<T> =>
    withRetry(call, {
      retryable: (err) => unreachable(err) && !stopping,
      onRetry: (err, _n, retryInMs) =>
        logger.warn({ err: (err as Error).message, retryInMs }, `${what}: broker unreachable; retrying`),
    });
  const tasks = new TaskSet(ctx, rules, logger, untilReachable);

  /**
   * Applies a new assignment of one consumer group: drops the tasks lost, takes over the ones
   * gained. It goes before the batches, ticks and commits waiting for the lock: a dead instance's
   * partitions wait for nothing but their takeover (batches of partitions given away are skipped
   * when their turn comes).
   */
  const reassign = (side: 'numbers' | 'sources', owned: readonly number[], memberId: string): void => {
    void lock
      .run(async () => {
        // What it owns changed or moved: idle again only once a tick confirms it.
        idleConfirmedAt = 0;
        m.idle.set(0);
        if (!stopping && !failed) {
          // Under the lock, so batches fetched from the committed offsets and waiting for it are
          // stale (kafkajs's isStale) when their turn comes.
          const consumer = side === 'numbers' ? numberConsumer : sourceConsumer;
          for (const o of await tasks.reassign(side, owned, memberId))
            consumer.seek({ topic: o.topic, partition: o.partition, offset: String(o.offset) });
        }
        watchdog.progressed();
      }, true)
      .catch(fatal);
  };

  const heartbeatInterval = heartbeatIntervalMs(config);
  /**
   * Runs a batch handler while heartbeating for its consumer. kafkajs heartbeats only between
   * batches, and a batch can wait for the lock (or hold it) longer than the session timeout: a big
   * partition's takeover or snapshot takes that long. The group then counted the member dead and
   * gave its partitions to another, whose takeover took as long again: a partition of 100k tracked
   * callers moved back and forth without end. A heartbeat refused because the group is rebalancing
   * still keeps the member; kafkajs rejoins at its own next heartbeat, after the batch. Past the
   * rebalance timeout the heartbeats stop: an instance stuck that long loses its partitions.
   */
  const heartbeating =
    (handler: (payload: EachBatchPayload) => Promise<void>) =>
    async (payload: EachBatchPayload): Promise<void> => {
      const until = Date.now() + config.rebalanceTimeoutMs;
      const pump = setInterval(() => {
        if (Date.now() > until) clearInterval(pump);
        else payload.heartbeat().catch(() => undefined);
      }, heartbeatInterval);
      try {
        await handler(payload);
      } finally {
        clearInterval(pump);
      }
    };

  /** Applies a fetched batch of one partition under the lock, publishes it, and maybe snapshots. */
  const eachBatch = (payload: EachBatchPayload): Promise<void> =>
    lock.run(async () => {
      const { batch } = payload;
      if (stopping || failed || !payload.isRunning() || payload.isStale()) return;
      const task = tasks.taskOf(batch.topic, batch.partition);
      if (task === undefined) return;
      watchdog.progressed();
      const key = partitionKey(batch.topic, batch.partition);
      // Records below the position are in the state already: restored from the snapshot, or
      // fetched again because kafkajs resumes from the committed offsets after every rebalance.
      const skip = task.positions.get(key)?.offset ?? -1;
      if (task instanceof NumberTask) task.fetched(batch.topic, Number(batch.highWatermark));
      let last = -1;
      let n = 0;
      let inSnapshot = 0;
      const started = performance.now();
      try {
        for (const msg of batch.messages) {
          const offset = Number(msg.offset);
          last = offset;
          if (offset < skip) {
            inSnapshot++;
            continue;
          }
          try {
            if (task instanceof NumberTask) {
              task.apply(batch.topic, msg);
              n++;
            } else if (task.apply(msg)) n++;
          } catch (err) {
            // Undecodable input is skipped, not retried forever.
            logger.warn({ err, topic: batch.topic, partition: batch.partition, offset }, 'bad record');
            m.skipped.inc({ topic: batch.topic, why: 'undecodable' });
          }
        }
        if (last >= 0) last = batchEnd(batch, last);
        if (last >= skip)
          task.positions.set(key, { topic: batch.topic, partition: batch.partition, offset: last + 1 });
        if (last >= 0) payload.resolveOffset(String(last));
        if (inSnapshot > 0) m.skipped.inc({ topic: batch.topic, why: 'applied-before' }, inSnapshot);
        m.records.inc({ topic: batch.topic }, n);
        if (n > 0) {
          m.idle.set(0);
          lastActivity = Date.now();
          tasks.dirty = true;
        }
        task.maybeSweep();
        // What the partition's input cost to apply: the budget its snapshots are kept within.
        task.schedule.applies(n, performance.now() - started, lastActivity);
        await tasks.guarded(task, () => task.publish());
        // A publish refused as fenced drops the task (its next owner reports its lag from now on);
        // an instance abandoned meanwhile reports none.
        if (failed || tasks.taskOf(batch.topic, batch.partition) !== task) return;
        if (last >= 0)
          m.lag.set(
            { topic: batch.topic, partition: String(batch.partition) },
            Math.max(0, Number(batch.highWatermark) - last - 1),
          );
        if (task.schedule.due(Date.now(), false)) await tasks.guarded(task, () => task.snapshot());
      } catch (err) {
        fatal(err);
        throw err;
      }
    });

  /** Applies records of the shared tables' topics (handed over by the follower, which waits for it). */
  const applyTables = (topic: string, messages: KafkaMessage[]): Promise<void> =>
    lock.run(async () => {
      if (stopping || failed) return;
      watchdog.progressed();
      for (const msg of messages) {
        const key = msg.key?.toString() ?? '';
        try {
          if (topic === t.sourceRisk) tasks.tables.applyVerdict(key, msg.value);
          else tasks.tables.applyCounts(key, msg.value);
        } catch (err) {
          logger.warn({ err, topic, offset: msg.offset }, 'bad shared-table record');
          m.skipped.inc({ topic, why: 'undecodable' });
        }
      }
      try {
        await tasks.publishAll();
      } catch (err) {
        fatal(err);
        throw err;
      }
    });

  // Every instance follows both tables in full from their start, by explicit assignment: a consumer
  // group would add the broker's join delay to every start and leave an empty group behind it.
  const follower = followTopics(
    kafka,
    [t.sourceRisk, t.campaignCounts],
    (topic, _partition, messages) => applyTables(topic, messages),
    logger,
    { minIntervalMs: TABLES_MIN_INTERVAL_MS },
  );
  tableMetrics(registry, follower, [t.sourceRisk, t.campaignCounts]);
  /** Input ends read (true or false), or the broker not reached (undefined: not this instance's stall). */
  const caughtUp = async (): Promise<boolean> => {
    const up = await tasks.caughtUp(follower);
    if (up !== false) watchdog.progressed();
    return up === true;
  };

  // Idle work: once caught up, every stage gets its final evaluation (what offline scoring does at
  // the end of input). Another instance's flush changes the shared tables, and this one's outputs
  // are its own tasks' input, which makes it flush again; once that has settled (idle, clean and
  // caught up), the partitions are snapshotted so committed offsets catch up.
  const tick = (): void => {
    if (stopping || failed || !joined) return;
    void lock
      .run(async () => {
        if (stopping || failed) return;
        // A partition this instance was fenced out of but is still assigned is read by nobody:
        // not idle meanwhile. A next owner's rebalance reaches this instance at a heartbeat and
        // completes within the rebalance timeout (members that do not rejoin by then are dropped);
        // past that, no other instance took it, and this one starts again, which joins the groups
        // afresh and takes it over.
        const orphanedMs = tasks.fencedButAssignedMs(Date.now());
        if (orphanedMs > 0) {
          m.idle.set(0);
          idleConfirmedAt = 0;
          if (orphanedMs > config.rebalanceTimeoutMs + config.sessionTimeoutMs)
            throw new RingfenceError(
              'UNAVAILABLE',
              `a partition fenced ${orphanedMs} ms ago is still assigned to this instance and read by nobody`,
            );
          return;
        }
        // Under the lock, so after every assignment already handed over is applied: owning
        // nothing, it is behind on nothing.
        if (tasks.size === 0) {
          m.idle.set(1);
          watchdog.progressed();
          return;
        }
        const now = Date.now();
        const idle = now - lastActivity >= config.idleFlushMs;
        if (!idle || tasks.dirty) idleConfirmedAt = 0;
        if (idle && tasks.dirty) {
          // What it holds uncommitted is input of its own tasks, unread until committed.
          await tasks.publishAll(true);
          if (await caughtUp()) await tasks.flush();
        }
        for (const task of tasks.all())
          if (task.schedule.due(now, idle)) await tasks.guarded(task, () => task.snapshot());
        tasks.measure();
        // Once confirmed, asking every input's ends each second would only load the broker; asking
        // now and then still matters: input that arrives while the consumers have stopped fetching
        // brings no activity, and an instance that took itself for idle would never see it waiting.
        if (idle && !tasks.dirty && (idleConfirmedAt === 0 || now - idleConfirmedAt >= IDLE_RECHECK_MS)) {
          let up = await caughtUp();
          if (up && (await tasks.snapshotSettled())) up = false;
          m.idle.set(up ? 1 : 0);
          idleConfirmedAt = up ? now : 0;
        }
        if (idleConfirmedAt !== 0) watchdog.progressed();
      })
      .catch(fatal);
  };
  const timer = setInterval(tick, Math.min(1_000, config.snapshotIntervalMs, config.idleFlushMs));
  timer.unref();
  // Transactions left open by the last batch commit on time even when no batch follows.
  const committer = setInterval(() => {
    if (stopping || failed) return;
    void lock.run(() => tasks.publishAll()).catch(fatal);
  }, config.commitIntervalMs);
  committer.unref();

  const consumerSettings = consumerOptions(config);
  const numberConsumer: Consumer = kafka.consumer({
    groupId: config.groupId,
    ...consumerSettings,
    partitionAssigners: [coPartitionAssigner(() => [...tasks.numbers.keys()])],
  });
  const sourceConsumer: Consumer = kafka.consumer({
    groupId: sourceGroupId(config.groupId),
    ...consumerSettings,
    partitionAssigners: [coPartitionAssigner(() => [...tasks.sources.keys()])],
  });
  const consumers = [numberConsumer, sourceConsumer];

  for (const c of consumers) {
    c.on(c.events.CRASH, (e) => {
      if (!e.payload.restart) fatal(e.payload.error);
    });
    onRecordlessBatch(c, (topic, partition, next) => {
      watchdog.progressed();
      const task = tasks.taskOf(topic, partition);
      if (task !== undefined && next > (task.positionOf(topic, partition) ?? 0))
        task.positions.set(partitionKey(topic, partition), { topic, partition, offset: next });
    });
  }
  numberConsumer.on(numberConsumer.events.GROUP_JOIN, (e) =>
    reassign('numbers', e.payload.memberAssignment[t.cdr] ?? [], e.payload.memberId),
  );
  sourceConsumer.on(sourceConsumer.events.GROUP_JOIN, (e) =>
    reassign('sources', e.payload.memberAssignment[t.sourceEvents] ?? [], e.payload.memberId),
  );
  // The groups are joined at once, not one after another: kafkajs's run() returns only once its
  // first join is done, and a join into a group the broker holds empty waits
  // group.initial.rebalance.delay.ms (3 s by default, again while members keep arriving). Joined in
  // turn, the source group formed seconds after the number group; an instance that died in between
  // was still given source partitions, which stayed unread until its session expired there too.
  const joins: [Consumer, string[], (payload: EachBatchPayload) => Promise<void>][] = [
    [numberConsumer, [...numberInputs(t)], heartbeating(eachBatch)],
    [sourceConsumer, [t.sourceEvents], heartbeating(eachBatch)],
  ];
  await Promise.all(
    joins.map(async ([c, topics, each]) => {
      await c.connect();
      await c.subscribe({ topics, fromBeginning: true });
      await c.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: each });
    }),
  );
  joined = true;
  watchdog.arm();

  return {
    live: () => !failed,
    async stop() {
      stopping = true;
      clearInterval(timer);
      clearInterval(committer);
      watchdog.stop();
      // The batch in flight finishes under the lock; then every partition snapshots and commits
      // while the consumers are still members of their groups.
      if (!failed) await lock.run(() => tasks.snapshotAll());
      await Promise.all([...consumers.map((c) => c.disconnect()), follower.stop()]);
      for (const task of tasks.all()) await task.close();
      await admin.disconnect();
    },
    async abandon(timeoutMs) {
      // The state is suspect: nothing more is applied, published or snapshotted. Leaving the groups
      // matters most; a broker that is down may not answer, and then the session timeout removes
      // the member.
      failed = true;
      stopping = true;
      m.active.set(0);
      // It owns nothing from now on; the instance started after it reports the lag of what it takes.
      m.lag.reset();
      clearInterval(timer);
      clearInterval(committer);
      watchdog.stop();
      const all = Promise.allSettled([
        ...consumers.map((c) => c.disconnect()),
        follower.stop(),
        ...tasks.all().map((task) => task.close()),
        admin.disconnect(),
      ]);
      await Promise.race([all, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    },
  };
}
