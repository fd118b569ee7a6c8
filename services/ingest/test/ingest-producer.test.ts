import { KafkaJSNonRetriableError, KafkaJSProtocolError, type Producer, type ProducerBatch } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseConfigShape, loadConfig } from '@ringfence/common';
import { cdrv1 } from '@ringfence/proto';
import { IngestCore, IngestProducer, ingestConfigShape, producerFatalError } from '@ringfence/ingest';
import { cdrObject } from '@ringfence/cdr/testing';

/** A broker answer as kafkajs surfaces it once its retrier gives up: the protocol error as cause. */
function brokerError(type: string, code: number): Error {
  const protocol = new KafkaJSProtocolError(
    Object.assign(new Error(`broker says ${type}`), { type, code, retriable: false }),
  );
  return Object.assign(new KafkaJSNonRetriableError(protocol), { cause: protocol });
}

/**
 * Scripted stand-ins for kafkajs producers: `failures[n]` says how producer number n answers its
 * sends (index = send number on that producer; undefined = success). Successful sends are logged.
 */
function fakeProducers(failures: (Error | undefined)[][]): {
  create: () => Producer;
  delivered: string[];
  disconnected: number[];
  created: () => number;
} {
  const delivered: string[] = [];
  const disconnected: number[] = [];
  let made = 0;
  const create = (): Producer => {
    const id = made++;
    const script = failures[id] ?? [];
    let sends = 0;
    return {
      connect: () => Promise.resolve(),
      disconnect: () => {
        disconnected.push(id);
        return Promise.resolve();
      },
      sendBatch: async (batch: ProducerBatch) => {
        const err = script[sends++];
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (err !== undefined) throw err;
        for (const tm of batch.topicMessages ?? []) {
          for (const m of tm.messages)
            delivered.push(cdrv1.CallDetailRecord.decode(m.value as Buffer).callId);
        }
        return [];
      },
    } as unknown as Producer;
  };
  return { create, delivered, disconnected, created: () => made };
}

const config = loadConfig(z.object({ ...baseConfigShape, ...ingestConfigShape }), {
  env: {},
  file: '',
  overrides: { produceBatchSize: 10, produceLingerMs: 1, produceMaxInFlight: 3 },
});

describe('producerFatalError', () => {
  it('finds the broker error behind kafkajs wrappers, and only the ones a new producer fixes', () => {
    expect(producerFatalError(brokerError('OUT_OF_ORDER_SEQUENCE_NUMBER', 45))).toBe(
      'OUT_OF_ORDER_SEQUENCE_NUMBER',
    );
    expect(producerFatalError(brokerError('UNKNOWN_PRODUCER_ID', 59))).toBe('UNKNOWN_PRODUCER_ID');
    expect(producerFatalError(brokerError('MESSAGE_TOO_LARGE', 10))).toBeUndefined();
    expect(producerFatalError(new Error('socket hang up'))).toBeUndefined();
    expect(producerFatalError(undefined)).toBeUndefined();
  });
});

describe('IngestProducer recovery', () => {
  it('replaces a producer stuck on OUT_OF_ORDER_SEQUENCE_NUMBER and resends: nothing lost, order kept', async () => {
    const ooo = brokerError('OUT_OF_ORDER_SEQUENCE_NUMBER', 45);
    // Producer 0 delivers two batches, then fails every send (as kafkajs does once out of step).
    const fakes = fakeProducers([[undefined, undefined, ooo, ooo, ooo, ooo, ooo, ooo]]);
    const producer = new IngestProducer({ create: fakes.create, backoffMs: 1 });
    await producer.connect();
    const core = new IngestCore({ producer, topicPrefix: 'unit.', source: 'replay', config });
    for (let i = 0; i < 95; i++) {
      const outcome = core.ingest('cdr', { raw: Buffer.from('x'), value: cdrObject(i) });
      expect(outcome.status).toBe('accepted');
      if (core.saturated) await core.waitForCapacity();
    }
    await core.flush();
    expect(core.failed).toBe(false);
    expect(producer.recoveries).toBe(1);
    expect(fakes.created()).toBe(2);
    expect(fakes.disconnected).toEqual([0]);
    // Every record exactly once here (the fake's failed sends wrote nothing), in ingest order.
    expect(fakes.delivered).toEqual(Array.from({ length: 95 }, (_, i) => `call-${i}`));
    expect(core.stats()).toMatchObject({ accepted: 95, acknowledged: 95 });
    await producer.disconnect();
  });

  it('gives up after maxRecoveries replacements and fails the core', async () => {
    const ooo = brokerError('OUT_OF_ORDER_SEQUENCE_NUMBER', 45);
    const fakes = fakeProducers([[ooo], [ooo], [ooo], [ooo]]);
    const producer = new IngestProducer({ create: fakes.create, backoffMs: 1, maxRecoveries: 2 });
    await producer.connect();
    const core = new IngestCore({ producer, topicPrefix: 'unit.', source: 'replay', config });
    for (let i = 0; i < 5; i++) core.ingest('cdr', { raw: Buffer.from('x'), value: cdrObject(i) });
    await expect(core.flush()).rejects.toThrow(/OUT_OF_ORDER_SEQUENCE_NUMBER/);
    expect(core.failed).toBe(true);
    expect(producer.recoveries).toBe(2);
    expect(fakes.delivered).toEqual([]);
  });

  it('does not replace the producer for other errors', async () => {
    const fakes = fakeProducers([[new Error('MESSAGE_TOO_LARGE')]]);
    const producer = new IngestProducer({ create: fakes.create, backoffMs: 1 });
    await producer.connect();
    const core = new IngestCore({ producer, topicPrefix: 'unit.', source: 'replay', config });
    core.ingest('cdr', { raw: Buffer.from('x'), value: cdrObject(1) });
    await expect(core.flush()).rejects.toThrow('MESSAGE_TOO_LARGE');
    expect(producer.recoveries).toBe(0);
    expect(fakes.created()).toBe(1);
  });
});
