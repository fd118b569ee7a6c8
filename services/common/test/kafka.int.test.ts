import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createKafka, ensureTopics } from '../src/kafka.js';
import { createLogger } from '../src/logger.js';
import { TOPIC_SPECS, topicName } from '../src/topics.js';
import { testStack } from '../src/testing.js';

const stack = testStack();

afterAll(async () => {
  await stack.deleteTopics();
});

/** A logger whose lines are kept, to check what a start-up logged. */
function capturedLogger(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((l) => l !== ''),
      );
      done();
    },
  });
  return { logger: createLogger('test', 'info', sink), lines };
}

describe('ensureTopics', () => {
  it('returns to every service racing to create the same topics only once each can produce and join a group, with no error logged', async () => {
    const { logger, lines } = capturedLogger();
    // Services of one deployment start together: each ensures the topics, then produces at once.
    const services = Array.from({ length: 4 }, (_, i) =>
      createKafka({ brokers: stack.brokers, clientId: `race-${i}`, logger }),
    );
    await Promise.all(
      services.map(async (kafka, i) => {
        const admin = kafka.admin();
        await admin.connect();
        await ensureTopics(admin, stack.topicPrefix);
        const meta = await admin.fetchTopicMetadata({
          topics: TOPIC_SPECS.map((s) => topicName(stack.topicPrefix, s.role)),
        });
        for (const t of meta.topics) for (const p of t.partitions) expect(p.leader).toBeGreaterThanOrEqual(0);
        await admin.disconnect();

        const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
        await producer.connect();
        await producer.send({
          topic: topicName(stack.topicPrefix, 'cdr'),
          messages: Array.from({ length: 60 }, (_, n) => ({ key: `k${i}-${n}`, value: 'x' })),
        });
        await producer.disconnect();
        const consumer = kafka.consumer({ groupId: `${stack.topicPrefix}group-${i}` });
        await consumer.connect();
        await consumer.subscribe({ topics: [topicName(stack.topicPrefix, 'alerts')] });
        await consumer.disconnect();
      }),
    );
    expect(lines.filter((l) => /"level":"(error|fatal)"/.test(l))).toEqual([]);
  });
});
