import { randomBytes } from 'node:crypto';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, topicName } from '@ringfence/common';
import { testStack } from '@ringfence/common/testing';
import { TaskSnapshots, readTaskSnapshots, type InputOffset } from '../src/task-snapshots.js';

const stack = testStack();
const logger = createLogger('test', 'warn');
let kafka: Kafka;
let admin: Admin;
const producers: Producer[] = [];

beforeAll(async () => {
  await stack.createTopics();
  kafka = stack.kafka();
  admin = kafka.admin();
  await admin.connect();
}, 60_000);

afterAll(async () => {
  for (const p of producers) await p.disconnect();
  await admin.disconnect();
  await stack.deleteTopics();
});

/** A task's snapshot writer with a transactional producer of its own, as a scorer task has. */
async function writer(
  group: string,
  task: string,
): Promise<{ producer: Producer; snapshots: TaskSnapshots }> {
  const producer = kafka.producer({
    transactionalId: `${stack.topicPrefix}${group}.${task}`,
    idempotent: true,
    maxInFlightRequests: 1,
  });
  await producer.connect();
  producers.push(producer);
  const topic = topicName(stack.topicPrefix, 'scorerSnapshots');
  return { producer, snapshots: new TaskSnapshots(topic, group, task, 1024) };
}

async function write(
  w: Awaited<ReturnType<typeof writer>>,
  state: Buffer,
  offsets: InputOffset[],
  commit = true,
): Promise<void> {
  const txn = await w.producer.transaction();
  await w.snapshots.write(txn, state, offsets);
  if (commit) await txn.commit();
  else await txn.abort();
}

describe('readTaskSnapshots', () => {
  it("finds each gained task's newest whole snapshot when it lies far behind the topic's end", async () => {
    const topic = topicName(stack.topicPrefix, 'scorerSnapshots');
    const group = 'g';
    const n0 = await writer(group, 'n0');
    const s1 = await writer(group, 's1');
    const other = await writer('other', 'n0');
    const cdr = (offset: number): InputOffset[] => [{ topic: 'cdr', partition: 0, offset }];
    // An older snapshot of n0, then the newest: 150 chunks, more than the first window read back.
    await write(n0, randomBytes(20 * 1024), cdr(10));
    const newest = randomBytes(150 * 1024);
    await write(n0, newest, cdr(20));
    // Behind it: many snapshots of another task, another group's n0, and an aborted one of n0.
    let lastS1 = Buffer.alloc(0);
    for (let i = 0; i < 80; i++) {
      lastS1 = randomBytes(100 + i);
      await write(s1, lastS1, cdr(i));
    }
    await write(other, randomBytes(2048), cdr(99));
    await write(n0, randomBytes(4096), cdr(30), false);

    const gained = await readTaskSnapshots(admin, topic, group, logger, new Set(['n0', 's1', 'n1']));
    expect(gained.get('n0')?.state.equals(newest)).toBe(true);
    expect(gained.get('n0')?.offsets).toEqual(cdr(20));
    expect(gained.get('s1')?.state.equals(lastS1)).toBe(true);
    // A task never snapshotted: nothing, after reading the topic back to its start.
    expect(gained.has('n1')).toBe(false);
    // The same as reading the whole topic.
    const whole = await readTaskSnapshots(admin, topic, group, logger);
    expect(whole.get('n0')?.id).toBe(gained.get('n0')?.id);
    expect(whole.get('s1')?.id).toBe(gained.get('s1')?.id);
  }, 120_000);
});
