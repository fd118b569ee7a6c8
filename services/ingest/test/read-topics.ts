import type { Kafka, KafkaMessage } from 'kafkajs';

/** Reads messages from `topics` (from the beginning) until `count` arrived in total or the timeout passes. */
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
      eachMessage: ({ topic, message }) => {
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
  // Read a moment longer so surplus (duplicated) messages would show up in the exact counts.
  await new Promise((r) => setTimeout(r, 1_000));
  await consumer.disconnect();
  return out;
}
