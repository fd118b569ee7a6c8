import { describe, expect, it } from 'vitest';
import { cdrv1, writeVarint, type Attestation, type ICallDetailRecord, type Media } from '@ringfence/proto';
import { RowBinaryBuilder, appendCdr, appendCdrMessage, joinChunks } from '../src/index.js';
import { T0, records } from './cdr-records.js';

// The record with every field set, with a release cause past 16 bits, a two-byte string length and a location.
const full: ICallDetailRecord = {
  ...records[0],
  releaseCause: 70_000,
  cellId: 'x'.repeat(300),
  callingLocation: 2,
};

const encode = (c: ICallDetailRecord): Buffer => Buffer.from(cdrv1.CallDetailRecord.encode(c).finish());

/** What the sink wrote before: the record decoded in full, then appendCdr. */
function decoded(bytes: Buffer): Buffer {
  const out = new RowBinaryBuilder(64, 256);
  appendCdr(out, cdrv1.CallDetailRecord.decode(bytes));
  return joinChunks(out.chunks());
}

/** The transcoder's bytes, or null when it left the message to the full decoder (having written nothing). */
function transcoded(bytes: Buffer): Buffer | null {
  const out = new RowBinaryBuilder(64, 256);
  const wrote = appendCdrMessage(out, bytes);
  if (!wrote) {
    expect(out.length).toBe(0);
    return null;
  }
  return joinChunks(out.chunks());
}

/** A field appended by hand: tag, then a varint value or length-delimited bytes. */
function field(no: number, value: number | Buffer): Buffer {
  const buf = Buffer.alloc(16 + (typeof value === 'number' ? 0 : value.length));
  if (typeof value === 'number') {
    const end = writeVarint(buf, writeVarint(buf, 0, (no << 3) | 0), value);
    return buf.subarray(0, end);
  }
  let end = writeVarint(buf, 0, (no << 3) | 2);
  end = writeVarint(buf, end, value.length);
  value.copy(buf, end);
  return buf.subarray(0, end + value.length);
}

describe('appendCdrMessage', () => {
  it('writes the bytes of the full decode and appendCdr, for every kind of record', () => {
    const records: ICallDetailRecord[] = [
      full,
      { callId: 'c-2', setupTimeMs: T0, answerTimeMs: 0, releaseTimeMs: T0 + 3_000 },
      { callId: 'c-3', setupTimeMs: T0, answerTimeMs: T0 + 9_000, releaseTimeMs: T0 + 2_000 },
      { callId: 'c-4', media: 9 as Media, attestation: 7 as Attestation },
      { callId: '呼叫-5', switchId: 'é'.repeat(100), calling: { raw: '+86 138', e164: '' } },
      { callId: 'c-6', called: { raw: '', e164: '' }, asserted: { valid: true } },
    ];
    for (const c of records) {
      const bytes = encode(c);
      expect(transcoded(bytes), c.callId!).toEqual(decoded(bytes));
    }
  });

  it('keeps the last of a repeated field and skips fields the row has no column for', () => {
    const bytes = Buffer.concat([
      encode(full),
      field(9, Buffer.from('trunk-2')),
      field(3, T0 + 9_999),
      field(40, 12),
      field(41, Buffer.from('unknown')),
    ]);
    const row = transcoded(bytes);
    expect(row).toEqual(decoded(bytes));
    expect(row!.includes(Buffer.from('trunk-2'))).toBe(true);
  });

  it('leaves to the full decoder what it cannot copy exactly, and writes nothing then', () => {
    const cases: [string, Buffer][] = [
      ['no call_id', encode({ ...full, callId: '' })],
      ['invalid UTF-8', Buffer.concat([encode(full), field(10, Buffer.from([0x4f, 0xff, 0x4e]))])],
      ['a negative time', encode({ ...full, setupTimeMs: -5_000 })],
      ['a negative enum', encode({ ...full, attestation: -1 as Attestation })],
      [
        'a number given twice (protobuf merges them)',
        Buffer.concat([encode(full), field(6, Buffer.from([0x18, 0]))]),
      ],
      ['a string field as a varint', Buffer.concat([encode(full), field(16, 5)])],
      ['truncated', encode(full).subarray(0, 40)],
      ['a group', Buffer.concat([encode(full), Buffer.from([(30 << 3) | 3, (30 << 3) | 4])])],
    ];
    for (const [what, bytes] of cases) {
      expect(transcoded(bytes), what).toBeNull();
    }
    // The full decoder still reads the ones that are valid protobuf, as before.
    expect(decoded(encode({ ...full, setupTimeMs: -5_000 })).length).toBeGreaterThan(0);
  });

  it('agrees with the full decoder on corrupted bytes: the same row, or none', () => {
    const base = encode(full);
    let seed = 11;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed % n;
    };
    let copied = 0;
    for (let i = 0; i < 6_000; i++) {
      const bytes = Buffer.from(base);
      for (let k = 1 + rand(3); k > 0; k--) bytes[rand(bytes.length)] = rand(256);
      const cut = rand(4) === 0 ? bytes.subarray(0, rand(bytes.length)) : bytes;
      const row = transcoded(cut);
      if (row === null) continue;
      copied++;
      expect(row).toEqual(decoded(cut));
    }
    // Many corrupted messages still parse (most bytes are inside string values): those rows were compared.
    expect(copied).toBeGreaterThan(1_200);
  });
});
