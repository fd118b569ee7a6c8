import { isUtf8 } from 'node:buffer';
import { readVarint } from '@ringfence/proto';
import { ATTESTATION, MEDIA } from './rows.js';
import type { RowBinaryBuilder } from './row-binary.js';

const TWO_32 = 2 ** 32;
const TWO_53 = 2 ** 53;

// Byte ranges of the string values, [from, to) per slot; from = -1 when absent.
const CALL_ID = 0;
const SWITCH_ID = 1;
const INGRESS_TRUNK = 2;
const INGRESS_CARRIER = 3;
const EGRESS_TRUNK = 4;
const ORIGID = 5;
const DEVICE_ID = 6;
const CELL_ID = 7;
// Per number (calling, called, asserted): raw, then e164.
const NUMBERS = 8;
const SLOTS = NUMBERS + 6;
/** Top-level string fields' slots by field number; -1 for the other fields. */
const STRING_SLOT = new Int8Array(20).fill(-1);
for (const [field, slot] of [
  [1, CALL_ID],
  [2, SWITCH_ID],
  [9, INGRESS_TRUNK],
  [10, INGRESS_CARRIER],
  [11, EGRESS_TRUNK],
  [15, ORIGID],
  [16, DEVICE_ID],
  [17, CELL_ID],
] as const)
  STRING_SLOT[field] = slot;

/** Thrown inside the fast path for anything it leaves to the full decoder; never escapes. */
class Unusual extends Error {}
const UNUSUAL = new Unusual();

/**
 * The string ranges of the message being read and the read position, reused from call to call: the
 * sink appends one row at a time, on one thread, and a message costs no allocation.
 */
const ranges = new Int32Array(SLOTS * 2);
const at = { pos: 0 };

/**
 * A varint protobufjs reads as 32 bits (tags, lengths, uint32, enums, bools), when it reads the
 * same number: protobufjs takes the low 32 bits of the first five bytes and then steps over five
 * more whatever they hold, so a longer (non-minimal) encoding is left to it.
 */
function varint32(buf: Buffer, end: number): number {
  let v = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    if (at.pos >= end) throw UNUSUAL;
    const b = buf[at.pos++]!;
    v += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) {
      if (v >= TWO_32) throw UNUSUAL;
      return v;
    }
  }
  throw UNUSUAL;
}

/** Where a length-delimited field that starts at `at.pos` (its length) ends. */
function delimitedEnd(buf: Buffer, end: number): number {
  const n = varint32(buf, end);
  const to = at.pos + n;
  if (to > end) throw UNUSUAL;
  return to;
}

function readRange(buf: Buffer, slot: number, end: number): void {
  const to = delimitedEnd(buf, end);
  ranges[slot * 2] = at.pos;
  ranges[slot * 2 + 1] = to;
  at.pos = to;
}

/** Skips a field the row does not use; groups and unknown wire types are left to the full decoder. */
function skip(buf: Buffer, wire: number, end: number): void {
  if (wire === 0) readVarint(buf, at, end);
  else if (wire === 2) at.pos = delimitedEnd(buf, end);
  else if (wire === 1 || wire === 5) {
    at.pos += wire === 1 ? 8 : 4;
    if (at.pos > end) throw UNUSUAL;
  } else throw UNUSUAL;
}

/** An int64 field's value (a time), when it is one the full decoder reads as the same number. */
function int64(buf: Buffer, wire: number, end: number): number {
  if (wire !== 0) throw UNUSUAL;
  const v = readVarint(buf, at, end);
  if (v >= TWO_53) throw UNUSUAL;
  return v;
}

/** A uint32, enum or bool field's value, below `max` (int32 enums: no negative numbers). */
function small(buf: Buffer, wire: number, end: number, max: number): number {
  if (wire !== 0) throw UNUSUAL;
  const v = varint32(buf, end);
  if (v >= max) throw UNUSUAL;
  return v;
}

/** Reads a ringfence.cdr.v1.Number in [at.pos, end) into the slots of number `n`; returns `valid`. */
function readNumber(buf: Buffer, n: number, end: number): number {
  let valid = 0;
  while (at.pos < end) {
    const tag = varint32(buf, end);
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 1 || field === 2) {
      if (wire !== 2) throw UNUSUAL;
      readRange(buf, NUMBERS + n * 2 + field - 1, end);
    } else if (field === 3) valid = small(buf, wire, end, TWO_32) !== 0 ? 1 : 0;
    else skip(buf, wire, end);
  }
  return valid;
}

function text(out: RowBinaryBuilder, buf: Buffer, slot: number): void {
  const from = ranges[slot * 2]!;
  if (from < 0) out.uint8(0);
  else out.utf8(buf, from, ranges[slot * 2 + 1]!);
}

/** A number's stored key (E.164 when it has one, else raw), as `numberKey` gives it. */
function key(out: RowBinaryBuilder, buf: Buffer, n: number): void {
  const e164 = NUMBERS + n * 2 + 1;
  text(out, buf, ranges[e164 * 2]! >= 0 && ranges[e164 * 2 + 1]! > ranges[e164 * 2]! ? e164 : e164 - 1);
}

/** True when every string value is UTF-8 that decodes and encodes back to the same bytes. */
function utf8Ranges(buf: Buffer): boolean {
  for (let s = 0; s < SLOTS; s++) {
    const from = ranges[s * 2]!;
    if (from < 0) continue;
    const to = ranges[s * 2 + 1]!;
    let ascii = true;
    for (let i = from; i < to; i++) {
      if (buf[i]! > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (!ascii && !isUtf8(buf.subarray(from, to))) return false;
  }
  return true;
}

/**
 * Appends the `cdr` row of one cdr.v1 message to `out`, the very bytes `appendCdr(out,
 * CallDetailRecord.decode(value))` writes, without decoding it: string values are copied from the
 * message (protobuf and RowBinary both carry UTF-8 with a varint length), so no JavaScript string is
 * made. Returns false, having written nothing, for what it leaves to the full decoder: a record
 * without call_id (which the caller refuses), invalid UTF-8, negative or oversized numbers, a field
 * with an unexpected wire type, a number message given twice (protobuf merges them), groups and
 * truncated bytes.
 */
export function appendCdrMessage(out: RowBinaryBuilder, buf: Buffer): boolean {
  ranges.fill(-1);
  at.pos = 0;
  const end = buf.length;
  let setup = 0;
  let answer = 0;
  let release = 0;
  let ingest = 0;
  let releaseCause = 0;
  let media = 0;
  let attestation = 0;
  let callingValid = 0;
  let numbersSeen = 0;
  try {
    while (at.pos < end) {
      const tag = varint32(buf, end);
      const field = tag >>> 3;
      const wire = tag & 7;
      const slot = field < STRING_SLOT.length ? (STRING_SLOT[field] ?? -1) : -1;
      if (slot >= 0) {
        if (wire !== 2) throw UNUSUAL;
        readRange(buf, slot, end);
      } else if (field >= 6 && field <= 8) {
        const bit = 1 << (field - 6);
        if (wire !== 2 || (numbersSeen & bit) !== 0) throw UNUSUAL;
        numbersSeen |= bit;
        const to = delimitedEnd(buf, end);
        const valid = readNumber(buf, field - 6, to);
        if (field === 6) callingValid = valid;
      } else if (field === 3) setup = int64(buf, wire, end);
      else if (field === 4) answer = int64(buf, wire, end);
      else if (field === 5) release = int64(buf, wire, end);
      else if (field === 18) ingest = int64(buf, wire, end);
      else if (field === 12) releaseCause = small(buf, wire, end, TWO_32);
      else if (field === 13) media = small(buf, wire, end, 2 ** 31);
      else if (field === 14) attestation = small(buf, wire, end, 2 ** 31);
      else if (field === 19) small(buf, wire, end, 2 ** 31);
      else skip(buf, wire, end);
    }
  } catch (err) {
    if (err === UNUSUAL || err instanceof RangeError) return false;
    throw err;
  }
  if (ranges[CALL_ID * 2 + 1]! <= ranges[CALL_ID * 2]! || !utf8Ranges(buf)) return false;
  text(out, buf, CALL_ID);
  text(out, buf, SWITCH_ID);
  out.uint32(Math.min(Math.floor(setup / 1000), TWO_32 - 1));
  out.uint64(setup);
  out.uint64(answer);
  out.uint64(release);
  out.uint8(answer > 0 ? 1 : 0);
  out.uint64(answer > 0 && release > answer ? release - answer : 0);
  key(out, buf, 0);
  text(out, buf, NUMBERS);
  out.uint8(callingValid);
  key(out, buf, 1);
  text(out, buf, NUMBERS + 2);
  key(out, buf, 2);
  text(out, buf, INGRESS_TRUNK);
  text(out, buf, INGRESS_CARRIER);
  text(out, buf, EGRESS_TRUNK);
  out.uint16(releaseCause);
  out.uint8(media < MEDIA.length ? media : 0);
  out.uint8(attestation < ATTESTATION.length ? attestation : 0);
  text(out, buf, ORIGID);
  text(out, buf, DEVICE_ID);
  text(out, buf, CELL_ID);
  out.uint64(ingest);
  return true;
}
