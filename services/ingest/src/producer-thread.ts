// Entry of the producer thread started by ThreadedIngestProducer: a recovering idempotent kafkajs
// producer fed packed batches over the worker port.
import { parentPort, workerData } from 'node:worker_threads';
import { createKafka, createLogger } from '@ringfence/common';
import type { LevelWithSilent } from 'pino';
import { unpackBatch } from './batch-packing.js';
import { createIngestProducer } from './ingest-producer.js';
import type { ThreadRequest, ThreadReply, ThreadInit } from './threaded-producer.js';

const init = workerData as ThreadInit;
const port = parentPort!;
const logger = createLogger(init.clientId, init.logLevel as LevelWithSilent, process.stderr);
const producer = createIngestProducer(
  createKafka({ brokers: init.brokers, clientId: init.clientId, logger }),
  {
    logger,
    maxRecoveries: init.maxRecoveries,
  },
);

function failure(err: unknown): ThreadReply & { op: 'failed' } {
  const e = err instanceof Error ? err : new Error(String(err));
  const type = (e as { type?: unknown }).type ?? (e.cause as { type?: unknown } | undefined)?.type;
  return {
    op: 'failed',
    id: -1,
    name: e.name,
    message: e.message,
    ...(typeof type === 'string' ? { type } : {}),
  };
}

port.on('message', (req: ThreadRequest) => {
  if (req.op === 'send') {
    const batch = unpackBatch(Buffer.from(req.buffer));
    producer.sendBatch({ topicMessages: batch, acks: -1 }).then(
      () =>
        port.postMessage({ op: 'done', id: req.id, recoveries: producer.recoveries } satisfies ThreadReply),
      (err: unknown) => port.postMessage({ ...failure(err), id: req.id } satisfies ThreadReply),
    );
  } else {
    producer.disconnect().then(
      () => port.postMessage({ op: 'closed' } satisfies ThreadReply),
      () => port.postMessage({ op: 'closed' } satisfies ThreadReply),
    );
  }
});

producer.connect().then(
  () => port.postMessage({ op: 'ready' } satisfies ThreadReply),
  (err: unknown) => port.postMessage({ ...failure(err), id: -1 } satisfies ThreadReply),
);
