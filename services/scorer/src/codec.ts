import {
  FeedbackAction,
  Level,
  SubjectKind,
  feedbackv1,
  riskv1,
  scorerv1,
  type IRiskVerdict,
  type ISourceObservation,
} from '@ringfence/proto';
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

function observationMessage(o: SourceObservation, origin: Origin): ISourceObservation {
  return {
    kind: KIND_TO_PROTO[o.kind],
    id: o.id,
    timeMs: o.timeMs,
    caller: o.caller,
    callerHash: o.callerHash,
    calleeHash: o.calleeHash,
    blockHash: o.blockHash,
    regionHash: o.regionHash,
    talkS: o.talkSec,
    flags: o.flags,
    originPartition: origin.partition,
    originOffset: origin.offset,
  };
}

/** One observation, length-delimited, ready to be appended to a pack. */
export function encodeObservation(o: SourceObservation, origin: Origin): Buffer {
  const body = scorerv1.SourceObservation.encode(observationMessage(o, origin)).finish();
  const head: number[] = [];
  for (let n = body.length; ; n >>>= 7) {
    if (n < 0x80) {
      head.push(n);
      break;
    }
    head.push((n & 0x7f) | 0x80);
  }
  return Buffer.concat([Buffer.from(head), body]);
}

export interface DecodedObservation {
  o: SourceObservation;
  origin: Origin;
}

function decodeOne(buf: Uint8Array): DecodedObservation | undefined {
  const m = scorerv1.SourceObservation.decode(buf);
  const kind = PROTO_TO_KIND.get(m.kind);
  if (kind === undefined || kind === 'number') return undefined;
  return {
    o: {
      kind,
      id: m.id,
      timeMs: Number(m.timeMs),
      caller: m.caller,
      callerHash: m.callerHash,
      calleeHash: m.calleeHash,
      blockHash: m.blockHash,
      regionHash: m.regionHash,
      talkSec: m.talkS,
      flags: m.flags,
    },
    origin: { partition: m.originPartition, offset: Number(m.originOffset) },
  };
}

/**
 * The observations of one scorer.source-events.v1 message: length-delimited SourceObservations
 * back to back, in the order the number stage emitted them. Throws on a malformed pack.
 */
export function decodeObservations(buf: Buffer): DecodedObservation[] {
  const out: DecodedObservation[] = [];
  let pos = 0;
  while (pos < buf.length) {
    let len = 0;
    let shift = 0;
    for (;;) {
      if (pos >= buf.length || shift > 28) throw new RangeError('malformed observation pack');
      const b = buf[pos++] ?? 0;
      len |= (b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7;
    }
    if (pos + len > buf.length) throw new RangeError('truncated observation pack');
    const d = decodeOne(buf.subarray(pos, pos + len));
    if (d !== undefined) out.push(d);
    pos += len;
  }
  return out;
}
