import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Admin } from 'kafkajs';
import { createLogger, readToEnd } from '@ringfence/common';
import { PrivateStack } from '@ringfence/common/testing';

// readToEnd keeps its place through a broker crash: the takeover of a scorer partition reads the
// snapshot and output topics with it, and a broker restart must cost a pause, not the read.
const PARTITIONS = 3;
const PER_PARTITION = 3_000;
const VALUE = 'x'.repeat(1_000);
let stack: PrivateStack | undefined;
let admin: Admin;
const topic = 'reader-restart';

beforeAll(async () => {
  stack = await PrivateStack.start(['kafka']);
  const kafka = stack.scope().kafka();
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }] });
  const producer = kafka.producer({
    transactionalId: 'reader-restart',
    idempotent: true,
    maxInFlightRequests: 1,
  });
  await producer.connect();
  // Each partition gets committed records with an aborted transaction between them, several fetches' worth.
  for (const [round, outcome] of (['commit', 'abort', 'commit'] as const).entries()) {
    const txn = await producer.transaction();
    for (let p = 0; p < PARTITIONS; p++)
      for (let i = 0; i < PER_PARTITION / 2; i += 500)
        await txn.send({
          topic,
          messages: Array.from({ length: 500 }, (_, j) => ({
            partition: p,
            key: `${outcome}-${round}-${p}-${i + j}`,
            value: VALUE,
          })),
        });
    if (outcome === 'commit') await txn.commit();
    else await txn.abort();
  }
  await producer.disconnect();
}, 180_000);

afterAll(async () => {
  await admin?.disconnect().catch(() => undefined);
  await stack?.destroy();
});

describe('readToEnd through a broker crash', () => {
  it('reads every committed record once, none aborted, when the broker is killed mid-read and comes back', async () => {
    const seen = new Map<number, string[]>();
    let restarted: Promise<void> | undefined;
    await readToEnd(
      admin,
      topic,
      (partition, m) => {
        // Killed synchronously at the first record, so the read is surely under way.
        if (restarted === undefined) {
          process.kill(stack!.pid('kafka'), 'SIGKILL');
          restarted = stack!.crash('kafka').then(() => stack!.up('kafka'));
        }
        const list = seen.get(partition) ?? [];
        list.push(m.key!.toString());
        seen.set(partition, list);
      },
      { patienceMs: 120_000 },
      createLogger('test', 'warn'),
    );
    await restarted;
    for (let p = 0; p < PARTITIONS; p++) {
      const keys = seen.get(p) ?? [];
      expect(keys.filter((k) => !k.startsWith('commit-'))).toEqual([]);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toHaveLength(PER_PARTITION);
    }
  }, 180_000);
});
