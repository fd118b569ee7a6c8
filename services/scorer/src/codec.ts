import { FeedbackAction, Level, SubjectKind, feedbackv1, riskv1, type IRiskVerdict } from '@ringfence/proto';
import type {
  AlertEvent,
  FeedbackInput,
  LevelName,
  SourceObservation,
  SubjectKindName,
  Verdict,
} from '@ringfence/engine';

const KIND_TO_PROTO: Record<SubjectKindName, SubjectKind> = {
  number: SubjectKind.SUBJECT_KIND_NUMBER,
  trunk: SubjectKind.SUBJECT_KIND_TRUNK,
  carrier: SubjectKind.SUBJECT_KIND_CARRIER,
  device: SubjectKind.SUBJECT_KIND_DEVICE,
};
const PROTO_TO_KIND = new Map<number, SubjectKindName>(
  Object.entries(KIND_TO_PROTO).map(([k, v]) => [v, k as SubjectKindName]),
);
const LEVEL_TO_PROTO: Record<LevelName, Level> = {
  NONE: Level.LEVEL_NONE,
  LOW: Level.LEVEL_LOW,
  MEDIUM: Level.LEVEL_MEDIUM,
  HIGH: Level.LEVEL_HIGH,
};
const ACTIONS = new Map<number, FeedbackInput['action']>([
  [FeedbackAction.FEEDBACK_ACTION_CONFIRM, 'CONFIRM'],
  [FeedbackAction.FEEDBACK_ACTION_FALSE_POSITIVE, 'FALSE_POSITIVE'],
  [FeedbackAction.FEEDBACK_ACTION_ALLOWLIST, 'ALLOWLIST'],
  [FeedbackAction.FEEDBACK_ACTION_BLOCKLIST, 'BLOCKLIST'],
  [FeedbackAction.FEEDBACK_ACTION_NOTE, 'NOTE'],
  [FeedbackAction.FEEDBACK_ACTION_UNDO, 'UNDO'],
]);

/** protobufjs already writes Buffers under Node; wrap (never copy) whatever it returns. */
function asBuffer(u: Uint8Array): Buffer {
  return Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

function riskVerdict(v: Verdict): IRiskVerdict {
  return {
    kind: KIND_TO_PROTO[v.kind],
    id: v.id,
    score: v.score,
    level: LEVEL_TO_PROTO[v.level],
    category: v.category,
    reasons: v.reasons,
    updatedMs: v.updatedMs,
    firstSeenMs: v.firstSeenMs,
    calls: v.calls,
    first: Object.entries(v.first).map(([l, f]) => ({
      level: LEVEL_TO_PROTO[l as LevelName],
      timeMs: f.timeMs,
      calls: f.calls,
    })),
    override: v.override,
  };
}

/** RiskVerdict bytes for caller-risk.v1 / source-risk.v1. */
export function encodeVerdict(v: Verdict): Buffer {
  return asBuffer(riskv1.RiskVerdict.encode(riskVerdict(v)).finish());
}

export function encodeAlert(a: AlertEvent): Buffer {
  return asBuffer(
    riskv1.Alert.encode({
      alertId: a.alertId,
      timeMs: a.timeMs,
      kind: KIND_TO_PROTO[a.kind],
      id: a.id,
      fromLevel: LEVEL_TO_PROTO[a.fromLevel],
      toLevel: LEVEL_TO_PROTO[a.toLevel],
      verdict: riskVerdict(a.verdict),
      evidence: a.evidence,
    }).finish(),
  );
}

/** Feedback from feedback.v1, or undefined when it names no usable subject or action. */
export function decodeFeedback(buf: Buffer): FeedbackInput | undefined {
  const f = feedbackv1.Feedback.decode(buf);
  const kind = PROTO_TO_KIND.get(f.kind);
  const action = ACTIONS.get(f.action);
  if (kind === undefined || action === undefined || f.id === '' || f.feedbackId === '') return undefined;
  return { feedbackId: f.feedbackId, timeMs: Number(f.timeMs), kind, id: f.id, action, undoes: f.undoes };
}

export interface Origin {
  partition: number;
  offset: number;
}

/** Scratch for one encoded observation; grown when an id or caller is unusually long. */
let scratch = Buffer.allocUnsafe(512);

function varint(buf: Buffer, pos: number, v: number): number {
  // Up to 2^53: uint64 varints beyond 32 bits need arithmetic, not bit operators.
  while (v >= 0x80) {
    buf[pos++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  buf[pos++] = v;
  return pos;
}

function str(buf: Buffer, pos: number, tag: number, s: string): number {
  if (s === '') return pos;
  buf[pos++] = tag;
  const start = pos + 1;
  const n = buf.write(s, start, 'utf8');
  if (n < 0x80) {
    buf[pos] = n;
    return start + n;
  }
  // Rare: a length that needs two varint bytes; write it again one byte further.
  buf[pos] = (n & 0x7f) | 0x80;
  buf[pos + 1] = n >>> 7;
  return pos + 2 + buf.write(s, pos + 2, 'utf8');
}

/**
 * One observation as a length-delimited ringfence.scorer.v1.SourceObservation, written by hand:
 * the same bytes protobufjs writes (defaults omitted), several times faster, and with no Long objects.
 */
export function encodeObservation(o: SourceObservation, origin: Origin): Buffer {
  const need = 96 + 3 * (o.id.length + o.caller.length);
  if (scratch.length < need) scratch = Buffer.allocUnsafe(need * 2);
  const b = scratch;
  // Body from offset 3 (room for a length varint of up to 3 bytes, moved into place below).
  let p = 3;
  b[p++] = 0x08;
  b[p++] = KIND_TO_PROTO[o.kind];
  p = str(b, p, 0x12, o.id);
  if (o.timeMs !== 0) {
    b[p++] = 0x18;
    p = varint(b, p, o.timeMs);
  }
  p = str(b, p, 0x22, o.caller);
  if (o.callerHash !== 0) {
    b[p] = 0x2d;
    b.writeInt32LE(o.callerHash | 0, p + 1);
    p += 5;
  }
  if (o.calleeHash !== 0) {
    b[p] = 0x35;
    b.writeInt32LE(o.calleeHash | 0, p + 1);
    p += 5;
  }
  if (o.blockHash !== 0) {
    b[p] = 0x3d;
    b.writeInt32LE(o.blockHash | 0, p + 1);
    p += 5;
  }
  if (o.regionHash !== 0) {
    b[p] = 0x45;
    b.writeInt32LE(o.regionHash | 0, p + 1);
    p += 5;
  }
  if (o.talkSec !== 0) {
    b[p] = 0x49;
    b.writeDoubleLE(o.talkSec, p + 1);
    p += 9;
  }
  if (o.flags !== 0) {
    b[p++] = 0x50;
    p = varint(b, p, o.flags >>> 0);
  }
  if (origin.partition !== 0) {
    b[p++] = 0x58;
    p = varint(b, p, origin.partition);
  }
  if (origin.offset !== 0) {
    b[p++] = 0x60;
    p = varint(b, p, origin.offset);
  }
  const len = p - 3;
  const head = len < 0x80 ? 1 : len < 0x4000 ? 2 : 3;
  const out = Buffer.allocUnsafe(head + len);
  varint(out, 0, len);
  b.copy(out, head, 3, p);
  return out;
}

export interface DecodedObservation {
  o: SourceObservation;
  origin: Origin;
}

/** Reads a varint at pos[0] (advancing it); up to 2^53. */
function readVarint(buf: Buffer, at: { pos: number }, end: number): number {
  let v = 0;
  let mul = 1;
  for (;;) {
    if (at.pos >= end || mul > 2 ** 56) throw new RangeError('malformed observation');
    const b = buf[at.pos++]!;
    v += (b & 0x7f) * mul;
    if (b < 0x80) return v;
    mul *= 0x80;
  }
}

function decodeOne(buf: Buffer, start: number, end: number): DecodedObservation | undefined {
  const at = { pos: start };
  let kind = 0;
  let id = '';
  let timeMs = 0;
  let caller = '';
  let callerHash = 0;
  let calleeHash = 0;
  let blockHash = 0;
  let regionHash = 0;
  let talkSec = 0;
  let flags = 0;
  let partition = 0;
  let offset = 0;
  while (at.pos < end) {
    const tag = readVarint(buf, at, end);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 0) {
      const v = readVarint(buf, at, end);
      if (field === 1) kind = v;
      else if (field === 3) timeMs = v;
      else if (field === 10) flags = v;
      else if (field === 11) partition = v;
      else if (field === 12) offset = v;
    } else if (wire === 2) {
      const n = readVarint(buf, at, end);
      if (at.pos + n > end) throw new RangeError('truncated observation');
      if (field === 2) id = buf.toString('utf8', at.pos, at.pos + n);
      else if (field === 4) caller = buf.toString('utf8', at.pos, at.pos + n);
      at.pos += n;
    } else if (wire === 5) {
      if (at.pos + 4 > end) throw new RangeError('truncated observation');
      const v = buf.readInt32LE(at.pos);
      if (field === 5) callerHash = v;
      else if (field === 6) calleeHash = v;
      else if (field === 7) blockHash = v;
      else if (field === 8) regionHash = v;
      at.pos += 4;
    } else if (wire === 1) {
      if (at.pos + 8 > end) throw new RangeError('truncated observation');
      if (field === 9) talkSec = buf.readDoubleLE(at.pos);
      at.pos += 8;
    } else {
      throw new RangeError(`unexpected wire type ${wire} in observation`);
    }
  }
  const k = PROTO_TO_KIND.get(kind);
  if (k === undefined || k === 'number') return undefined;
  return {
    o: { kind: k, id, timeMs, caller, callerHash, calleeHash, blockHash, regionHash, talkSec, flags },
    origin: { partition, offset },
  };
}

/**
 * The observations of one scorer.source-events.v1 message: length-delimited SourceObservations
 * back to back, in the order the number stage emitted them. Throws on a malformed pack.
 */
export function decodeObservations(buf: Buffer): DecodedObservation[] {
  const out: DecodedObservation[] = [];
  const at = { pos: 0 };
  while (at.pos < buf.length) {
    const len = readVarint(buf, at, buf.length);
    if (at.pos + len > buf.length) throw new RangeError('truncated observation pack');
    const d = decodeOne(buf, at.pos, at.pos + len);
    if (d !== undefined) out.push(d);
    at.pos += len;
  }
  return out;
}
