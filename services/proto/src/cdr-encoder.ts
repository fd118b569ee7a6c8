// cdr.v1.CallDetailRecord written in one pass into one Buffer. protobufjs builds a queue of
// operation objects per field and forks a writer per nested Number, about 2 µs a record; ingest
// encodes every CDR it accepts, so this was its largest cost after parsing. The bytes are the ones
// protobufjs writes (a field is written when it is not null or undefined, default or not), which
// `cdr-encoder.test.ts` checks record by record.
import { ringfence } from './gen/ringfence.js';
import { writeVarint } from './wire.js';

type ICallDetailRecord = ringfence.cdr.v1.ICallDetailRecord;
type INumber = ringfence.cdr.v1.INumber;
type Text = string | null | undefined;
type Int = number | null | undefined;

/** Bytes of `s` in UTF-8; the loop answers for ASCII without a native call. */
function utf8Length(s: string): number {
  const n = s.length;
  for (let i = 0; i < n; i++) if (s.charCodeAt(i) >= 0x80) return Buffer.byteLength(s, 'utf8');
  return n;
}

function varintLength(v: number): number {
  let n = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 0x80);
    n += 1;
  }
  return n;
}

/** An int64 the fast path writes as a plain varint: an integer in [0, 2^53). */
function plain(v: Int): boolean {
  return v === null || v === undefined || (Number.isSafeInteger(v) && v >= 0);
}

/** The same for a 32-bit field, which protobufjs truncates to 32 bits. */
function plain32(v: Int): boolean {
  return v === null || v === undefined || (Number.isInteger(v) && v >= 0 && v < 2 ** 31);
}

function stringSize(s: Text): number {
  if (s === null || s === undefined) return 0;
  const n = utf8Length(s);
  return 1 + varintLength(n) + n;
}

function intSize(v: Int): number {
  return v === null || v === undefined ? 0 : 1 + varintLength(v);
}

function numberBody(m: INumber): number {
  return stringSize(m.raw) + stringSize(m.e164) + (m.valid === null || m.valid === undefined ? 0 : 2);
}

function numberSize(m: INumber | null | undefined): number {
  if (m === null || m === undefined) return 0;
  const body = numberBody(m);
  return 1 + varintLength(body) + body;
}

function writeString(buf: Buffer, pos: number, tag: number, s: Text): number {
  if (s === null || s === undefined) return pos;
  pos = writeVarint(buf, pos, tag);
  const n = utf8Length(s);
  pos = writeVarint(buf, pos, n);
  if (n === s.length) {
    for (let i = 0; i < n; i++) buf[pos + i] = s.charCodeAt(i);
    return pos + n;
  }
  return pos + buf.write(s, pos, n, 'utf8');
}

function writeInt(buf: Buffer, pos: number, tag: number, v: Int): number {
  if (v === null || v === undefined) return pos;
  return writeVarint(buf, writeVarint(buf, pos, tag), v);
}

function writeNumber(buf: Buffer, pos: number, tag: number, m: INumber | null | undefined): number {
  if (m === null || m === undefined) return pos;
  pos = writeVarint(buf, writeVarint(buf, pos, tag), numberBody(m));
  pos = writeString(buf, pos, 10, m.raw);
  pos = writeString(buf, pos, 18, m.e164);
  if (m.valid !== null && m.valid !== undefined) {
    buf[pos] = 24;
    buf[pos + 1] = m.valid ? 1 : 0;
    pos += 2;
  }
  return pos;
}

/**
 * Encodes a CDR to the bytes `cdrv1.CallDetailRecord.encode(cdr).finish()` gives, in about half
 * the time. A record with an integer out of its field's non-negative range, or fractional, is
 * passed to protobufjs.
 */
export function encodeCdr(cdr: ICallDetailRecord): Buffer {
  const { setupTimeMs, answerTimeMs, releaseTimeMs, releaseCause, media, attestation } = cdr;
  const { ingestTimeMs, callingLocation } = cdr;
  if (
    !plain(setupTimeMs) ||
    !plain(answerTimeMs) ||
    !plain(releaseTimeMs) ||
    !plain(ingestTimeMs) ||
    !plain32(releaseCause) ||
    !plain32(media) ||
    !plain32(attestation) ||
    !plain32(callingLocation)
  ) {
    return ringfence.cdr.v1.CallDetailRecord.encode(cdr).finish() as Buffer;
  }
  const size =
    stringSize(cdr.callId) +
    stringSize(cdr.switchId) +
    intSize(setupTimeMs) +
    intSize(answerTimeMs) +
    intSize(releaseTimeMs) +
    numberSize(cdr.calling) +
    numberSize(cdr.called) +
    numberSize(cdr.asserted) +
    stringSize(cdr.ingressTrunk) +
    stringSize(cdr.ingressCarrier) +
    stringSize(cdr.egressTrunk) +
    intSize(releaseCause) +
    intSize(media) +
    intSize(attestation) +
    stringSize(cdr.origid) +
    // Fields 16 to 19 have two-byte tags.
    (cdr.deviceId === null || cdr.deviceId === undefined ? 0 : 1 + stringSize(cdr.deviceId)) +
    (cdr.cellId === null || cdr.cellId === undefined ? 0 : 1 + stringSize(cdr.cellId)) +
    (ingestTimeMs === null || ingestTimeMs === undefined ? 0 : 1 + intSize(ingestTimeMs)) +
    (callingLocation === null || callingLocation === undefined ? 0 : 1 + intSize(callingLocation));
  // allocUnsafe takes small buffers from Node's shared pool: no allocation of its own per record.
  const buf = Buffer.allocUnsafe(size);
  let pos = writeString(buf, 0, 10, cdr.callId);
  pos = writeString(buf, pos, 18, cdr.switchId);
  pos = writeInt(buf, pos, 24, setupTimeMs);
  pos = writeInt(buf, pos, 32, answerTimeMs);
  pos = writeInt(buf, pos, 40, releaseTimeMs);
  pos = writeNumber(buf, pos, 50, cdr.calling);
  pos = writeNumber(buf, pos, 58, cdr.called);
  pos = writeNumber(buf, pos, 66, cdr.asserted);
  pos = writeString(buf, pos, 74, cdr.ingressTrunk);
  pos = writeString(buf, pos, 82, cdr.ingressCarrier);
  pos = writeString(buf, pos, 90, cdr.egressTrunk);
  pos = writeInt(buf, pos, 96, releaseCause);
  pos = writeInt(buf, pos, 104, media);
  pos = writeInt(buf, pos, 112, attestation);
  pos = writeString(buf, pos, 122, cdr.origid);
  pos = writeString(buf, pos, 130, cdr.deviceId);
  pos = writeString(buf, pos, 138, cdr.cellId);
  pos = writeInt(buf, pos, 144, ingestTimeMs);
  writeInt(buf, pos, 152, callingLocation);
  return buf;
}
