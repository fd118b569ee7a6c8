import type { Kafka, KafkaMessage } from 'kafkajs';

/**
 * Reads messages from the given topics (from the beginning) until `count` have arrived in total
 * or `timeoutMs` passes; returns them grouped by topic.
 */
export async function readTopics(
  kafka: Kafka,
  topics: string[],
  count: number,
  timeoutMs = 60_000,
): Promise<Map<string, KafkaMessage[]>> {
  const out = new Map<string, KafkaMessage[]>(topics.map((t) => [t, []]));
  const consumer = kafka.consumer({ groupId: `reader-${Math.random().toString(16).slice(2)}` });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  let seen = 0;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    void consumer.run({
      eachMessage: async ({ topic, message }) => {
        out.get(topic)!.push(message);
        seen += 1;
        if (seen >= count) {
          clearTimeout(timer);
          resolve();
        }
        return Promise.resolve();
      },
    });
  });
  // A short extra wait would catch surplus messages; the tests assert exact counts, so read a moment more.
  await new Promise((r) => setTimeout(r, 1_000));
  await consumer.disconnect();
  return out;
}
