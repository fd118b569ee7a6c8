import { randomBytes } from 'node:crypto';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, isRingfenceError, topicName } from '@ringfence/common';
import { testStack } from '@ringfence/common/testing';
import { scorerv1 } from '@ringfence/proto';
import {
  TaskSnapshots,
  readTaskSnapshots,
  type InputOffset,
  type SnapshotCompression,
} from '../src/task-snapshots.js';

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
  compression?: SnapshotCompression,
): Promise<{ producer: Producer; snapshots: TaskSnapshots }> {
  const producer = kafka.producer({
    transactionalId: `${stack.topicPrefix}${group}.${task}`,
    idempotent: true,
    maxInFlightRequests: 1,
  });
  await producer.connect();
  producers.push(producer);
  const topic = topicName(stack.topicPrefix, 'scorerSnapshots');
  return { producer, snapshots: new TaskSnapshots(topic, group, task, 1024, compression) };
}

async function write(
  w: Awaited<ReturnType<typeof writer>>,
  state: Buffer,
  offsets: InputOffset[],
  commit = true,
): Promise<void> {
  const txn = await w.producer.transaction();
  await w.snapshots.write(txn, [state], offsets);
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

  it('stores a state zstd-compressed and reads it back as written; an uncompressed one as well', async () => {
    const topic = topicName(stack.topicPrefix, 'scorerSnapshots');
    const group = 'z';
    // Like a stage's state: small integers in fixed-width fields, mostly zeros.
    const state = Buffer.alloc(256 * 1024);
    for (let i = 0; i < state.length; i += 8) state.writeUInt32LE((i * 7) % 13, i);
    const offsets: InputOffset[] = [{ topic: 'cdr', partition: 3, offset: 42 }];

    const zstd = await writer(group, 'n3');
    const txn = await zstd.producer.transaction();
    const written = await zstd.snapshots.write(txn, [state.subarray(0, 1000), state.subarray(1000)], offsets);
    await txn.commit();
    expect(written.storedBytes).toBeLessThan(state.length / 10);

    const plain = await writer(group, 's3', 'none');
    const txn2 = await plain.producer.transaction();
    expect(
      (await plain.snapshots.write(txn2, [state.subarray(0, 8), state.subarray(8)], offsets)).storedBytes,
    ).toBe(state.length);
    await txn2.commit();

    const read = await readTaskSnapshots(admin, topic, group, logger, new Set(['n3', 's3']));
    expect(read.get('n3')?.id).toBe(written.id);
    expect(read.get('n3')?.state.equals(state)).toBe(true);
    expect(read.get('n3')?.offsets).toEqual(offsets);
    expect(read.get('s3')?.state.equals(state)).toBe(true);
  }, 60_000);

  it('refuses a snapshot whose chunks say zstd but hold something else, with INTEGRITY', async () => {
    const topic = topicName(stack.topicPrefix, 'scorerSnapshots');
    const group = 'bad';
    const header = Buffer.alloc(8);
    header.writeUInt32LE(0, 0);
    header.writeUInt32LE(1, 4);
    const value = scorerv1.StageSnapshot.encode({
      stage: 'n5',
      state: Buffer.concat([header, Buffer.from('not a zstd frame')]),
      offsets: [],
      takenMs: Date.now(),
      compression: scorerv1.SnapshotCompression.SNAPSHOT_COMPRESSION_ZSTD,
    }).finish();
    const w = await writer(group, 'n5');
    const txn = await w.producer.transaction();
    await txn.send({ topic, messages: [{ key: `${group}:n5:0:0`, value: Buffer.from(value) }] });
    await txn.commit();

    const err: unknown = await readTaskSnapshots(admin, topic, group, logger, new Set(['n5'])).catch(
      (e: unknown) => e,
    );
    expect(isRingfenceError(err, 'INTEGRITY')).toBe(true);
  }, 60_000);
});
