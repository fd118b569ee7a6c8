import {
  FeedbackAction,
  feedbackv1,
  readDelimitedEnd,
  readVarint,
  riskv1,
  writeVarint,
} from '@ringfence/proto';
import {
  KIND_TO_PROTO,
  LEVEL_TO_PROTO,
  blankObservation,
  riskVerdictMessage,
  taintsCallers,
  type AlertEvent,
  type LevelName,
  type FeedbackInput,
  type SourceObservation,
  type SubjectKindName,
  type Verdict,
} from '@ringfence/engine';

const PROTO_TO_KIND = new Map<number, SubjectKindName>(
  Object.entries(KIND_TO_PROTO).map(([k, v]) => [v, k as SubjectKindName]),
);
const ACTIONS = new Map<number, FeedbackInput['action']>([
  [FeedbackAction.FEEDBACK_ACTION_CONFIRM, 'CONFIRM'],
  [FeedbackAction.FEEDBACK_ACTION_FALSE_POSITIVE, 'FALSE_POSITIVE'],
  [FeedbackAction.FEEDBACK_ACTION_ALLOWLIST, 'ALLOWLIST'],
  [FeedbackAction.FEEDBACK_ACTION_BLOCKLIST, 'BLOCKLIST'],
  [FeedbackAction.FEEDBACK_ACTION_NOTE, 'NOTE'],
  [FeedbackAction.FEEDBACK_ACTION_UNDO, 'UNDO'],
]);

const PROTO_TO_LEVEL = new Map<number, LevelName>(
  Object.entries(LEVEL_TO_PROTO).map(([k, v]) => [v, k as LevelName]),
);

/** Whether a source-risk.v1 verdict says the source taints its callers (taintsCallers). */
export function verdictTaints(kind: SubjectKindName, value: Buffer): boolean {
  const v = riskv1.RiskVerdict.decode(value);
  return taintsCallers(kind, PROTO_TO_LEVEL.get(v.level) ?? 'NONE', v.category);
}

/** protobufjs already writes Buffers under Node; wrap (never copy) whatever it returns. */
function asBuffer(u: Uint8Array): Buffer {
  return Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

/** RiskVerdict bytes for caller-risk.v1 / source-risk.v1. */
export function encodeVerdict(v: Verdict): Buffer {
  return asBuffer(riskv1.RiskVerdict.encode(riskVerdictMessage(v)).finish());
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
      verdict: riskVerdictMessage(a.verdict),
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
  return {
    feedbackId: f.feedbackId,
    timeMs: Number(f.timeMs),
    kind,
    id: f.id,
    action,
    undoes: f.undoes,
    caseId: f.caseId,
    expiresMs: Number(f.expiresMs),
  };
}

export interface Origin {
  partition: number;
  offset: number;
}

/** The most bytes writeObservation can write for `o` (UTF-8 takes at most 3 bytes per UTF-16 unit). */
export function observationBound(o: SourceObservation): number {
  return 96 + 3 * (o.id.length + o.caller.length);
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
  // Rare: a length that needs more varint bytes; write the string again after it.
  const at = writeVarint(buf, pos, n);
  return at + buf.write(s, at, 'utf8');
}

/**
 * Writes one observation as a length-delimited ringfence.scorer.v1.SourceObservation into `buf` at
 * `pos` (which must have observationBound(o) bytes free) and returns the position after it. Written
 * by hand, straight into the pack: the same bytes protobufjs writes (defaults omitted), several
 * times faster, no Long objects and no allocation per observation.
 */
export function writeObservation(o: SourceObservation, origin: Origin, buf: Buffer, pos: number): number {
  const b = buf;
  // Body from pos + 3 (room for a length varint of up to 3 bytes, moved into place below).
  let p = pos + 3;
  b[p++] = 0x08;
  b[p++] = KIND_TO_PROTO[o.kind];
  p = str(b, p, 0x12, o.id);
  if (o.timeMs !== 0) {
    b[p++] = 0x18;
    p = writeVarint(b, p, o.timeMs);
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
    p = writeVarint(b, p, o.flags >>> 0);
  }
  if (origin.partition !== 0) {
    b[p++] = 0x58;
    p = writeVarint(b, p, origin.partition);
  }
  if (origin.offset !== 0) {
    b[p++] = 0x60;
    p = writeVarint(b, p, origin.offset);
  }
  const len = p - pos - 3;
  // Ingest caps every field far below this; the guard keeps a 3-byte length from overflowing.
  if (len >= 0x200000) throw new RangeError(`observation of ${len} bytes`);
  const head = len < 0x80 ? 1 : len < 0x4000 ? 2 : 3;
  writeVarint(b, pos, len);
  if (head < 3) b.copyWithin(pos + head, pos + 3, p);
  return pos + head + len;
}

/** Fills `o` and `origin` from one SourceObservation body; false when it names no source kind. */
function decodeOne(
  buf: Buffer,
  at: { pos: number },
  end: number,
  o: SourceObservation,
  origin: Origin,
): boolean {
  let kind = 0;
  o.id = '';
  o.timeMs = 0;
  o.caller = '';
  o.callerHash = 0;
  o.calleeHash = 0;
  o.blockHash = 0;
  o.regionHash = 0;
  o.talkSec = 0;
  o.flags = 0;
  origin.partition = 0;
  origin.offset = 0;
  while (at.pos < end) {
    const tag = readVarint(buf, at, end);
    const field = tag >>> 3;
    const wire = tag & 7;
    if (wire === 0) {
      const v = readVarint(buf, at, end);
      if (field === 1) kind = v;
      else if (field === 3) o.timeMs = v;
      else if (field === 10) o.flags = v;
      else if (field === 11) origin.partition = v;
      else if (field === 12) origin.offset = v;
    } else if (wire === 2) {
      const to = readDelimitedEnd(buf, at, end);
      if (field === 2) o.id = buf.toString('utf8', at.pos, to);
      else if (field === 4) o.caller = buf.toString('utf8', at.pos, to);
      at.pos = to;
    } else if (wire === 5) {
      if (at.pos + 4 > end) throw new RangeError('truncated observation');
      const v = buf.readInt32LE(at.pos);
      if (field === 5) o.callerHash = v;
      else if (field === 6) o.calleeHash = v;
      else if (field === 7) o.blockHash = v;
      else if (field === 8) o.regionHash = v;
      at.pos += 4;
    } else if (wire === 1) {
      if (at.pos + 8 > end) throw new RangeError('truncated observation');
      if (field === 9) o.talkSec = buf.readDoubleLE(at.pos);
      at.pos += 8;
    } else {
      throw new RangeError(`unexpected wire type ${wire} in observation`);
    }
  }
  const k = PROTO_TO_KIND.get(kind);
  if (k === undefined || k === 'number') return false;
  o.kind = k;
  return true;
}

/**
 * Calls `fn` for each observation of one scorer.source-events.v1 message (length-delimited
 * SourceObservations back to back, in the order the number stage emitted them). `o` and `origin`
 * are the same two objects on every call: the callee copies what it keeps. Throws on a malformed
 * pack (observations before the fault have been delivered).
 */
export function forEachObservation(buf: Buffer, fn: (o: SourceObservation, origin: Origin) => void): void {
  const o = blankObservation();
  const origin: Origin = { partition: 0, offset: 0 };
  const at = { pos: 0 };
  while (at.pos < buf.length) {
    const end = readDelimitedEnd(buf, at, buf.length);
    if (decodeOne(buf, at, end, o, origin)) fn(o, origin);
    at.pos = end;
  }
}
