import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import {
  RingfenceError,
  createKafka,
  ensureTopics,
  isRingfenceError,
  topicName,
  topicSettings,
  withRetry,
  type Logger,
  type Registry,
} from '@ringfence/common';
import { NumberStage, SourceStage, loadRules, subjectKey, type EngineSink } from '@ringfence/engine';
import { cdrv1 } from '@ringfence/proto';
import { activeStandbyAssigner } from './active-standby-assigner.js';
import { CommitPolicy } from './commit-policy.js';
import { decodeFeedback, encodeAlert, encodeVerdict, forEachObservation } from './codec.js';
import type { ScorerConfig } from './config.js';
import { decodeCdrForScoring } from './cdr-decoder.js';
import { readEngineState, writeEngineState } from './engine-state.js';
import { InputWatermark } from './input-watermark.js';
import { Lockstep } from './lockstep.js';
import { keysSince } from './output-keys.js';
import { ObservationPacker } from './observation-packer.js';
import { OutputBuffer } from './output-buffer.js';
import { scorerMetrics } from './scorer-metrics.js';
import { SerialLock } from './serial-lock.js';
import { SnapshotStore, type InputOffset } from './snapshot-store.js';
import { TransactionalWriter, type GroupOffsets } from './transactional-writer.js';

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

function unreachable(err: unknown): boolean {
  const e = err as { name?: string; cause?: { name?: string } };
  return (
    UNREACHABLE.has(e.name ?? '') ||
    UNREACHABLE.has(e.cause?.name ?? '') ||
    (isRingfenceError(err, 'UNAVAILABLE') && err.retryable)
  );
}

/**
 * Longest a transaction without observations stays open while the source stage catches up (see
 * CommitPolicy): outputs of a long catch-up become visible at least this often.
 */
const MAX_OPEN_TRANSACTION_MS = 100;

/** Order of a CDR's observations (one per source kind), for the replay filter. */
const KIND_SEQ = { trunk: 0, carrier: 1, device: 2 } as const;

export interface Scorer {
  /** Finishes the batch in flight, publishes, snapshots, commits and disconnects. */
  stop(): Promise<void>;
  /** Drops a failed scorer: applies and publishes nothing more, leaves its groups (waiting at most `timeoutMs`). */
  abandon(timeoutMs: number): Promise<void>;
  /** False once the engine state can no longer be trusted (the process must restart from its snapshot). */
  live(): boolean;
}

export interface ScorerOptions {
  /**
   * Called once when the state can no longer be trusted or is no longer this instance's: a batch
   * failed half-applied, a transaction failed, or another instance took over. The caller abandons
   * this scorer and starts a new one, which restores the latest snapshot (or stands by).
   */
  onFatal?: (err: unknown) => void;
}

function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

/**
 * The scorer: the number stage on cdr.v1 + complaints.v1 + feedback.v1 (consumer group `groupId`)
 * emits one observation per call and source to scorer.source-events.v1, keyed by source; the source
 * stage consumes that topic (group `<groupId>.sources`). Verdicts go to the compacted caller-risk.v1
 * and source-risk.v1, alerts (deterministic ids) to alerts.v1. Both stages live in this process and
 * share one state, snapshotted with the input offsets it reflects (docs/scoring.md, "Durability").
 *
 * Any number of instances may run in one group: one is active and owns every partition, the others
 * stand by (docs/scaling.md). An instance becomes active when the group gives it the partitions: it
 * fences the previous active one (Kafka transactions), restores the latest snapshot and resumes. It
 * stops being active only by leaving (a clean stop) or by being fenced, which is fatal.
 */
export async function startScorer(
  config: ScorerConfig,
  logger: Logger,
  registry: Registry,
  options: ScorerOptions = {},
): Promise<Scorer> {
  const rules = loadRules(config.rulesFile);
  const p = config.topicPrefix;
  const t = {
    cdr: topicName(p, 'cdr'),
    complaints: topicName(p, 'complaints'),
    feedback: topicName(p, 'feedback'),
    sourceEvents: topicName(p, 'sourceEvents'),
    callerRisk: topicName(p, 'callerRisk'),
    sourceRisk: topicName(p, 'sourceRisk'),
    alerts: topicName(p, 'alerts'),
    snapshots: topicName(p, 'scorerSnapshots'),
  };
  const sourceGroupId = `${config.groupId}.sources`;
  const m = scorerMetrics(registry);
  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: `scorer-${process.pid}`, logger });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, p, topicSettings(config));
  // One transactional id per group: whichever instance is active writes under it (see TransactionalWriter).
  const producer = kafka.producer({
    transactionalId: `${config.groupId}.engine`,
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    // The broker answers CONCURRENT_TRANSACTIONS to the next transaction's first write while the
    // previous commit's markers are still being written (milliseconds): retry soon, not after the
    // client-wide 200 ms, or every commit would cost a fifth of a second.
    retry: { initialRetryTime: 5, maxRetryTime: 5_000, retries: Number.MAX_SAFE_INTEGER },
  });
  const writer = new TransactionalWriter(producer);

  /** Next offset per input partition that the state reflects. */
  const positions = new Map<string, InputOffset>();
  const sourcePartitions = (await admin.fetchTopicOffsets(t.sourceEvents)).length;
  const sourceKeys: string[] = [];
  for (let i = 0; i < sourcePartitions; i++) sourceKeys.push(partitionKey(t.sourceEvents, i));
  let lockstep = new Lockstep([], () => undefined);
  const policy = new CommitPolicy(MAX_OPEN_TRANSACTION_MS);
  /** Observations were acknowledged since the last flush. */
  let wroteObservations = false;
  const out = new OutputBuffer(config.produceBatchSize, m.published, (topic, partition, next) => {
    if (topic !== t.sourceEvents) return;
    lockstep.written(partition, next);
    wroteObservations = true;
  });
  const packer = new ObservationPacker(sourcePartitions, 64 * 1024, (partition, value) =>
    out.push(t.sourceEvents, `pack:${partition}`, value, partition),
  );
  /** Commits the open transaction: everything sent so far becomes visible. */
  const commit = async (offsets?: readonly GroupOffsets[]): Promise<void> => {
    await writer.commit(offsets);
    policy.committed();
  };
  /**
   * Sends everything the engine emitted so far into the open transaction (acknowledged), and
   * commits it when CommitPolicy says so.
   */
  const publish = async (): Promise<void> => {
    packer.drain();
    if (out.size > 0) {
      await out.flush(await writer.sender());
      policy.wrote(wroteObservations);
      wroteObservations = false;
    }
    if (policy.due(lockstep.behind())) await commit();
  };
  const sink = (topic: string): EngineSink => ({
    verdict: (v) => out.push(topic, subjectKey(v.kind, v.id), encodeVerdict(v)),
    tombstone: (kind, id) => out.push(topic, subjectKey(kind, id), null),
    alert: (a) => out.push(t.alerts, a.alertId, encodeAlert(a)),
  });
  /** The cdr.v1 record being applied, written into each observation it causes (mutated, not replaced). */
  const origin = { partition: 0, offset: 0 };
  const numbers = new NumberStage(rules, sink(t.callerRisk), (o) => packer.add(o, origin), {
    // Declared below; only called from sweeps and flushes, after both exist.
    campaign: (trunk, members) => sources.onCampaign(trunk, members),
  });
  // Source taints reach the number stage in-process, as in the offline engine: one state, one cut.
  const sources = new SourceStage(rules, sink(t.sourceRisk), {
    taint: (kind, id, tainted) => numbers.onTaint(kind, id, tainted),
    implicate: (caller) => numbers.implicate(caller),
  });
  // Partitions arrive in any order: sweeps use a watermark no partition still being read is behind.
  numbers.stage.autoSweep = false;
  sources.stage.autoSweep = false;
  const outputTopics = new Set([t.callerRisk, t.sourceRisk]);

  const store = new SnapshotStore(
    kafka,
    admin,
    t.snapshots,
    config.groupId,
    config.snapshotChunkBytes,
    logger,
  );
  /** Highest (origin offset, kind) applied per source-events partition and cdr.v1 partition. */
  let applied = new Map<string, number>();
  const watermark = new InputWatermark();
  const numberTopics = new Set([t.cdr, t.complaints, t.feedback]);

  const lock = new SerialLock();
  let stopping = false;
  let failed = false;
  /** 0 while standing by; once active, this instance's claim to stay so (see activeStandbyAssigner). */
  let claim = 0;
  let lastSnapshot = Date.now();
  let lastActivity = Date.now();
  let sinceSnapshot = 0;
  /** Records applied since the last final (exact) flush of both stages. */
  let dirty = false;
  let lastSweepMs = 0;

  const fatal = (err: unknown): void => {
    if (failed) return;
    failed = true;
    logger.fatal({ err }, 'scorer state is suspect or no longer ours; restart from the last snapshot');
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

  const snapshot = async (): Promise<void> => {
    const started = process.hrtime.bigint();
    packer.drain();
    const sender = await writer.sender();
    await out.flush(sender);
    const state = writeEngineState(numbers, sources, applied);
    const offsets = [...positions.values()];
    // The outputs' ends: after a crash, whatever lies beyond them was published by a state that is lost.
    for (const topic of outputTopics) {
      for (const e of await untilReachable('output ends', () => admin.fetchTopicOffsets(topic)))
        offsets.push({ topic, partition: e.partition, offset: Number(e.high) });
    }
    await store.write(sender, state, offsets);
    // The state, the outputs that led to it and the input offsets it reflects commit together.
    // Committed offsets feed lag monitoring and are where a takeover resumes reading (records
    // below the snapshot's offsets are skipped).
    const groupOffsets = (groupId: string, mine: (topic: string) => boolean): GroupOffsets => {
      const byTopic = new Map<string, { partition: number; offset: string }[]>();
      for (const o of offsets) {
        if (!mine(o.topic)) continue;
        let list = byTopic.get(o.topic);
        if (list === undefined) byTopic.set(o.topic, (list = []));
        list.push({ partition: o.partition, offset: String(o.offset) });
      }
      return { groupId, topics: [...byTopic].map(([topic, partitions]) => ({ topic, partitions })) };
    };
    await commit([
      groupOffsets(config.groupId, (topic) => numberTopics.has(topic)),
      groupOffsets(sourceGroupId, (topic) => topic === t.sourceEvents),
    ]);
    lastSnapshot = Date.now();
    sinceSnapshot = 0;
    m.snapshotBytes.set(state.length);
    m.snapshotSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
    m.tracked.set({ stage: 'number' }, numbers.stage.states.size);
    m.tracked.set({ stage: 'source' }, sources.stage.states.size);
    m.verdicts.set({ stage: 'number' }, numbers.stage.verdicts.size);
    m.verdicts.set({ stage: 'source' }, sources.stage.verdicts.size);
    m.late.set(numbers.stage.lateRecords);
    m.duplicates.set(numbers.duplicates);
  };

  // The hot path builds no key strings: one per partition (pair), made once.
  const cdrKeys: string[] = [];
  const cdrKey = (partition: number): string => (cdrKeys[partition] ??= partitionKey(t.cdr, partition));
  const appliedKeys: string[][] = [];
  const appliedKey = (partition: number, originPartition: number): string =>
    ((appliedKeys[partition] ??= [])[originPartition] ??= `${partition}:${originPartition}`);
  const positionOf = (key: string): number => positions.get(key)?.offset ?? 0;

  /**
   * Sweeps both stages (at most once per event-time hour) where the source stage has applied every
   * observation so far: no observation of a CDR already scored is still on its way.
   */
  const maybeSweep = (): void => {
    const w = watermark.value(positionOf);
    if (w - lastSweepMs < 3_600_000) return;
    lastSweepMs = w;
    numbers.stage.sweep(w);
    sources.stage.sweep(w);
  };

  /** Applies one record of input partition `key`. */
  const apply = (topic: string, partition: number, key: string, msg: KafkaMessage): void => {
    const value = msg.value;
    if (value === null) return;
    if (topic === t.cdr) {
      origin.partition = partition;
      origin.offset = Number(msg.offset);
      const cdr = decodeCdrForScoring(value);
      watermark.seen(key, Number(cdr.setupTimeMs));
      numbers.onCdr(cdr);
    } else if (topic === t.sourceEvents) {
      forEachObservation(value, (o, from) => {
        // Only observations of CDRs the number state already reflects: after a crash, copies of
        // the calls replayed from the snapshot are skipped here and applied when re-emitted.
        const at = positions.get(cdrKey(from.partition))?.offset ?? 0;
        if (from.offset >= at) {
          m.skipped.inc({ topic, why: 'ahead' });
          return;
        }
        // Belt and braces: each observation is applied once even if it was emitted twice.
        const k = appliedKey(partition, from.partition);
        const seq = from.offset * 4 + KIND_SEQ[o.kind];
        if (seq <= (applied.get(k) ?? -1)) {
          m.skipped.inc({ topic, why: 'replayed' });
          return;
        }
        applied.set(k, seq);
        sources.onObservation(o);
      });
    } else if (topic === t.complaints) {
      const c = cdrv1.ComplaintEvent.decode(value);
      watermark.seen(key, Number(c.timeMs));
      numbers.onComplaint(c);
    } else if (topic === t.feedback) {
      const fb = decodeFeedback(value);
      if (fb === undefined) return;
      if (fb.kind === 'number') numbers.onFeedback(fb);
      else sources.onFeedback(fb);
    }
  };

  /** Applies batch.messages[from, to) under the lock, publishes, and maybe snapshots. */
  const applySlice = (payload: EachBatchPayload, from: number, to: number): Promise<void> =>
    lock.run(async () => {
      const { batch } = payload;
      if (stopping || failed) return;
      const key = partitionKey(batch.topic, batch.partition);
      // Records below the position are in the state already: restored from the snapshot, or fetched
      // again because kafkajs resumes from the committed offsets (the snapshot's) after every
      // rebalance, including the ones standbys cause by joining.
      const skip = positions.get(key)?.offset ?? -1;
      watermark.fetched(key, Number(batch.highWatermark));
      if (batch.topic !== t.sourceEvents) maybeSweep();
      let last = -1;
      let n = 0;
      let inSnapshot = 0;
      try {
        for (let i = from; i < to; i++) {
          const msg = batch.messages[i]!;
          const offset = Number(msg.offset);
          last = offset;
          if (offset < skip) {
            inSnapshot++;
            continue;
          }
          try {
            apply(batch.topic, batch.partition, key, msg);
            n++;
          } catch (err) {
            // Undecodable input is skipped, not retried forever.
            logger.warn({ err, topic: batch.topic, partition: batch.partition, offset }, 'bad record');
            m.skipped.inc({ topic: batch.topic, why: 'undecodable' });
          }
        }
        // A batch's last slice also covers the transaction markers after its last record.
        if (to === batch.messages.length && last >= 0) last = Math.max(last, Number(batch.lastOffset()));
        // Positions move once per slice: nothing reads this partition's position while it is applied.
        if (last >= skip)
          positions.set(key, { topic: batch.topic, partition: batch.partition, offset: last + 1 });
        if (last >= 0) payload.resolveOffset(String(last));
        if (inSnapshot > 0) m.skipped.inc({ topic: batch.topic, why: 'applied-before' }, inSnapshot);
        m.records.inc({ topic: batch.topic }, n);
        if (n > 0) {
          m.idle.set(0);
          sinceSnapshot += n;
          lastActivity = Date.now();
          dirty = true;
        }
        await publish();
        if (last >= 0)
          m.lag.set(
            { topic: batch.topic, partition: String(batch.partition) },
            Math.max(0, Number(batch.highWatermark) - last - 1),
          );
        if (sinceSnapshot > 0 && Date.now() - lastSnapshot >= config.snapshotIntervalMs) await snapshot();
      } catch (err) {
        fatal(err);
        throw err;
      }
    });

  // Resolved once this instance is active: batches only come to the active instance, and wait for
  // its restore.
  let activated: Promise<void> | undefined;
  const eachBatch = async (payload: EachBatchPayload): Promise<void> => {
    await activated;
    const { batch } = payload;
    const messages = batch.messages;
    const numberSide = batch.topic !== t.sourceEvents;
    const step = config.lockstepRecords;
    let i = 0;
    while (i < messages.length) {
      if (stopping || failed || !payload.isRunning() || payload.isStale()) return;
      let end = messages.length;
      if (numberSide) {
        await lockstep.caughtUp(
          () => payload.heartbeat(),
          () => stopping || failed,
        );
        // Lockstep points at fixed offsets, so a restarted scorer pauses where the first one did.
        const boundary = (Math.floor(Number(messages[i]!.offset) / step) + 1) * step;
        end = i + 1;
        while (end < messages.length && Number(messages[end]!.offset) < boundary) end++;
      }
      await applySlice(payload, i, end);
      i = end;
    }
    if (!numberSide) lockstep.applied();
    await payload.heartbeat();
  };

  /** True when the state reflects every record on every input partition (asked of the broker). */
  const caughtUp = async (): Promise<boolean> => {
    try {
      for (const topic of [...numberTopics, t.sourceEvents]) {
        for (const e of await admin.fetchTopicOffsets(topic)) {
          const at = positions.get(partitionKey(topic, e.partition))?.offset ?? Number(e.low);
          if (at < Number(e.high)) return false;
        }
      }
      return true;
    } catch (err) {
      // kafkajs's admin gives up at once when the broker is unreachable (it retries only unknown
      // topics). Not knowing means "not yet": the next tick asks again; the state is intact.
      logger.warn({ err: (err as Error).message }, 'could not read input ends; will retry');
      return false;
    }
  };

  // Idle work: once caught up, sources get their final evaluation (what offline scoring does at the
  // end of input), and the position is snapshotted so committed offsets catch up.
  const tick = (): void => {
    if (stopping || failed || claim === 0) return;
    void lock
      .run(async () => {
        if (stopping || failed) return;
        if (policy.due(lockstep.behind())) await commit();
        const now = Date.now();
        const idle = now - lastActivity >= config.idleFlushMs;
        if (idle && dirty && (await caughtUp())) {
          // What offline scoring does at the end of input: final scores, exactly published.
          dirty = false;
          numbers.detectCampaigns();
          sources.flush();
          numbers.flush();
          // Snapshot the settled state at once: a restart then resumes with nothing left to settle.
          await snapshot();
        }
        if (sinceSnapshot > 0 && now - lastSnapshot >= config.snapshotIntervalMs) await snapshot();
        if (idle && !dirty && sinceSnapshot === 0 && (await caughtUp())) m.idle.set(1);
      })
      .catch(fatal);
  };
  const timer = setInterval(tick, Math.min(1_000, config.snapshotIntervalMs, config.idleFlushMs));
  timer.unref();

  const heartbeatInterval = Math.floor(config.sessionTimeoutMs / 5);
  const consumerOptions = {
    sessionTimeout: config.sessionTimeoutMs,
    heartbeatInterval,
    // A member with no partitions (a standby) heartbeats only after each empty fetch, and kafkajs
    // makes that fetch by sleeping maxWaitTimeInMs (5 s by default): a standby then noticed a dead
    // active instance up to 5 s after its session expired, and failover took 6-11 s. Capping the wait
    // at the heartbeat interval makes standbys heartbeat on time; the active instance's fetches return
    // as soon as there is input, so this only adds an empty fetch per interval when idle.
    maxWaitTimeInMs: heartbeatInterval,
    allowAutoTopicCreation: false,
    maxBytesPerPartition: config.fetchBytesPerPartition,
    partitionAssigners: [activeStandbyAssigner(() => claim)],
  };
  const numberConsumer: Consumer = kafka.consumer({ groupId: config.groupId, ...consumerOptions });
  const sourceConsumer: Consumer = kafka.consumer({ groupId: sourceGroupId, ...consumerOptions });
  const run = { autoCommit: false, eachBatchAutoResolve: false, eachBatch };

  /**
   * Takes over: fences the previous active instance (its open transaction is aborted and it can
   * write nothing more), restores the latest snapshot it committed, and starts the source stage.
   */
  const activate = async (): Promise<void> => {
    const started = Date.now();
    await producer.connect();
    await untilReachable('fence', () => writer.sender());
    const restored = await untilReachable('snapshot', () => store.read());
    if (restored !== undefined) {
      applied = readEngineState(restored.state, numbers, sources);
      for (const o of restored.offsets)
        if (!outputTopics.has(o.topic)) positions.set(partitionKey(o.topic, o.partition), { ...o });
    }
    // What a previous instance published after this snapshot (or at all, when it never wrote one)
    // may not be what this state will publish, and it may never publish those keys again: the
    // first flush settles every such key.
    for (const [topic, stage] of [
      [t.callerRisk, numbers.stage],
      [t.sourceRisk, sources.stage],
    ] as const) {
      const from = new Map(
        (restored?.offsets ?? []).filter((o) => o.topic === topic).map((o) => [o.partition, o.offset]),
      );
      const keys = await untilReachable('outputs since the snapshot', () =>
        keysSince(kafka, admin, topic, from, logger),
      );
      for (const key of keys) stage.suspects.add(key);
    }
    dirty = numbers.stage.suspects.size + sources.stage.suspects.size > 0;
    const ends = (
      await untilReachable('observation ends', () => admin.fetchTopicOffsets(t.sourceEvents))
    ).map((e) => ({ partition: e.partition, low: Number(e.low), high: Number(e.high) }));
    lockstep = new Lockstep(ends, (partition) => positions.get(sourceKeys[partition]!)?.offset);
    for (const topic of [t.cdr, t.complaints]) {
      for (const e of await untilReachable('input ends', () => admin.fetchTopicOffsets(topic)))
        watermark.track(partitionKey(topic, e.partition), Number(e.high));
    }
    claim = Math.max(Date.now(), (restored?.id ?? 0) + 1);
    await sourceConsumer.connect();
    await sourceConsumer.subscribe({ topics: [t.sourceEvents], fromBeginning: true });
    await sourceConsumer.run(run);
    m.activations.inc();
    m.restoreSeconds.set((Date.now() - started) / 1000);
    m.active.set(1);
    logger.info(
      {
        snapshot: restored?.id,
        bytes: restored?.state.length ?? 0,
        numbers: numbers.stage.states.size,
        tookMs: Date.now() - started,
      },
      'active: fenced the previous instance and restored the latest snapshot',
    );
  };

  for (const c of [numberConsumer, sourceConsumer]) {
    c.on(c.events.CRASH, (e) => {
      if (!e.payload.restart) fatal(e.payload.error);
    });
  }
  // A batch that ends in transaction markers only (no records) never reaches eachBatch; the
  // position still moves past them, or the source stage would never look caught up.
  sourceConsumer.on(sourceConsumer.events.END_BATCH_PROCESS, (e) => {
    if (e.payload.batchSize !== 0 || claim === 0) return;
    const key = partitionKey(e.payload.topic, e.payload.partition);
    const next = Number(e.payload.lastOffset) + 1;
    // Never past the end: a batch can also be empty because all it held lay below the fetch offset.
    if (next > positionOf(key) && next <= Number(e.payload.highWatermark))
      positions.set(key, { topic: e.payload.topic, partition: e.payload.partition, offset: next });
    // The source stage may have caught up here, with no slice left to commit what it held back.
    if (policy.pending && !lockstep.behind())
      void lock
        .run(async () => {
          if (!stopping && !failed && policy.due(lockstep.behind())) await commit();
        })
        .catch(fatal);
    lockstep.applied();
  });
  numberConsumer.on(numberConsumer.events.GROUP_JOIN, (e) => {
    const mine = Object.values(e.payload.memberAssignment).some((parts) => parts.length > 0);
    if (mine && activated === undefined) {
      activated = activate();
      activated.catch(fatal);
    } else if (!mine && activated !== undefined && !stopping) {
      fatal(new RingfenceError('CONFLICT', 'another scorer instance took over this group'));
    } else if (!mine) {
      logger.info({ groupId: config.groupId }, 'standing by');
    }
  });
  await numberConsumer.connect();
  await numberConsumer.subscribe({ topics: [...numberTopics], fromBeginning: true });
  await numberConsumer.run(run);

  return {
    live: () => !failed,
    async stop() {
      stopping = true;
      clearInterval(timer);
      // A takeover under way finishes first: its snapshot then holds the restored state.
      await activated?.catch(() => undefined);
      // The batch in flight finishes under the lock; then publish, snapshot and commit while the
      // consumers are still members of their groups.
      if (!failed && claim !== 0) await lock.run(snapshot);
      await Promise.all([numberConsumer.disconnect(), sourceConsumer.disconnect()]);
      await producer.disconnect();
      await admin.disconnect();
    },
    async abandon(timeoutMs) {
      // The state is suspect: nothing more is applied, published or snapshotted. Leaving the groups
      // matters most (a member that keeps its claim would keep every partition); a broker that is
      // down may not answer, and then the session timeout removes the member.
      failed = true;
      stopping = true;
      claim = 0;
      m.active.set(0);
      clearInterval(timer);
      const all = Promise.allSettled([
        numberConsumer.disconnect(),
        sourceConsumer.disconnect(),
        producer.disconnect(),
        admin.disconnect(),
      ]);
      await Promise.race([all, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    },
  };
}
