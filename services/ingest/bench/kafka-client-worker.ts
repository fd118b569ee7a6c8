// One measurement of one Kafka client on one hot path, in a process of its own (no JIT or heap shared
// with the other candidates), started by kafka-clients.bench.ts. Prints one JSON line:
// { records, cpuUs, wallMs } where cpuUs is process.cpuUsage() (every thread) over the measured part.
// Usage: tsx kafka-client-worker.ts <kafkajs|platformatic|rdkafka|rdkafka-acked> <produce|consume|consume-produce|view> <json>
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Consumer as PConsumer,
  Producer as PProducer,
  compatibilityPartitioner,
  type Message,
} from '@platformatic/kafka';
import { createKafka, createLogger } from '@ringfence/common';
import { loadRdkafka, type RdConsumer, type RdError, type RdMessage } from './rdkafka-candidate.js';

interface Args {
  brokers: string[];
  /** produce: the records file (length-prefixed key/value pairs); others: the topic to read. */
  file?: string;
  topic: string;
  out?: string;
  records: number;
  batch: number;
  group: string;
}

const [candidate, path, json] = process.argv.slice(2);
const args = JSON.parse(json ?? '{}') as Args;
const logger = createLogger('bench', 'warn', process.stderr);

function readRecords(file: string): { key: Buffer; value: Buffer }[] {
  const buf = readFileSync(file);
  const out: { key: Buffer; value: Buffer }[] = [];
  for (let at = 0; at < buf.length;) {
    const k = buf.readUInt32LE(at);
    const v = buf.readUInt32LE(at + 4);
    out.push({ key: buf.subarray(at + 8, at + 8 + k), value: buf.subarray(at + 8 + k, at + 8 + k + v) });
    at += 8 + k + v;
  }
  return out;
}

/** Runs `fn` and returns what it cost this process, every thread included. */
async function measure(
  fn: () => Promise<number>,
): Promise<{ records: number; cpuUs: number; wallMs: number }> {
  const cpu = process.cpuUsage();
  const t = process.hrtime.bigint();
  const records = await fn();
  const used = process.cpuUsage(cpu);
  return { records, cpuUs: used.user + used.system, wallMs: Number(process.hrtime.bigint() - t) / 1e6 };
}

const OUTPUT_VALUE = Buffer.alloc(48, 7);

async function kafkajs(): Promise<{ records: number; cpuUs: number; wallMs: number }> {
  const kafka = createKafka({ brokers: args.brokers, clientId: `bench-${candidate}`, logger });
  if (path === 'produce') {
    const records = readRecords(args.file!);
    // As ingest's producer: idempotent, acks=all, one request in flight.
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    const r = await measure(async () => {
      for (let i = 0; i < records.length; i += args.batch)
        await producer.send({ topic: args.topic, acks: -1, messages: records.slice(i, i + args.batch) });
      return records.length;
    });
    await producer.disconnect();
    return r;
  }
  const consumer = kafka.consumer({
    groupId: args.group,
    maxBytesPerPartition: 8 * 1024 * 1024,
    maxBytes: 64 * 1024 * 1024,
    maxWaitTimeInMs: 100,
  });
  const producer =
    path === 'consume-produce'
      ? kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false })
      : undefined;
  await producer?.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [args.topic], fromBeginning: true });
  const view = new Map<string, Buffer | null>();
  const r = await measure(
    () =>
      new Promise<number>((resolve, reject) => {
        let seen = 0;
        consumer
          .run({
            autoCommit: false,
            eachBatch: async ({ batch }) => {
              const next = (BigInt(batch.lastOffset()) + 1n).toString();
              if (path === 'view') {
                for (const m of batch.messages) view.set(m.key!.toString('latin1'), m.value);
              } else if (producer !== undefined) {
                // In sends of args.batch records, as the scorer's output buffer does (and the other
                // candidate): one kafkajs send of a whole fetched batch (thousands) costs far more a record.
                for (let i = 0; i < batch.messages.length; i += args.batch)
                  await producer.send({
                    topic: args.out!,
                    acks: -1,
                    messages: batch.messages
                      .slice(i, i + args.batch)
                      .map((m) => ({ key: m.key, value: OUTPUT_VALUE })),
                  });
              }
              if (path !== 'view')
                await consumer.commitOffsets([
                  { topic: args.topic, partition: batch.partition, offset: next },
                ]);
              seen += batch.messages.length;
              if (seen >= args.records) resolve(seen);
            },
          })
          .catch(reject);
      }),
  );
  await consumer.disconnect();
  await producer?.disconnect();
  return r;
}

async function platformatic(): Promise<{ records: number; cpuUs: number; wallMs: number }> {
  const base = {
    bootstrapBrokers: args.brokers,
    clientId: `bench-${candidate}`,
    retries: 10,
    retryDelay: 200,
  };
  if (path === 'produce') {
    const records = readRecords(args.file!);
    const producer = new PProducer({ ...base, idempotent: true, partitioner: compatibilityPartitioner });
    const r = await measure(async () => {
      for (let i = 0; i < records.length; i += args.batch)
        await producer.send({
          messages: records
            .slice(i, i + args.batch)
            .map((m) => ({ topic: args.topic, key: m.key, value: m.value })),
        });
      return records.length;
    });
    await producer.close();
    return r;
  }
  const consumer = new PConsumer({
    ...base,
    groupId: args.group,
    maxBytes: 64 * 1024 * 1024,
    maxWaitTime: 100,
  });
  const producer =
    path === 'consume-produce'
      ? new PProducer({ ...base, idempotent: true, partitioner: compatibilityPartitioner })
      : undefined;
  const view = new Map<string, Buffer | null>();
  const stream = await consumer.consume({
    topics: [args.topic],
    mode: 'earliest',
    autocommit: false,
  });
  const r = await measure(async () => {
    let seen = 0;
    // The stream hands over one record at a time: work (produce, commit) goes in batches of args.batch.
    let pending: Message<Buffer, Buffer, Buffer, Buffer>[] = [];
    const flush = async (): Promise<void> => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      if (producer !== undefined)
        await producer.send({
          messages: batch.map((m) => ({ topic: args.out!, key: m.key, value: OUTPUT_VALUE })),
        });
      const last = new Map<number, Message<Buffer, Buffer, Buffer, Buffer>>();
      for (const m of batch) last.set(m.partition, m);
      await consumer.commit({
        offsets: [...last.values()].map((m) => ({
          topic: m.topic,
          partition: m.partition,
          offset: m.offset + 1n,
          leaderEpoch: 0,
        })),
      });
    };
    for await (const m of stream) {
      seen += 1;
      if (path === 'view') view.set(m.key.toString('latin1'), m.value);
      else {
        pending.push(m);
        if (pending.length >= args.batch) await flush();
      }
      if (seen >= args.records) break;
    }
    if (path !== 'view') await flush();
    return seen;
  });
  await consumer.close(true);
  await producer?.close();
  return r;
}

/** Settles a node-rdkafka callback call as a promise. */
function rd<T = unknown>(
  call: (cb: (err: RdError | null | undefined, value: T) => void) => unknown,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    call((err, value) => (err ? reject(new Error(`${err.message} (${err.code})`)) : resolve(value)));
  });
}

async function rdkafka(): Promise<{ records: number; cpuUs: number; wallMs: number }> {
  const Kafka = loadRdkafka(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..'));
  const base = { 'metadata.broker.list': args.brokers.join(','), 'client.id': `bench-${candidate}` };
  // rdkafka: delivery reports for failures only, so no JavaScript callback per record (librdkafka
  // still retries, orders and deduplicates by itself with idempotence on); every record counts as
  // acknowledged at the flush that ends the run, as replay's. rdkafka-acked: a report per record,
  // each batch acknowledged before the next is sent, as kafkajs's awaited sends and ingest's HTTP
  // answers need. murmur2 places keys as kafkajs and ingest do.
  const acked = candidate === 'rdkafka-acked';
  const producerConf = {
    ...base,
    'enable.idempotence': true,
    dr_cb: true,
    'delivery.report.only.error': !acked,
    partitioner: 'murmur2_random',
    'linger.ms': acked ? 0 : 5,
    'batch.num.messages': args.batch,
    'queue.buffering.max.messages': 200_000,
  };
  const failures: string[] = [];
  let delivered = 0;
  let onDelivered: (() => void) | undefined;
  const newProducer = async () => {
    const p = new Kafka.Producer(producerConf);
    p.on('event.error', (err) => failures.push(err.message));
    p.on('delivery-report', (err) => {
      if (err) failures.push(err.message);
      delivered += 1;
      onDelivered?.();
    });
    await rd((cb) => p.connect({}, cb));
    p.setPollInterval(acked ? 1 : 50);
    return p;
  };
  // What librdkafka answers when its local queue is full: wait for deliveries, then try again.
  const QUEUE_FULL = Kafka.CODES.ERRORS['ERR__QUEUE_FULL'];
  const produce = (
    p: Awaited<ReturnType<typeof newProducer>>,
    topic: string,
    value: Buffer,
    key: Buffer | null,
  ) => {
    for (;;) {
      try {
        p.produce(topic, null, value, key);
        return;
      } catch (err) {
        if ((err as { code?: number }).code !== QUEUE_FULL) throw err;
        p.poll();
      }
    }
  };
  if (path === 'produce') {
    const records = readRecords(args.file!);
    const producer = await newProducer();
    const r = await measure(async () => {
      if (!acked) {
        for (const m of records) produce(producer, args.topic, m.value, m.key);
        await rd((cb) => producer.flush(60_000, cb));
        return records.length;
      }
      for (let i = 0; i < records.length; i += args.batch) {
        const batch = records.slice(i, i + args.batch);
        const target = delivered + batch.length;
        const done = new Promise<void>((resolve) => {
          onDelivered = () => {
            if (delivered >= target) resolve();
          };
        });
        for (const m of batch) produce(producer, args.topic, m.value, m.key);
        await done;
      }
      return delivered;
    });
    await rd((cb) => producer.disconnect(cb));
    if (failures.length > 0) throw new Error(failures.join('; '));
    return r;
  }
  const consumer: RdConsumer = new Kafka.KafkaConsumer(
    {
      ...base,
      'group.id': args.group,
      'enable.auto.commit': false,
      'max.partition.fetch.bytes': 8 * 1024 * 1024,
      'fetch.max.bytes': 64 * 1024 * 1024,
      'fetch.wait.max.ms': 100,
    },
    { 'auto.offset.reset': 'earliest' },
  );
  const producer = path === 'consume-produce' ? await newProducer() : undefined;
  await rd((cb) => consumer.connect({}, cb));
  consumer.setDefaultConsumeTimeout(100);
  if (path === 'view') {
    // As risk-api's view: every partition from its start by explicit assignment, no group.
    consumer.assign([0, 1, 2, 3, 4, 5].map((partition) => ({ topic: args.topic, partition, offset: 0 })));
  } else consumer.subscribe([args.topic]);
  const view = new Map<string, Buffer | null>();
  const r = await measure(async () => {
    let seen = 0;
    while (seen < args.records) {
      const batch = await rd<RdMessage[]>((cb) => consumer.consume(args.batch, cb));
      if (batch.length === 0) continue;
      seen += batch.length;
      if (path === 'view') {
        for (const m of batch) view.set((m.key as Buffer).toString('latin1'), m.value);
        continue;
      }
      if (producer !== undefined) {
        for (const m of batch) produce(producer, args.out!, OUTPUT_VALUE, (m.key as Buffer | null) ?? null);
        // The outputs are acknowledged before the input's offsets are committed, as the scorer's.
        await rd((cb) => producer.flush(60_000, cb));
      }
      const next = new Map<number, number>();
      for (const m of batch) next.set(m.partition, m.offset + 1);
      consumer.commit([...next].map(([partition, offset]) => ({ topic: args.topic, partition, offset })));
    }
    return seen;
  });
  await rd((cb) => consumer.disconnect(cb));
  if (producer !== undefined) await rd((cb) => producer.disconnect(cb));
  if (failures.length > 0) throw new Error(failures.join('; '));
  return r;
}

const result =
  candidate === 'kafkajs'
    ? await kafkajs()
    : candidate === 'rdkafka' || candidate === 'rdkafka-acked'
      ? await rdkafka()
      : await platformatic();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
