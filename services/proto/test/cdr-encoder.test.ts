import { describe, expect, it } from 'vitest';
import { seededRandom } from '@ringfence/common/testing';
import { cdrv1, encodeCdr, type ICallDetailRecord, type INumber } from '../src/index.js';

const TEXTS = [
  '',
  'call-1',
  'TRK-INTL-GW-3',
  '主叫',
  'Zoë 🎉',
  'x'.repeat(127),
  'y'.repeat(128),
  'é'.repeat(70),
  'z'.repeat(300),
  'w'.repeat(17_000),
];
const INTS = [0, 1, 127, 128, 16_383, 16_384, 2 ** 31 - 1, 2 ** 32, 1_795_564_800_000, 2 ** 53 - 1];

function pick<T>(random: () => number, xs: readonly T[]): T {
  return xs[Math.floor(random() * xs.length)]!;
}

/** A field's value, or (one time in five) null or absent. */
function maybe<T>(random: () => number, value: () => T): T | null | undefined {
  const r = random();
  if (r < 0.1) return null;
  if (r < 0.2) return undefined;
  return value();
}

function numberOf(random: () => number): INumber {
  const n: INumber = {};
  const raw = maybe(random, () => pick(random, TEXTS));
  const e164 = maybe(random, () => pick(random, ['', '+8613810042623', pick(random, TEXTS)]));
  const valid = maybe(random, () => random() < 0.5);
  if (raw !== undefined) n.raw = raw;
  if (e164 !== undefined) n.e164 = e164;
  if (valid !== undefined) n.valid = valid;
  return n;
}

function record(random: () => number): ICallDetailRecord {
  const r: Record<string, unknown> = {};
  const text = [
    'callId',
    'switchId',
    'ingressTrunk',
    'ingressCarrier',
    'egressTrunk',
    'origid',
    'deviceId',
    'cellId',
  ];
  const ints = [
    'setupTimeMs',
    'answerTimeMs',
    'releaseTimeMs',
    'releaseCause',
    'media',
    'attestation',
    'ingestTimeMs',
    'callingLocation',
  ];
  for (const k of text) {
    const v = maybe(random, () => pick(random, TEXTS));
    if (v !== undefined) r[k] = v;
  }
  for (const k of ints) {
    const v = maybe(random, () => pick(random, INTS));
    if (v !== undefined) r[k] = v;
  }
  for (const k of ['calling', 'called', 'asserted']) {
    const v = maybe(random, () => numberOf(random));
    if (v !== undefined) r[k] = v;
  }
  return r;
}

const protobufjs = (cdr: ICallDetailRecord): Buffer =>
  Buffer.from(cdrv1.CallDetailRecord.encode(cdr).finish());

describe('encodeCdr', () => {
  it('writes the bytes protobufjs writes, field by field and for every kind of value', () => {
    const random = seededRandom(20261207);
    for (let i = 0; i < 20_000; i++) {
      const cdr = record(random);
      const ours = encodeCdr(cdr);
      // Buffer.equals first: vitest's deep diff of every 17 kB pair would take seconds.
      if (!ours.equals(protobufjs(cdr)))
        expect(ours, JSON.stringify(cdr).slice(0, 300)).toEqual(protobufjs(cdr));
    }
  });

  it('writes a parsed CDR as protobufjs does and reads back the same', () => {
    const cdr: ICallDetailRecord = {
      callId: 'c-77',
      switchId: 'sw2',
      setupTimeMs: 1_795_564_800_000,
      answerTimeMs: 0,
      releaseTimeMs: 1_795_564_801_000,
      calling: { raw: '13810042623', e164: '+8613810042623', valid: true },
      called: { raw: '+86 139 7027 2573', e164: '+8613970272573', valid: true },
      asserted: null,
      ingressTrunk: 'TRK1',
      ingressCarrier: 'ON-NET',
      egressTrunk: '',
      releaseCause: 16,
      media: 1,
      attestation: 0,
      origid: '',
      deviceId: '356900000000000',
      cellId: 'cell-1',
      ingestTimeMs: 1_795_564_802_000,
      callingLocation: 0,
    };
    const bytes = encodeCdr(cdr);
    expect(bytes).toEqual(protobufjs(cdr));
    const back = cdrv1.CallDetailRecord.toObject(cdrv1.CallDetailRecord.decode(bytes), { defaults: true });
    expect(back).toEqual(cdr);
  });

  it('passes negative, fractional and (in a 32-bit field) oversized integers to protobufjs', () => {
    for (const v of [-1, -(2 ** 40), 1.5]) {
      const cdr: ICallDetailRecord = { callId: 'n', setupTimeMs: v, releaseCause: 3 };
      expect(encodeCdr(cdr)).toEqual(protobufjs(cdr));
    }
    for (const v of [-1, 2 ** 31, 2 ** 40]) {
      const cdr: ICallDetailRecord = { callId: 'n', media: v, releaseCause: v };
      expect(encodeCdr(cdr)).toEqual(protobufjs(cdr));
    }
    expect(cdrv1.CallDetailRecord.decode(encodeCdr({ setupTimeMs: -5 })).setupTimeMs).toBe(-5);
  });

  it('writes a lone surrogate as U+FFFD, which is what a UTF-8 reader makes of it either way', () => {
    const bytes = encodeCdr({ callId: 'a\ud800b' });
    expect(cdrv1.CallDetailRecord.decode(bytes).callId).toBe('a\ufffdb');
  });
});
