import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kafka } from 'kafkajs';
import { testStack, until } from '@ringfence/common/testing';
import { candidatesFromEnv, createTopic, type Candidate, type Member } from './candidates.js';

// Issue #20: a consumer group keeps every record exactly once through rebalances when each batch's
// offsets are committed after it is processed: a second member joins mid-stream and leaves again
// while records keep arriving. Each candidate client runs on its own topic and group, side by side.
// By default only the clients that hold it run (CI); KAFKA_CLIENT_CANDIDATES=kafkajs,platformatic
// runs the others too: @platformatic/kafka 2.12.1 processed records twice here (its stream hands over
// records fetched for partitions the rebalance moved away; docs/kafka-clients.md).
const PARTITIONS = 4;
const PER_TICK = 50;
const stack = testStack();
let kafka: Kafka;

beforeAll(() => {
  kafka = stack.kafka();
});

afterAll(async () => {
  await stack.deleteTopics();
});

interface Tally {
  deliveries: Map<string, number>;
  byMember: [number, number];
}

async function scenario(
  candidate: Candidate,
): Promise<{ produced: number; tally: Tally; failedCommits: number }> {
  const topic = `${stack.topicPrefix}rebalance-${candidate.name.replace(/\W/g, '')}`;
  const group = `${topic}.group`;
  await createTopic(kafka, topic, PARTITIONS);
  const feeder = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await feeder.connect();
  let produced = 0;
  const feed = async (): Promise<void> => {
    const first = produced;
    produced += PER_TICK;
    await feeder.send({
      topic,
      acks: -1,
      messages: Array.from({ length: PER_TICK }, (_, i) => ({
        key: `k${first + i}`,
        value: String(first + i),
      })),
    });
  };
  for (let i = 0; i < 10; i++) await feed();

  const tally: Tally = { deliveries: new Map(), byMember: [0, 0] };
  const count = (member: 0 | 1) => (records: readonly { value: string }[]) => {
    for (const r of records) tally.deliveries.set(r.value, (tally.deliveries.get(r.value) ?? 0) + 1);
    tally.byMember[member] += records.length;
  };
  let feeding = true;
  const feedLoop = (async () => {
    while (feeding) {
      await feed();
      await sleep(100);
    }
  })();
  const a: Member = await candidate.member(group, topic, count(0));
  await until(`${candidate.name}: first member processing`, () => Promise.resolve(tally.byMember[0] > 0));
  const b: Member = await candidate.member(group, topic, count(1));
  await until(`${candidate.name}: second member given partitions`, () =>
    Promise.resolve(tally.byMember[1] > 0),
  );
  const beforeLeave = tally.byMember[0];
  await b.close();
  await until(`${candidate.name}: first member takes every partition back`, () =>
    Promise.resolve(tally.byMember[0] > beforeLeave + PER_TICK * 5),
  );
  feeding = false;
  await feedLoop;
  await feeder.disconnect();
  // A client that loses records is reported by the counts below, not by this wait's timeout.
  await until(
    `${candidate.name}: every record processed`,
    () => Promise.resolve(tally.deliveries.size >= produced),
    60_000,
  ).catch(() => undefined);
  // Surplus deliveries (duplicates) would show up within this pause.
  await sleep(1_000);
  await a.close();
  return { produced, tally, failedCommits: a.failedCommits + b.failedCommits };
}

describe('consumer group rebalances with manual commits', () => {
  it('a second member joins and leaves mid-stream: no record lost, none processed twice', async () => {
    const candidates = candidatesFromEnv(stack.brokers, ['kafkajs']);
    const results = await Promise.all(candidates.map(scenario));
    for (const [i, { produced, tally, failedCommits }] of results.entries()) {
      const name = candidates[i]!.name;
      const lost = Array.from({ length: produced }, (_, v) => String(v)).filter(
        (v) => !tally.deliveries.has(v),
      );
      const twice = [...tally.deliveries].filter(([, n]) => n > 1).map(([v]) => v);
      expect.soft(lost.length, `${name}: records never processed`).toBe(0);
      expect
        .soft(
          twice.length,
          `${name}: records processed twice (e.g. ${twice.slice(0, 5).join(',')}; ${failedCommits} commits refused)`,
        )
        .toBe(0);
      expect.soft(tally.byMember[1], `${name}: the second member processed records`).toBeGreaterThan(0);
    }
  }, 180_000);
});
