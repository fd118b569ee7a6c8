import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, readToEnd } from '@ringfence/common';
import { PrivateStack, until, type TestStack } from '@ringfence/common/testing';
import { candidatesFromEnv, createTopic, type Candidate } from './candidates.js';

// Issue #20: each candidate Kafka client keeps its guarantees through a broker restart and a broker
// hung for 30 s (SIGSTOP), with the faults landing while an idempotent producer has sends in flight
// (as many as the client keeps in order, see Candidate.sendsInFlight) and a group member is
// consuming what it writes. Every client under test goes through the same faults on one private
// broker (KAFKA_CLIENT_CANDIDATES, default kafkajs: see docs/kafka-clients.md for the others).
const RECORDS_PER_SEND = 25;
const SENDS_AFTER_FAULT = 20;
const HANG_MS = 30_000;
let stack: PrivateStack | undefined;
let scope: TestStack;
let candidates: Candidate[];
const logger = createLogger('test', 'warn');

beforeAll(async () => {
  stack = await PrivateStack.start(['kafka']);
  scope = stack.scope();
  candidates = candidatesFromEnv(scope.brokers, ['kafkajs']);
}, 180_000);

afterAll(async () => {
  await stack?.destroy();
});

interface Run {
  topic: string;
  /** Values in the order their sends were issued. */
  sent: number;
  failedSends: number;
  consumed: Set<string>;
  deliveries: number;
  stop: () => Promise<void>;
}

/** Keeps the candidate's sends in flight outstanding until `faultOver` resolves, then SENDS_AFTER_FAULT more. */
async function start(candidate: Candidate, topic: string, faultOver: Promise<void>): Promise<Run> {
  await createTopic(scope.kafka(), topic, 3);
  const run: Run = {
    topic,
    sent: 0,
    failedSends: 0,
    consumed: new Set(),
    deliveries: 0,
    stop: () => Promise.resolve(),
  };
  const member = await candidate.member(`${topic}.group`, topic, (records) => {
    for (const r of records) run.consumed.add(r.value);
    run.deliveries += records.length;
  });
  const producer = await candidate.producer();
  let over = false;
  void faultOver.then(() => (over = true));
  let after = 0;
  const lane = async (): Promise<void> => {
    while (!over || after < SENDS_AFTER_FAULT) {
      if (over) after += 1;
      const first = run.sent;
      run.sent += RECORDS_PER_SEND;
      const records = Array.from({ length: RECORDS_PER_SEND }, (_, i) => ({
        key: `k${(first + i) % 64}`,
        value: String(first + i),
      }));
      await producer.send(topic, records).catch(() => (run.failedSends += 1));
    }
  };
  const lanes = Promise.all(Array.from({ length: candidate.sendsInFlight }, lane));
  run.stop = async () => {
    await lanes;
    await producer.close();
    await until(
      `${candidate.name}: every record consumed`,
      () => Promise.resolve(run.consumed.size >= run.sent),
      120_000,
    ).catch(() => undefined);
    await member.close();
  };
  return run;
}

async function verify(candidate: Candidate, run: Run): Promise<void> {
  const byPartition = new Map<number, number[]>();
  const kafka = scope.kafka();
  const admin = kafka.admin();
  await admin.connect();
  try {
    await readToEnd(
      admin,
      run.topic,
      (partition, m) => {
        const p = byPartition.get(partition) ?? [];
        p.push(Number(m.value?.toString()));
        byPartition.set(partition, p);
      },
      {},
      logger,
    );
  } finally {
    await admin.disconnect();
  }
  const name = candidate.name;
  const all = [...byPartition.values()].flat();
  expect.soft(run.failedSends, `${name}: sends that failed`).toBe(0);
  expect.soft(all.length - new Set(all).size, `${name}: duplicates in the topic`).toBe(0);
  const missing = Array.from({ length: run.sent }, (_, i) => i).filter((i) => !all.includes(i));
  expect
    .soft(missing.length, `${name}: records missing from the topic (first ${missing.slice(0, 5).join(',')})`)
    .toBe(0);
  for (const [partition, values] of byPartition) {
    const outOfOrder = values.filter((v, i) => i > 0 && v < values[i - 1]!).length;
    expect.soft(outOfOrder, `${name}: records out of order in partition ${partition}`).toBe(0);
  }
  const lost = Array.from({ length: run.sent }, (_, i) => String(i)).filter((v) => !run.consumed.has(v));
  expect.soft(lost.length, `${name}: records the group member never processed`).toBe(0);
}

async function underFault(fault: string, inject: () => Promise<void>): Promise<void> {
  let faultOver: () => void = () => undefined;
  const over = new Promise<void>((resolve) => (faultOver = resolve));
  const runs = await Promise.all(
    candidates.map((c) => start(c, `${scope.topicPrefix}${fault}-${c.name.replace(/\W/g, '')}`, over)),
  );
  await until('traffic flowing for every client', () => Promise.resolve(runs.every((r) => r.deliveries > 0)));
  await inject();
  faultOver();
  await Promise.all(runs.map((r) => r.stop()));
  for (const [i, c] of candidates.entries()) await verify(c, runs[i]!);
}

describe('Kafka clients under broker faults', () => {
  it('an idempotent producer with sends in flight and a group member survive a broker restart', async () => {
    await underFault('restart', async () => {
      await stack!.down('kafka');
      await stack!.up('kafka');
    });
  }, 300_000);

  it('an idempotent producer with sends in flight and a group member survive a broker hung for 30 s', async () => {
    await underFault('hang', async () => {
      stack!.freeze('kafka');
      await sleep(HANG_MS);
      stack!.thaw('kafka');
    });
  }, 300_000);
});
