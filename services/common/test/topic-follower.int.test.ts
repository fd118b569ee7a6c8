import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { createLogger } from '../src/logger.js';
import { followTopics, type TopicFollower } from '../src/topic-follower.js';
import { testStack } from '../src/test-stack.js';
import { until } from '../src/until.js';

const stack = testStack();
const filled = `${stack.topicPrefix}follow-filled`;
const txn = `${stack.topicPrefix}follow-txn`;
const empty = `${stack.topicPrefix}follow-empty`;
const paced = `${stack.topicPrefix}follow-paced`;
const later = `${stack.topicPrefix}follow-later`;
const logger = createLogger('test', 'silent');
let kafka: Kafka;
let admin: Admin;
let producer: Producer;
const followers: TopicFollower[] = [];

beforeAll(async () => {
  kafka = stack.kafka();
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [filled, txn, empty, paced, later].map((topic) => ({
      topic,
      numPartitions: 2,
      replicationFactor: 1,
    })),
  });
  producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  await producer.send({
    topic: filled,
    messages: Array.from({ length: 40 }, (_, i) => ({ partition: i % 2, key: `k${i}`, value: String(i) })),
  });
});

afterAll(async () => {
  await Promise.all(followers.map((f) => f.stop()));
  await producer?.disconnect();
  await stack.deleteTopics();
  await admin?.disconnect();
});

/** Starts a follower that records "<topic>/<partition>:<value>" in arrival order. */
function follow(
  topics: string[],
  options = {},
  client: Kafka = kafka,
): { follower: TopicFollower; seen: string[] } {
  const seen: string[] = [];
  const follower = followTopics(
    client,
    topics,
    (topic, partition, messages) => {
      for (const m of messages) seen.push(`${topic}/${partition}:${m.value?.toString() ?? ''}`);
    },
    logger,
    options,
  );
  followers.push(follower);
  return { follower, seen };
}

const ofPartition = (seen: string[], topic: string, partition: number): string[] =>
  seen.filter((s) => s.startsWith(`${topic}/${partition}:`)).map((s) => s.slice(s.indexOf(':') + 1));

describe('followTopics', () => {
  it('is caught up once every partition is read to the end it had at the start, in offset order', async () => {
    const { follower, seen } = follow([filled, empty]);
    await follower.caughtUp;
    expect(seen).toHaveLength(40);
    expect(follower.position(filled, 0)).toBe(20);
    expect(follower.position(empty, 1)).toBe(0);
    expect(ofPartition(seen, filled, 0)).toEqual(Array.from({ length: 20 }, (_, i) => String(2 * i)));
    expect(ofPartition(seen, filled, 1)).toEqual(Array.from({ length: 20 }, (_, i) => String(2 * i + 1)));
    expect(follower.healthy()).toBe(true);
  });

  it('counts the committed records it has not handed over yet, and the time since its last fetch', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let called: () => void = () => undefined;
    const firstCall = new Promise<void>((resolve) => {
      called = resolve;
    });
    const follower = followTopics(
      kafka,
      [filled, later],
      async () => {
        called();
        await gate;
      },
      logger,
    );
    followers.push(follower);
    // Held in its first handler: nothing is handed over yet, whatever the fetch brought.
    await firstCall;
    expect(follower.behind(filled)).toBe(40);
    expect(follower.behind(later)).toBe(0);
    expect(follower.behind()).toBe(40);
    expect(follower.sinceFetchMs()).toBeLessThan(10_000);
    release();
    await follower.caughtUp;
    expect(follower.behind()).toBe(0);
    await producer.send({ topic: later, messages: [{ partition: 0, value: 'counted' }] });
    await until(
      'the new record handed over',
      () => Promise.resolve(follower.position(later, 0) === 1),
      10_000,
    );
    expect(follower.behind()).toBe(0);
    await follower.stop();
  });

  it('polls an idle topic on the metadata it holds, not asking for metadata before every fetch', async () => {
    const requests: string[] = [];
    // Every admin the follower makes reports the requests it sends.
    const counted = new Proxy(kafka, {
      get: (target, prop, receiver): unknown =>
        prop === 'admin'
          ? (): Admin => {
              const a = target.admin();
              a.on(a.events.REQUEST, (e) => requests.push(e.payload.apiName));
              return a;
            }
          : Reflect.get(target, prop, receiver),
    });
    const { follower } = follow([empty], { maxWaitMs: 50 }, counted);
    await follower.caughtUp;
    const fetches = (): number => requests.filter((r) => r === 'Fetch').length;
    await until('twenty idle fetches', () => Promise.resolve(fetches() >= 20), 20_000);
    // The admin's connect and the topic's first use; none per fetch.
    expect(requests.filter((r) => r === 'Metadata').length).toBeLessThanOrEqual(2);
  });

  it('asks for every topic in one fetch, and once caught up at most once per minIntervalMs', async () => {
    const requests: { api: string; at: number }[] = [];
    const counted = new Proxy(kafka, {
      get: (target, prop, receiver): unknown =>
        prop === 'admin'
          ? (): Admin => {
              const a = target.admin();
              a.on(a.events.REQUEST, (e) => requests.push({ api: e.payload.apiName, at: Date.now() }));
              return a;
            }
          : Reflect.get(target, prop, receiver),
    });
    const fetchesIn = (from: number, to: number): number =>
      requests.filter((r) => r.api === 'Fetch' && r.at >= from && r.at < to).length;
    const windowMs = 2_000;
    // The broker holds a fetch that finds nothing for maxWaitMs: one loop over both topics makes at
    // most windowMs / maxWaitMs fetches (one loop per topic would make twice as many).
    const both = follow([filled, empty], { maxWaitMs: 100 }, counted);
    await both.follower.caughtUp;
    const from = Date.now();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const idle = fetchesIn(from, from + windowMs);
    expect(idle).toBeGreaterThanOrEqual(5);
    expect(idle).toBeLessThanOrEqual(windowMs / 100 + 2);
    expect(both.seen).toHaveLength(40);
    await both.follower.stop();

    // Paced: an idle fetch returns after 50 ms, the next waits until 400 ms after the last began;
    // records written meanwhile are handed over all the same.
    requests.length = 0;
    const slow = follow([paced], { maxWaitMs: 50, minIntervalMs: 400 }, counted);
    await slow.follower.caughtUp;
    const pacedFrom = Date.now();
    for (let i = 0; i < 4; i++) {
      await producer.send({ topic: paced, messages: [{ partition: i % 2, value: `paced ${i}` }] });
      await new Promise((resolve) => setTimeout(resolve, windowMs / 4));
    }
    await until('every paced record', () => Promise.resolve(slow.seen.length === 4), 10_000);
    expect(fetchesIn(pacedFrom, pacedFrom + windowMs)).toBeLessThanOrEqual(windowMs / 400 + 2);
    expect(slow.seen.map((x) => x.slice(x.indexOf(':') + 1))).toEqual([0, 1, 2, 3].map((i) => `paced ${i}`));
  });

  it('hands over records written after it caught up, and joins no consumer group', async () => {
    const groupsBefore = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
    const { follower, seen } = follow([filled]);
    await follower.caughtUp;
    await producer.send({ topic: filled, messages: [{ partition: 1, value: 'later' }] });
    await until('the later record', () => Promise.resolve(seen.includes(`${filled}/1:later`)), 10_000);
    const groupsAfter = (await admin.listGroups()).groups.map((g) => g.groupId);
    expect(groupsAfter.filter((g) => !groupsBefore.has(g))).toEqual([]);
  });

  it('hands over committed transactions only, never an aborted one', async () => {
    const { follower, seen } = follow([txn]);
    await follower.caughtUp;
    const txp = kafka.producer({
      transactionalId: `${stack.topicPrefix}follow`,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await txp.connect();
    try {
      const aborted = await txp.transaction();
      await aborted.send({ topic: txn, messages: [{ partition: 0, value: 'aborted' }] });
      await aborted.abort();
      const committed = await txp.transaction();
      await committed.send({ topic: txn, messages: [{ partition: 0, value: 'committed' }] });
      await committed.commit();
    } finally {
      await txp.disconnect();
    }
    await until('the committed record', () => Promise.resolve(seen.length > 0), 10_000);
    expect(seen).toEqual([`${txn}/0:committed`]);
    // Past both transactions' markers: a partition whose log ends in a marker reads as caught up.
    const [end] = (await admin.fetchTopicOffsets(txn)).filter((e) => e.partition === 0);
    expect(Number(end!.high)).toBe(4);
    await until(
      'the position past the last marker',
      () => Promise.resolve(follower.position(txn, 0) === 4),
      10_000,
    );
    expect(follower.position(txn, 1)).toBe(0);
    expect(follower.position(`${stack.topicPrefix}follow-other`, 0)).toBeUndefined();
  });

  it('is caught up at once on empty topics, and stops while a fetch waits', async () => {
    const { follower, seen } = follow([empty], { maxWaitMs: 200 });
    await follower.caughtUp;
    await follower.stop();
    await producer.send({ topic: empty, messages: [{ partition: 0, value: 'after stop' }] });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen).toEqual([]);
  });

  it('turns unhealthy when a topic cannot be read for its patience, and is never caught up', async () => {
    const { follower } = follow([`${stack.topicPrefix}follow-missing`], { patienceMs: 300 });
    expect(follower.healthy()).toBe(true);
    await until('unhealthy', () => Promise.resolve(!follower.healthy()), 10_000);
    expect(follower.sinceFetchMs()).toBeGreaterThan(300);
    const settled = await Promise.race([
      follower.caughtUp.then(() => 'caught up'),
      new Promise((resolve) => setTimeout(() => resolve('waiting'), 200)),
    ]);
    expect(settled).toBe('waiting');
  });
});
