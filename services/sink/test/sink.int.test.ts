import { connect, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, createMetrics, ident, sql, topicName } from '@ringfence/common';
import { freePort, testStack, until } from '@ringfence/common/testing';
import { FeedbackAction, Level, SubjectKind, cdrv1, feedbackv1, riskv1 } from '@ringfence/proto';
import {
  callerHourly,
  callerSummary,
  countCdrs,
  feedbackFor,
  listAlerts,
  migrate,
  riskHistory,
  sourceHourly,
  type StoreDb,
} from '@ringfence/store';
import { loadSinkConfig, startSink, type RunningSink } from '../src/sink.js';
import { T0, caughtUp, cdrFixture, produceCdrs, range } from './fixtures.js';

const stack = testStack();
const N = 20_000;
const DUPES = 1_500;
const db: StoreDb = { ch: stack.clickhouse(), database: stack.database };
const logger = createLogger('sink-test', 'error');
const from = T0 - 86_400_000;
const to = T0 + 5 * 86_400_000;

function sinkConfig(groupId: string): ReturnType<typeof loadSinkConfig> {
  return loadSinkConfig({
    env: {},
    overrides: {
      kafkaBrokers: stack.brokers,
      topicPrefix: stack.topicPrefix,
      clickhouseUrl: stack.clickhouseUrl,
      clickhouseDatabase: stack.database,
      groupId,
      flushRows: 4_000,
      flushAgeMs: 200,
      logLevel: 'warn',
    },
  });
}

describe('sink end to end', () => {
  const admin = stack.kafka().admin();
  let sink: RunningSink | undefined;

  beforeAll(async () => {
    // The sink waits for the schema; the migrate Job's part is played here.
    await migrate({ url: stack.clickhouseUrl, database: stack.database });
    await admin.connect();
  });
  afterAll(async () => {
    await sink?.stop();
    await admin.disconnect();
    await db.ch.close();
    await stack.dropDatabase();
  });

  it('stores every CDR exactly once despite duplicates, and all other event topics', async () => {
    sink = await startSink(sinkConfig(`g1-${stack.database}`), logger, createMetrics('sink'));
    const kafka = stack.kafka();
    // Every CDR once, then a slice again (a producer retry), and one record with no call_id.
    expect(await produceCdrs(kafka, stack.topicPrefix, range(0, N))).toBe(N);
    expect(await produceCdrs(kafka, stack.topicPrefix, range(0, DUPES))).toBe(DUPES);
    const producer = kafka.producer();
    await producer.connect();
    const noId = { ...cdrFixture(N + 1), callId: '' };
    await producer.send({
      topic: topicName(stack.topicPrefix, 'cdr'),
      messages: [
        { key: 'x', value: Buffer.from(cdrv1.CallDetailRecord.encode(noId).finish()) },
        { key: 'y', value: Buffer.from([0xff, 0xff, 0xff, 0xff]) },
      ],
    });
    const verdict = {
      kind: SubjectKind.SUBJECT_KIND_NUMBER,
      id: '+8613800000007',
      score: 70,
      level: Level.LEVEL_HIGH,
      category: 'robocall',
      reasons: [{ code: 'RATE', value: 30, threshold: 10, window: '10m', points: 70 }],
      updatedMs: T0 + 1000,
    };
    const verdictBytes = Buffer.from(riskv1.RiskVerdict.encode(verdict).finish());
    await producer.send({
      topic: topicName(stack.topicPrefix, 'callerRisk'),
      messages: [
        { key: verdict.id, value: verdictBytes },
        { key: verdict.id, value: verdictBytes },
        { key: verdict.id, value: null, timestamp: String(T0 + 3_600_000) },
      ],
    });
    const source = { ...verdict, kind: SubjectKind.SUBJECT_KIND_TRUNK, id: 'trunk-3' };
    await producer.send({
      topic: topicName(stack.topicPrefix, 'sourceRisk'),
      messages: [{ key: 'trunk:trunk-3', value: Buffer.from(riskv1.RiskVerdict.encode(source).finish()) }],
    });
    const alert = riskv1.Alert.encode({
      alertId: 'al-1',
      timeMs: T0 + 1000,
      kind: SubjectKind.SUBJECT_KIND_NUMBER,
      id: verdict.id,
      fromLevel: Level.LEVEL_NONE,
      toLevel: Level.LEVEL_HIGH,
      verdict,
      evidence: { calls_10m: 30 },
    }).finish();
    await producer.send({
      topic: topicName(stack.topicPrefix, 'alerts'),
      messages: [
        { key: verdict.id, value: Buffer.from(alert) },
        { key: verdict.id, value: Buffer.from(alert) },
      ],
    });
    const fb = feedbackv1.Feedback.encode({
      feedbackId: 'fb-1',
      timeMs: T0 + 2000,
      kind: SubjectKind.SUBJECT_KIND_NUMBER,
      id: verdict.id,
      action: FeedbackAction.FEEDBACK_ACTION_CONFIRM,
      operator: "o'brien",
    }).finish();
    await producer.send({
      topic: topicName(stack.topicPrefix, 'feedback'),
      messages: [{ key: verdict.id, value: Buffer.from(fb) }],
    });
    await producer.disconnect();

    const group = `g1-${stack.database}`;
    for (const role of ['cdr', 'callerRisk', 'sourceRisk', 'alerts', 'feedback'] as const) {
      await until(`${role} committed`, () => caughtUp(admin, group, topicName(stack.topicPrefix, role)));
    }
    // Offsets are committed only after the insert, so everything is visible now.
    expect(await countCdrs(db, from, to)).toBe(N);
    const raw = await db.ch
      .query({ query: sql`SELECT count() AS n FROM ${ident(db.database, 'cdr')}`, format: 'JSONEachRow' })
      .then((r) => r.json<{ n: string }>());
    expect(Number(raw[0]?.n)).toBeGreaterThanOrEqual(N);

    const caller = cdrFixture(7).calling?.e164 ?? '';
    const expected = range(0, N).filter((i) => i % 500 === 7).length;
    const summary = await callerSummary(db, caller, from, to);
    expect(summary.calls).toBe(expected);
    const hourly = await callerHourly(db, caller, from, to);
    expect(hourly.reduce((a, h) => a + h.calls, 0)).toBe(expected);
    const trunk = await sourceHourly(db, 'trunk', 'trunk-3', from, to);
    expect(trunk.reduce((a, h) => a + h.calls, 0)).toBe(range(0, N).filter((i) => i % 7 === 3).length);

    expect((await riskHistory(db, 'number', verdict.id)).map((r) => [r.level, r.expired])).toEqual([
      ['HIGH', false],
      ['NONE', true],
    ]);
    expect(await riskHistory(db, 'trunk', 'trunk-3')).toHaveLength(1);
    expect(await listAlerts(db, { from, to })).toHaveLength(1);
    expect((await feedbackFor(db, 'number', verdict.id))[0]).toMatchObject({
      action: 'confirm',
      operator: "o'brien",
    });
    expect((await sink.metrics.decodeErrors.get()).values.reduce((a, v) => a + v.value, 0)).toBe(2);
  });

  it('a replay of the whole topic by a new consumer group still counts each CDR once', async () => {
    await sink?.stop();
    sink = await startSink(sinkConfig(`g2-${stack.database}`), logger, createMetrics('sink'));
    await until('replay committed', () =>
      caughtUp(admin, `g2-${stack.database}`, topicName(stack.topicPrefix, 'cdr')),
    );
    expect(await countCdrs(db, from, to)).toBe(N);
    const caller = cdrFixture(7).calling?.e164 ?? '';
    const hourly = await callerHourly(db, caller, from, to);
    expect(hourly.reduce((a, h) => a + h.calls, 0)).toBe(range(0, N).filter((i) => i % 500 === 7).length);
    expect(await listAlerts(db, { from, to })).toHaveLength(1);
  });

  it("a second replica of the group takes some partitions, and each partition's lag is reported by one replica", async () => {
    const cdrTopic = topicName(stack.topicPrefix, 'cdr');
    const partitions = (await admin.fetchTopicOffsets(cdrTopic)).length;
    const reported = async (s: RunningSink | undefined): Promise<string[]> =>
      (await s!.metrics.lag.get()).values
        .filter((v) => v.labels.topic === cdrTopic)
        .map((v) => String(v.labels.partition));
    expect(await reported(sink)).toHaveLength(partitions);
    const second = await startSink(sinkConfig(`g2-${stack.database}`), logger, createMetrics('sink'));
    try {
      await until(
        'the first replica giving partitions away',
        async () => (await reported(sink)).length < partitions,
        60_000,
      );
      // Copies of CDRs already stored: every partition gets input again, nothing new is counted.
      await produceCdrs(stack.kafka(), stack.topicPrefix, range(0, 600));
      await until(
        'both replicas reporting the lag of what they read',
        async () => {
          const both = [...(await reported(sink)), ...(await reported(second))];
          return new Set(both).size === partitions;
        },
        60_000,
      );
      const [first, other] = [await reported(sink), await reported(second)];
      expect(first.filter((p) => other.includes(p))).toEqual([]);
      expect(first.length + other.length).toBe(partitions);
      await until('copies committed', () => caughtUp(admin, `g2-${stack.database}`, cdrTopic));
      expect(await countCdrs(db, from, to)).toBe(N);
    } finally {
      await second.stop();
    }
  });

  // A sink one marker short of a partition's end looks behind to its stall guard, which restarts it.
  it('reads past transaction markers and aborted transactions: an idle sink commits to the end and reports no lag', async () => {
    await sink?.stop();
    sink = undefined;
    const group = `g5-${stack.database}`;
    const alerts = topicName(stack.topicPrefix, 'alerts');
    const txSink = await startSink(sinkConfig(group), logger, createMetrics('sink'));
    // As the scorer writes alerts: in transactions, some of them aborted (a fenced or failed task).
    const producer = stack.kafka().producer({
      transactionalId: `${group}.tx`,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    const alert = (id: string, number: string): Buffer =>
      Buffer.from(
        riskv1.Alert.encode({
          alertId: id,
          timeMs: T0 + 5000,
          kind: SubjectKind.SUBJECT_KIND_NUMBER,
          id: number,
          fromLevel: Level.LEVEL_NONE,
          toLevel: Level.LEVEL_HIGH,
        }).finish(),
      );
    try {
      for (const [i, commit] of [true, false, true, false].entries()) {
        const tx = await producer.transaction();
        await tx.send({
          topic: alerts,
          messages: [
            { key: '+8613800000101', value: alert(`tx-${i}-a`, '+8613800000101') },
            { key: '+8613800000202', value: alert(`tx-${i}-b`, '+8613800000202') },
          ],
        });
        await (commit ? tx.commit() : tx.abort());
      }
      await until('the alerts committed to their ends', () => caughtUp(admin, group, alerts), 30_000);
      const lags = (await txSink.metrics.lag.get()).values.filter((v) => v.labels.topic === alerts);
      expect(lags.length).toBeGreaterThan(0);
      expect(lags.filter((v) => v.value !== 0)).toEqual([]);
      const stored = await listAlerts(db, { from, to });
      expect(
        stored
          .filter((a) => a.alertId.startsWith('tx-'))
          .map((a) => a.alertId)
          .sort(),
      ).toEqual(['tx-0-a', 'tx-0-b', 'tx-2-a', 'tx-2-b']);
    } finally {
      await producer.disconnect();
      await txSink.stop();
    }
  });

  it('waits for a ClickHouse that is not up yet instead of exiting, then stores everything', async () => {
    await sink?.stop();
    sink = undefined;
    // Nothing listens on the port at first; after a while a TCP relay to the real server opens on it.
    const port = await freePort();
    const real = new URL(stack.clickhouseUrl);
    const relay = createServer((client) => {
      const upstream = connect(Number(real.port), real.hostname);
      client.pipe(upstream).pipe(client);
      const close = (): void => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', close);
      upstream.on('error', close);
    });
    const config = loadSinkConfig({
      env: {},
      overrides: {
        ...sinkConfig(`g3-${stack.database}`),
        clickhouseUrl: `http://127.0.0.1:${port}`,
        retryInitialMs: 50,
        retryMaxMs: 200,
      },
    });
    const registry = createMetrics('sink');
    let started = false;
    const starting = startSink(config, logger, registry).then((s) => {
      started = true;
      return s;
    });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(started).toBe(false);
    await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
    try {
      sink = await starting;
      await until('replay through the relay committed', () =>
        caughtUp(admin, `g3-${stack.database}`, topicName(stack.topicPrefix, 'cdr')),
      );
      expect(await countCdrs(db, from, to)).toBe(N);
      await sink.stop();
      sink = undefined;
    } finally {
      relay.close();
    }
  });

  it('still stops start-up at once when ClickHouse answers with a refusal', async () => {
    const config = loadSinkConfig({
      env: {},
      overrides: { ...sinkConfig(`g4-${stack.database}`), clickhouseUser: 'nobody' },
    });
    await expect(startSink(config, logger, createMetrics('sink'))).rejects.toThrow(/nobody/);
  });
});
