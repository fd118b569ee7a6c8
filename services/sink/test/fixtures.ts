import type { Admin, Kafka } from 'kafkajs';
import { topicName } from '@ringfence/common';
import { Attestation, Media, cdrv1, type ICallDetailRecord } from '@ringfence/proto';

export const T0 = Date.UTC(2026, 10, 20, 0, 0, 0);

/** CDR number i: 500 callers, spread over three days so inserts span several partitions. */
export function cdrFixture(i: number): ICallDetailRecord {
  const calling = `+86138${String(i % 500).padStart(8, '0')}`;
  const setup = T0 + ((i * 7_919) % (3 * 86_400)) * 1000;
  const answered = i % 4 !== 0;
  return {
    callId: `call-${i}`,
    switchId: `sw${i % 3}`,
    setupTimeMs: setup,
    answerTimeMs: answered ? setup + 4_000 : 0,
    releaseTimeMs: setup + 30_000,
    calling: { raw: calling, e164: calling, valid: true },
    called: {
      raw: `+86139${String(i % 9_973).padStart(8, '0')}`,
      e164: `+86139${String(i % 9_973).padStart(8, '0')}`,
      valid: true,
    },
    ingressTrunk: `trunk-${i % 7}`,
    ingressCarrier: i % 2 === 0 ? 'ON-NET' : 'CARRIER-B',
    releaseCause: 16,
    media: Media.MEDIA_AUDIO,
    attestation: Attestation.ATTESTATION_A,
    ingestTimeMs: Date.now(),
  };
}

/** Produces CDRs [from, to) to cdr.v1 keyed by calling number, in chunks. */
export async function produceCdrs(kafka: Kafka, prefix: string, ids: Iterable<number>): Promise<number> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  let sent = 0;
  let chunk: { key: string; value: Buffer }[] = [];
  const send = async (): Promise<void> => {
    if (chunk.length === 0) return;
    await producer.send({ topic: topicName(prefix, 'cdr'), messages: chunk });
    sent += chunk.length;
    chunk = [];
  };
  for (const i of ids) {
    const c = cdrFixture(i);
    chunk.push({ key: c.calling?.e164 ?? '', value: Buffer.from(cdrv1.CallDetailRecord.encode(c).finish()) });
    if (chunk.length >= 5_000) await send();
  }
  await send();
  await producer.disconnect();
  return sent;
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

/** True when the group's committed offsets reached the end of every partition of `topic`. */
export async function caughtUp(admin: Admin, groupId: string, topic: string): Promise<boolean> {
  const ends = await admin.fetchTopicOffsets(topic);
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return ends.every((e) => {
    const c = committed?.partitions.find((p) => p.partition === e.partition);
    return Number(e.high) === 0 ? true : c !== undefined && Number(c.offset) === Number(e.high);
  });
}
