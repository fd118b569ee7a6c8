/** The sink benches' input: the same synthetic CDRs, produced to a fresh cdr.v1 topic. */
import { createKafka, ensureTopics, topicName, type Logger } from '@ringfence/common';
import { Attestation, Media, cdrv1 } from '@ringfence/proto';

export const T0 = Date.UTC(2026, 10, 16);

/** CDR number i as its cdr.v1 key and protobuf bytes: 50k callers over three days. */
export function cdrBytes(i: number): { key: string; value: Buffer } {
  const calling = `+86138${String(i % 50_000).padStart(8, '0')}`;
  const setup = T0 + (i % (3 * 86_400)) * 1000;
  const rec = {
    callId: `b-${i}`,
    switchId: `sw${i % 3}`,
    setupTimeMs: setup,
    answerTimeMs: i % 4 === 0 ? 0 : setup + 3_000,
    releaseTimeMs: setup + 40_000,
    calling: { raw: calling, e164: calling, valid: true },
    called: {
      raw: `+86139${String(i % 99_991).padStart(8, '0')}`,
      e164: `+86139${String(i % 99_991).padStart(8, '0')}`,
      valid: true,
    },
    ingressTrunk: `trunk-${i % 20}`,
    ingressCarrier: i % 2 === 0 ? 'ON-NET' : `CARRIER-${i % 5}`,
    releaseCause: 16,
    media: Media.MEDIA_AUDIO,
    attestation: Attestation.ATTESTATION_B,
    origid: 'orig-1',
    deviceId: i % 2 === 0 ? `35${String(i % 80_000).padStart(13, '0')}` : '',
    cellId: `cell-${i % 900}`,
    ingestTimeMs: Date.now(),
  };
  return { key: calling, value: Buffer.from(cdrv1.CallDetailRecord.encode(rec).finish()) };
}

/** Creates the topics under `prefix` and produces CDRs 0..rows-1 to its cdr.v1. */
export async function produceBenchCdrs(
  brokers: string[],
  prefix: string,
  rows: number,
  logger: Logger,
): Promise<void> {
  const kafka = createKafka({ brokers, clientId: 'sink-bench', logger });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, prefix);
  } finally {
    await admin.disconnect();
  }
  const producer = kafka.producer();
  await producer.connect();
  try {
    for (let i = 0; i < rows; i += 10_000) {
      const messages = [];
      for (let j = i; j < Math.min(rows, i + 10_000); j++) messages.push(cdrBytes(j));
      // Right after creation the topic's metadata may lag; retry a few times.
      for (let attempt = 0; ; attempt++) {
        try {
          await producer.send({ topic: topicName(prefix, 'cdr'), messages });
          break;
        } catch (err) {
          if (attempt >= 10) throw err;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    }
  } finally {
    await producer.disconnect();
  }
}
