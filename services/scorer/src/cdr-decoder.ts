import { cdrv1, readDelimitedEnd, readVarint, type ICallDetailRecord, type INumber } from '@ringfence/proto';

/**
 * A ringfence.cdr.v1.Number as the engine reads it: `raw` is decoded only when `e164` is empty,
 * the one case in which the engine falls back to it.
 */
function readNumber(buf: Buffer, start: number, end: number): INumber {
  const at = { pos: start };
  let e164 = '';
  let valid = false;
  let rawFrom = -1;
  let rawTo = -1;
  while (at.pos < end) {
    const tag = readVarint(buf, at, end);
    const field = tag >>> 3;
    const wire = tag & 7;
    if (wire === 2) {
      const to = readDelimitedEnd(buf, at, end);
      if (field === 1) {
        rawFrom = at.pos;
        rawTo = to;
      } else if (field === 2) e164 = buf.toString('utf8', at.pos, to);
      at.pos = to;
    } else if (wire === 0) {
      const v = readVarint(buf, at, end);
      if (field === 3) valid = v !== 0;
    } else skip(wire, at, end);
  }
  const raw = e164 === '' && rawFrom >= 0 ? buf.toString('utf8', rawFrom, rawTo) : '';
  return { raw, e164, valid };
}

function skip(wire: number, at: { pos: number }, end: number): void {
  const n = wire === 1 ? 8 : wire === 5 ? 4 : -1;
  // Groups (3, 4) and unknown wire types: the full decoder decides what they mean.
  if (n < 0 || at.pos + n > end) throw new RangeError(`wire type ${wire}`);
  at.pos += n;
}

/** Fields the engine never reads (switch_id, egress_trunk, origid, cell_id) are skipped undecoded. */
function decodeFast(buf: Buffer): ICallDetailRecord {
  const end = buf.length;
  const at = { pos: 0 };
  let setupTimeMs = 0;
  let answerTimeMs = 0;
  let releaseTimeMs = 0;
  let releaseCause = 0;
  let media = 0;
  let attestation = 0;
  let callingLocation = 0;
  let calling: INumber | null = null;
  let called: INumber | null = null;
  let asserted: INumber | null = null;
  let ingressTrunk = '';
  let ingressCarrier = '';
  let deviceId = '';
  let callId = '';
  while (at.pos < end) {
    const tag = readVarint(buf, at, end);
    const field = tag >>> 3;
    const wire = tag & 7;
    if (wire === 0) {
      // Negative int64s (10-byte varints) throw here and go to the full decoder.
      const v = readVarint(buf, at, end);
      if (field === 3) setupTimeMs = v;
      else if (field === 4) answerTimeMs = v;
      else if (field === 5) releaseTimeMs = v;
      else if (field === 12) releaseCause = v;
      else if (field === 13) media = v;
      else if (field === 14) attestation = v;
      else if (field === 19) callingLocation = v;
    } else if (wire === 2) {
      const to = readDelimitedEnd(buf, at, end);
      const from = at.pos;
      if (field === 1) callId = buf.toString('utf8', from, to);
      else if (field === 6) calling = readNumber(buf, from, to);
      else if (field === 7) called = readNumber(buf, from, to);
      else if (field === 8) asserted = readNumber(buf, from, to);
      else if (field === 9) ingressTrunk = buf.toString('utf8', from, to);
      else if (field === 10) ingressCarrier = buf.toString('utf8', from, to);
      else if (field === 16) deviceId = buf.toString('utf8', from, to);
      at.pos = to;
    } else skip(wire, at, end);
  }
  return {
    callId,
    setupTimeMs,
    answerTimeMs,
    releaseTimeMs,
    calling,
    called,
    asserted,
    ingressTrunk,
    ingressCarrier,
    deviceId,
    releaseCause,
    media,
    attestation,
    callingLocation,
  };
}

/**
 * A cdr.v1 record with exactly the fields the engine reads (number `raw` only where `e164` is
 * empty), about half the cost of the full protobufjs decode (0.66 against 1.37 µs a record, generated traffic). Anything
 * unusual (a negative time, a group, a truncated field) goes to the full decoder, which keeps the
 * last word on what the bytes mean.
 */
export function decodeCdrForScoring(buf: Buffer): ICallDetailRecord {
  try {
    return decodeFast(buf);
  } catch {
    return cdrv1.CallDetailRecord.decode(buf);
  }
}
