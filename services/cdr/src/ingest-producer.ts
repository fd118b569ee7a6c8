import type { Kafka, Producer } from 'kafkajs';
import { keyPartitioner } from './key-partitioner.js';

/**
 * The producer every ingest path uses. Idempotent: kafkajs retries a whole multi-partition request
 * when one partition fails (a leader move), and without broker-side sequence checks the partitions
 * that had succeeded would be written twice. Idempotence requires one request in flight per broker
 * connection; the core still overlaps encoding of the next batch with the current request. Keys
 * are partitioned exactly as kafkajs's DefaultPartitioner does, with a cheaper hash.
 */
export function createIngestProducer(kafka: Kafka): Producer {
  return kafka.producer({
    allowAutoTopicCreation: false,
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: keyPartitioner,
  });
}
