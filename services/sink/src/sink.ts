import {
  RingfenceError,
  batchEnd,
  createClickHouse,
  createKafka,
  ensureTopics,
  ident,
  onRecordlessBatch,
  toRingfenceError,
  topicName,
  type Logger,
  type Registry,
  topicSettings,
} from '@ringfence/common';
import { insertCdrBytes, waitForSchema, type StoreDb } from '@ringfence/store';
import { Batcher } from './batcher.js';
import type { SinkConfig } from './config.js';
import { SINK_TOPICS, appendCdrRow, decodeRow, type SinkRole } from './decode.js';
import { sinkMetrics, type SinkMetrics } from './metrics.js';
import { StallGuard } from './stall-guard.js';

export { loadSinkConfig, sinkConfigSchema, type SinkConfig } from './config.js';
export { SINK_TOPICS } from './decode.js';

export interface RunningSink {
  readonly metrics: SinkMetrics;
  /** Rows buffered or being inserted right now. */
  pending(): number;
  /** Flushes what is buffered, commits, leaves the group and closes connections. */
  stop(): Promise<void>;
}

export interface SinkOptions {
  /**
   * The sink is broken beyond mending in place: its consumer consumed nothing for `STALL_TIMEOUT_MS`
   * while input waited. The service stops and is started again.
   */
  readonly onFatal?: (err: unknown) => void;
}

/**
 * Starts the sink: waits (with backoff, also while ClickHouse cannot be reached, as after a power
 * cut) until `ringfence db migrate` has applied the schema this build writes, consumes the pipeline's topics and writes
 * them into ClickHouse in large batches, committing Kafka offsets only after ClickHouse accepted them.
 */
export async function startSink(
  config: SinkConfig,
  logger: Logger,
  registry: Registry,
  options: SinkOptions = {},
): Promise<RunningSink> {
  const metrics = sinkMetrics(registry);
  const target = {
    url: config.clickhouseUrl,
    database: config.clickhouseDatabase,
    username: config.clickhouseUser,
    password: config.clickhousePassword,
  };
  // A refused login stops start-up at once; only the migrate Job migrates, and retention runs there too.
  await waitForSchema(target, { pollMs: config.retryInitialMs, maxPollMs: config.retryMaxMs, logger });
  const ch = createClickHouse({ ...target, requestTimeoutMs: config.insertTimeoutMs });
  const store: StoreDb = { ch, database: config.clickhouseDatabase };

  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'ringfence-sink', logger });
  // Kept for the stall guard's questions about where the input ends.
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, config.topicPrefix, topicSettings(config));
  } catch (err) {
    await admin.disconnect();
    throw err;
  }

  const roleOf = new Map<string, SinkRole>(
    (Object.keys(SINK_TOPICS) as SinkRole[]).map((r) => [topicName(config.topicPrefix, r), r]),
  );
  const topics = [...roleOf.keys()];
  const consumer = kafka.consumer({
    groupId: config.groupId,
    maxBytesPerPartition: 8 * 1024 * 1024,
    maxBytes: 64 * 1024 * 1024,
    maxWaitTimeInMs: 250,
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
  });

  let paused = false;
  const guard = new StallGuard({
    admin,
    groupId: config.groupId,
    fromBeginning: config.fromBeginning,
    timeoutMs: config.stallTimeoutMs,
    paused: () => paused,
    logger,
    onStall: (stalledMs) =>
      options.onFatal?.(
        new RingfenceError(
          'UNAVAILABLE',
          `consumed nothing for ${stalledMs} ms while behind on its input (STALL_TIMEOUT_MS): stalled`,
        ),
      ),
  });
  // The partitions this replica was last given: their lag series go with them, or a replica would
  // report the last lag of a partition another one now reads, forever.
  let held: Readonly<Record<string, readonly number[]>> = {};
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    const now = e.payload.memberAssignment;
    for (const [topic, partitions] of Object.entries(held))
      for (const p of partitions)
        if (!(now[topic] ?? []).includes(p)) metrics.lag.remove({ topic, partition: String(p) });
    held = now;
    guard.assigned(now);
  });
  const onPressure = (overloaded: boolean): void => {
    if (overloaded === paused) return;
    paused = overloaded;
    metrics.paused.set(overloaded ? 1 : 0);
    if (overloaded) consumer.pause(topics.map((topic) => ({ topic })));
    else consumer.resume(topics.map((topic) => ({ topic })));
    logger.info(
      { pending: batcher.pending },
      overloaded ? 'buffer full: consumption paused' : 'consumption resumed',
    );
  };

  const batcher = new Batcher(
    config,
    async (table, batch) => {
      // CDRs are nearly all the volume: they are encoded as RowBinary as they arrive (the cheapest
      // format for ClickHouse to parse, and nothing but bytes held per row), and only they are.
      if (batch.format === 'RowBinary') {
        await insertCdrBytes(store, batch.chunks);
        return;
      }
      // The other tables keep JSONEachRow (arrays, low volume).
      await ch.insert({
        table: ident(config.clickhouseDatabase, table).text,
        values: batch.rows,
        format: 'JSONEachRow',
        // Rows carry unix seconds: basic parsing reads them and is much cheaper than best_effort.
        clickhouse_settings: { date_time_input_format: 'basic' },
      });
    },
    (offsets) => consumer.commitOffsets(offsets),
    logger.child({ component: 'batcher' }),
    metrics,
    onPressure,
  );

  /**
   * The partition's input is taken in up to `next`: its rows are in the batcher, synchronously after
   * them (no flush can start in between), so their offsets commit with those rows.
   */
  const passed = (topic: string, partition: number, next: number, highWatermark: number): void => {
    guard.consumed(topic, partition, String(next - 1));
    batcher.advance(topic, partition, String(next - 1));
    metrics.lag.set({ topic, partition: String(partition) }, Math.max(0, highWatermark - next));
  };
  onRecordlessBatch(consumer, passed);

  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: config.fromBeginning });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: config.partitionsConsumedConcurrently,
    eachBatch: async (payload) => {
      const { batch } = payload;
      const role = roleOf.get(batch.topic);
      if (role === undefined) return;
      const table = SINK_TOPICS[role];
      const now = Date.now();
      let last: string | undefined;
      let whole = true;
      for (const m of batch.messages) {
        // The bound holds per row, not per fetch: one fetch can carry megabytes of a partition.
        // What is left of the batch is fetched again from the resolved offset once consumption resumes.
        if (!payload.isRunning() || payload.isStale() || batcher.overloaded) {
          whole = false;
          break;
        }
        try {
          if (role === 'cdr') {
            // A null value on cdr.v1 carries nothing to store.
            if (m.value !== null) batcher.addEncoded(table, appendCdrRow, m.value);
          } else {
            const row = decodeRow(role, m.key, m.value, Number(m.timestamp), now);
            if (row !== undefined) batcher.addRow(table, row);
          }
        } catch (err) {
          metrics.decodeErrors.inc({ topic: batch.topic });
          logger.warn(
            {
              topic: batch.topic,
              partition: batch.partition,
              offset: m.offset,
              err: toRingfenceError(err).message,
            },
            'undecodable message skipped',
          );
        }
        last = m.offset;
      }
      if (last !== undefined) {
        if (whole) last = String(batchEnd(batch, Number(last)));
        passed(batch.topic, batch.partition, Number(last) + 1, Number(batch.highWatermark));
        // Moves the fetch position only; with autoCommit off nothing is committed until the batcher says so.
        payload.resolveOffset(last);
      }
      batcher.maybeFlush();
      await Promise.resolve();
    },
  });

  const ageTimer = setInterval(
    () => batcher.maybeFlush(),
    Math.max(10, Math.min(500, config.flushAgeMs / 2)),
  );
  guard.start();
  logger.info({ topics, database: config.clickhouseDatabase, groupId: config.groupId }, 'sink started');

  return {
    metrics,
    pending: () => batcher.pending,
    async stop() {
      clearInterval(ageTimer);
      guard.stop();
      consumer.pause(topics.map((topic) => ({ topic })));
      // With ClickHouse down the drain cannot finish; what is not inserted stays uncommitted and is
      // read again on the next start, so giving up after a while loses nothing.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        batcher.drain(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, config.stopDrainMs);
        }),
      ]);
      clearTimeout(timer);
      batcher.close();
      await consumer.disconnect();
      await admin.disconnect();
      await ch.close();
    },
  };
}
