import { topicName, type Logger } from '@ringfence/common';
import { reject } from '@ringfence/cdr';
import type { IngestCore, IngestKind } from './ingest-core.js';
import type { Consumer, Kafka } from 'kafkajs';

export interface RawNormaliserOptions {
  kafka: Kafka;
  core: IngestCore;
  topicPrefix: string;
  groupId: string;
  logger: Logger;
}

export interface RawNormaliser {
  stop(): Promise<void>;
}

/**
 * Consumes JSON records from cdr.raw.v1 and complaints.raw.v1 (one JSON object per message) and
 * feeds them to the ingest core. A batch's offsets are committed only after everything it produced
 * (good records and dead letters) is acknowledged, so a crash replays rather than loses records.
 */
export async function startRawNormaliser(options: RawNormaliserOptions): Promise<RawNormaliser> {
  const { core } = options;
  const kinds = new Map<string, IngestKind>([
    [topicName(options.topicPrefix, 'cdrRaw'), 'cdr'],
    [topicName(options.topicPrefix, 'complaintsRaw'), 'complaint'],
  ]);
  const consumer: Consumer = options.kafka.consumer({
    groupId: options.groupId,
    allowAutoTopicCreation: false,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [...kinds.keys()], fromBeginning: true });
  await consumer.run({
    eachBatchAutoResolve: false,
    autoCommit: true,
    eachBatch: async (payload) => {
      const { batch } = payload;
      const kind = kinds.get(batch.topic) ?? 'cdr';
      let last: string | undefined;
      for (const message of batch.messages) {
        if (!payload.isRunning() || payload.isStale()) break;
        const raw = message.value ?? Buffer.alloc(0);
        let value: unknown;
        let error;
        try {
          value = JSON.parse(raw.toString('utf8'));
        } catch (err) {
          error = reject('MALFORMED', `not JSON: ${(err as Error).message}`);
        }
        core.ingest(kind, error === undefined ? { raw, value } : { raw, error });
        last = message.offset;
        if (core.saturated) {
          await core.waitForCapacity();
          await payload.heartbeat();
        }
      }
      if (last === undefined) return;
      await core.sync();
      payload.resolveOffset(last);
      await payload.commitOffsetsIfNecessary();
      await payload.heartbeat();
    },
  });
  options.logger.info(
    { topics: [...kinds.keys()], groupId: options.groupId },
    'raw-topic normaliser running',
  );
  return {
    stop: async () => {
      await consumer.disconnect();
    },
  };
}
