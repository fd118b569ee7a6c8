import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import {
  createKafka,
  ensureTopics,
  topicName,
  topicSettings,
  type Logger,
  type Registry,
} from '@ringfence/common';
import { NumberStage, SourceStage, loadRules, subjectKey, type EngineSink } from '@ringfence/engine';
import { cdrv1 } from '@ringfence/proto';
import { decodeFeedback, encodeAlert, encodeVerdict, forEachObservation } from './codec.js';
import type { ScorerConfig } from './config.js';
import { decodeCdrForScoring } from './cdr-decoder.js';
import { readEngineState, writeEngineState } from './engine-state.js';
import { keysSince } from './output-keys.js';
import { ObservationPacker } from './observation-packer.js';
import { OutputBuffer } from './output-buffer.js';
import { scorerMetrics } from './scorer-metrics.js';
import { SerialLock } from './serial-lock.js';
import { SnapshotStore, type InputOffset } from './snapshot-store.js';

/** kafkajs errors that mean the broker could not be reached (not that it refused the request). */
const UNREACHABLE = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSBrokerNotFound',
]);

function unreachable(err: unknown): boolean {
  const e = err as { name?: string; cause?: { name?: string } };
  return UNREACHABLE.has(e.name ?? '') || UNREACHABLE.has(e.cause?.name ?? '');
}

/** Order of a CDR's observations (one per source kind), for the replay filter. */
const KIND_SEQ = { trunk: 0, carrier: 1, device: 2 } as const;

export interface Scorer {
  /** Finishes the batch in flight, publishes, snapshots, commits and disconnects. */
  stop(): Promise<void>;
  /** False once the engine state can no longer be trusted (the process must restart from its snapshot). */
  live(): boolean;
}

export interface ScorerOptions {
  /** Called once when a batch failed half-applied; the state is suspect and the process should exit. */
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
  const m = scorerMetrics(registry);
  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: `scorer-${process.pid}`, logger });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, p, topicSettings(config));
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();

  // The ends of the source-events partitions: read once, then advanced by our own acknowledged
  // writes (one active scorer per group is the only writer), so lockstep needs no broker round trip.
  const sourceEnds = (await admin.fetchTopicOffsets(t.sourceEvents))
    .sort((a, b) => a.partition - b.partition)
    .map((e) => ({ partition: e.partition, low: Number(e.low), high: Number(e.high) }));
  const sourcePartitions = sourceEnds.length;
  const out = new OutputBuffer(producer, config.produceBatchSize, m.published, (topic, partition, next) => {
    const e = topic === t.sourceEvents ? sourceEnds[partition] : undefined;
    if (e !== undefined && next > e.high) e.high = next;
  });
  const packer = new ObservationPacker(sourcePartitions, 64 * 1024, (partition, value) =>
    out.push(t.sourceEvents, `pack:${partition}`, value, partition),
  );
  /** Publishes everything the engine emitted so far and waits for the acknowledgements. */
  const publish = async (): Promise<void> => {
    packer.drain();
    await out.flush();
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
    producer,
    t.snapshots,
    config.groupId,
    config.snapshotChunkBytes,
    logger,
  );
  /** Highest (origin offset, kind) applied per source-events partition and cdr.v1 partition. */
  let applied = new Map<string, number>();
  /** Next offset per input partition that the state reflects. */
  const positions = new Map<string, InputOffset>();
  const restored = await store.read();
  if (restored !== undefined) {
    applied = readEngineState(restored.state, numbers, sources);
    for (const o of restored.offsets)
      if (!outputTopics.has(o.topic)) positions.set(partitionKey(o.topic, o.partition), { ...o });
    // What the previous process published after this snapshot may not be what this state will
    // publish (it may never publish those keys again): the first flush settles every such key.
    for (const [topic, stage] of [
      [t.callerRisk, numbers.stage],
      [t.sourceRisk, sources.stage],
    ] as const) {
      const from = new Map(
        restored.offsets.filter((o) => o.topic === topic).map((o) => [o.partition, o.offset]),
      );
      if (from.size === 0) continue;
      for (const key of await keysSince(kafka, admin, topic, from, logger)) stage.suspects.add(key);
    }
    logger.info(
      { snapshot: restored.id, bytes: restored.state.length, numbers: numbers.stage.states.size },
      'restored state snapshot',
    );
  }
  const sourceKeys = sourceEnds.map((e) => partitionKey(t.sourceEvents, e.partition));
  /** True while the source stage has not applied every observation published so far. */
  const sourcesBehind = (): boolean =>
    sourceEnds.some((e, i) => (positions.get(sourceKeys[i]!)?.offset ?? e.low) < e.high);
  /** Records below these offsets are already in the restored state. */
  const skipBelow = new Map([...positions].map(([k, o]) => [k, o.offset]));

  const consumerOptions = {
    sessionTimeout: config.sessionTimeoutMs,
    heartbeatInterval: Math.floor(config.sessionTimeoutMs / 5),
    allowAutoTopicCreation: false,
    maxBytesPerPartition: config.fetchBytesPerPartition,
  };
  const numberConsumer: Consumer = kafka.consumer({ groupId: config.groupId, ...consumerOptions });
  const sourceConsumer: Consumer = kafka.consumer({
    groupId: `${config.groupId}.sources`,
    ...consumerOptions,
  });
  const numberTopics = new Set([t.cdr, t.complaints, t.feedback]);

  const lock = new SerialLock();
  let stopping = false;
  let failed = false;
  let lastSnapshot = Date.now();
  let lastActivity = Date.now();
  let sinceSnapshot = 0;
  /** Records applied since the last final (exact) flush of both stages. */
  let dirty = numbers.stage.suspects.size + sources.stage.suspects.size > 0;
  /** Highest event time applied per number-stage input partition, and that partition's end as last fetched. */
  const partMax = new Map<string, number>();
  const partHigh = new Map<string, number>();
  for (const topic of [t.cdr, t.complaints]) {
    for (const e of await admin.fetchTopicOffsets(topic))
      partHigh.set(partitionKey(topic, e.partition), Number(e.high));
  }
  let lastSweepMs = 0;

  /**
   * Repeats a broker call while the broker cannot be reached: kafkajs's admin offset lookups and
   * offset commits give up at once on a connection error, and such a failure says nothing about the
   * state (only connection errors: a commit refused in a rebalance must still fail).
   */
  const untilReachable = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    for (let delay = 200; ; delay = Math.min(delay * 2, 5_000)) {
      try {
        return await call();
      } catch (err) {
        if (!unreachable(err) || stopping) throw err;
        logger.warn(
          { err: (err as Error).message, retryInMs: delay },
          `${what}: broker unreachable; retrying`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  };

  const snapshot = async (): Promise<void> => {
    const started = process.hrtime.bigint();
    await publish();
    const state = writeEngineState(numbers, sources, applied);
    const offsets = [...positions.values()];
    // The outputs' ends: after a crash, whatever lies beyond them was published by a state that is lost.
    for (const topic of outputTopics) {
      for (const e of await untilReachable('output ends', () => admin.fetchTopicOffsets(topic)))
        offsets.push({ topic, partition: e.partition, offset: Number(e.high) });
    }
    await store.write(state, offsets);
    // Committed offsets never run ahead of a durable snapshot; they feed lag monitoring and are
    // where a restart resumes reading (records below the snapshot's offsets are skipped).
    const commit = (c: Consumer, mine: (topic: string) => boolean): Promise<void> => {
      const list = offsets
        .filter((o) => mine(o.topic))
        .map((o) => ({ topic: o.topic, partition: o.partition, offset: String(o.offset) }));
      return list.length === 0 ? Promise.resolve() : untilReachable('commit', () => c.commitOffsets(list));
    };
    await commit(numberConsumer, (topic) => numberTopics.has(topic));
    await commit(sourceConsumer, (topic) => topic === t.sourceEvents);
    lastSnapshot = Date.now();
    sinceSnapshot = 0;
    m.snapshotBytes.set(state.length);
    m.snapshotSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
    m.tracked.set({ stage: 'number' }, numbers.stage.states.size);
    m.tracked.set({ stage: 'source' }, sources.stage.states.size);
    m.verdicts.set({ stage: 'number' }, numbers.stage.verdicts.size);
    m.verdicts.set({ stage: 'source' }, sources.stage.verdicts.size);
    m.late.set(numbers.stage.lateRecords);
  };

  const seen = (key: string, timeMs: number): void => {
    if (timeMs > (partMax.get(key) ?? -1)) partMax.set(key, timeMs);
  };

  // The hot path builds no key strings: one per partition (pair), made once.
  const cdrKeys: string[] = [];
  const cdrKey = (partition: number): string => (cdrKeys[partition] ??= partitionKey(t.cdr, partition));
  const appliedKeys: string[][] = [];
  const appliedKey = (partition: number, originPartition: number): string =>
    ((appliedKeys[partition] ??= [])[originPartition] ??= `${partition}:${originPartition}`);

  /**
   * The event time no number-stage input partition still being read is behind (the lowest of their
   * highest event times); 0 while one of them has not delivered anything yet. Records older than it
   * minus the allowed lateness are late.
   */
  const watermark = (): number => {
    let low = Number.POSITIVE_INFINITY;
    let high = 0;
    for (const [key, end] of partHigh) {
      const max = partMax.get(key);
      if (max !== undefined && max > high) high = max;
      if ((positions.get(key)?.offset ?? 0) >= end) continue;
      if (max === undefined) return 0;
      if (max < low) low = max;
    }
    return low === Number.POSITIVE_INFINITY ? high : low;
  };

  /**
   * Sweeps both stages (at most once per event-time hour) where the source stage has applied every
   * observation so far: no observation of a CDR already scored is still on its way.
   */
  const maybeSweep = (): void => {
    const w = watermark();
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
      seen(key, Number(cdr.setupTimeMs));
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
      seen(key, Number(c.timeMs));
      numbers.onComplaint(c);
    } else if (topic === t.feedback) {
      const fb = decodeFeedback(value);
      if (fb === undefined) return;
      if (fb.kind === 'number') numbers.onFeedback(fb);
      else sources.onFeedback(fb);
    }
  };

  const fatal = (err: unknown): void => {
    if (failed) return;
    failed = true;
    logger.fatal({ err }, 'scorer state is suspect after a failed batch; restart from the last snapshot');
    options.onFatal?.(err);
  };

  // Lockstep between the stages: the number stage takes its next batch only once the source stage
  // has applied every observation published so far, so source verdicts feed back into the number
  // stage at the same points of the input on every run (and the source stage's lag stays bounded).
  let waiters: (() => void)[] = [];
  const sourceApplied = (): void => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  /** Waits until the source stage has applied every observation published so far. */
  const sourcesCaughtUp = async (heartbeat: () => Promise<void>): Promise<void> => {
    while (sourcesBehind() && !stopping && !failed) {
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        // Wake up now and then to heartbeat and to notice a stop.
        setTimeout(resolve, 1_000).unref();
      });
      await heartbeat();
    }
  };

  /** Applies batch.messages[from, to) under the lock, publishes, and maybe snapshots. */
  const applySlice = (payload: EachBatchPayload, from: number, to: number): Promise<void> =>
    lock.run(async () => {
      const { batch } = payload;
      if (stopping || failed) return;
      const key = partitionKey(batch.topic, batch.partition);
      const skip = skipBelow.get(key) ?? -1;
      if (partHigh.has(key)) partHigh.set(key, Number(batch.highWatermark));
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
        // Positions move once per slice: nothing reads this partition's position while it is applied.
        if (last >= skip)
          positions.set(key, { topic: batch.topic, partition: batch.partition, offset: last + 1 });
        if (last >= 0) payload.resolveOffset(String(last));
        if (inSnapshot > 0) m.skipped.inc({ topic: batch.topic, why: 'in-snapshot' }, inSnapshot);
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

  const eachBatch = async (payload: EachBatchPayload): Promise<void> => {
    const { batch } = payload;
    const messages = batch.messages;
    const numberSide = batch.topic !== t.sourceEvents;
    const step = config.lockstepRecords;
    let i = 0;
    while (i < messages.length) {
      if (stopping || failed || !payload.isRunning() || payload.isStale()) return;
      let end = messages.length;
      if (numberSide) {
        await sourcesCaughtUp(() => payload.heartbeat());
        // Lockstep points at fixed offsets, so a restarted scorer pauses where the first one did.
        const boundary = (Math.floor(Number(messages[i]!.offset) / step) + 1) * step;
        end = i + 1;
        while (end < messages.length && Number(messages[end]!.offset) < boundary) end++;
      }
      await applySlice(payload, i, end);
      i = end;
    }
    if (!numberSide) sourceApplied();
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
    if (stopping || failed) return;
    void lock
      .run(async () => {
        if (stopping || failed) return;
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

  for (const c of [numberConsumer, sourceConsumer]) {
    c.on(c.events.CRASH, (e) => {
      if (!e.payload.restart) fatal(e.payload.error);
    });
  }
  await numberConsumer.connect();
  await sourceConsumer.connect();
  await numberConsumer.subscribe({ topics: [...numberTopics], fromBeginning: true });
  await sourceConsumer.subscribe({ topics: [t.sourceEvents], fromBeginning: true });
  const run = { autoCommit: false, eachBatchAutoResolve: false, eachBatch };
  await numberConsumer.run(run);
  await sourceConsumer.run(run);

  return {
    live: () => !failed,
    async stop() {
      stopping = true;
      clearInterval(timer);
      // The batch in flight finishes under the lock; then publish, snapshot and commit while the
      // consumers are still members of their groups.
      if (!failed) await lock.run(snapshot);
      await Promise.all([numberConsumer.disconnect(), sourceConsumer.disconnect()]);
      await producer.disconnect();
      await admin.disconnect();
    },
  };
}
