import { riskv1, type ICheckResponse } from '@ringfence/proto';
import type { Answer, Decision } from './answer.js';

/**
 * The response for one request from its decision: the only allocation per check of a batch.
 * A null request id leaves field 1 out.
 */
export function toResponse(requestId: string | null, d: Decision): ICheckResponse {
  const a = d.answer;
  return {
    requestId,
    action: a.action,
    score: a.score,
    level: a.level,
    category: a.category,
    label: a.label,
    reasons: a.reasons as ICheckResponse['reasons'],
    updatedMs: d.updatedMs,
    block: a.block,
    decidedBy: a.decidedBy,
  };
}

/** A unary Check's result before encoding: the request id and the decision it gets. */
export class CheckAnswer {
  constructor(
    readonly requestId: string,
    readonly decision: Decision,
  ) {}
}

/** An answer's fields encoded once: those before updated_ms (field 8) and those after it. */
interface Body {
  readonly head: Uint8Array;
  readonly tail: Uint8Array;
}

// Encoded once per answer (answers are frozen and shared by every check that hits them) and dropped
// with it when no verdict gives it any more.
const bodies = new WeakMap<Answer, Body>();

function bodyOf(a: Answer): Body {
  let body = bodies.get(a);
  if (body === undefined) {
    const { CheckResponse } = riskv1;
    const r = toResponse(null, { answer: a, updatedMs: 0 });
    body = {
      head: CheckResponse.encode({ ...r, updatedMs: null, block: null, decidedBy: null }).finish(),
      tail: CheckResponse.encode({ block: r.block, decidedBy: r.decidedBy }).finish(),
    };
    bodies.set(a, body);
  }
  return body;
}

// updated_ms is an int64 varint; above 2^53 or below 0 (never a real update time) protobufjs encodes it.
const MAX_FAST_MS = Number.MAX_SAFE_INTEGER;

/**
 * The CheckResponse encoding of a Check's decision, byte for byte what encoding `toResponse` gives:
 * request_id (field 1), the answer's cached fields with updated_ms (field 8) written between them.
 */
export function encodeCheckAnswer(c: CheckAnswer): Buffer {
  const ms = c.decision.updatedMs;
  if (!(ms >= 0 && ms <= MAX_FAST_MS && Number.isInteger(ms))) {
    return riskv1.CheckResponse.encode(toResponse(c.requestId, c.decision)).finish() as Buffer;
  }
  const { head, tail } = bodyOf(c.decision.answer);
  const idBytes = Buffer.byteLength(c.requestId, 'utf8');
  let idHead = 2;
  for (let v = idBytes; v > 0x7f; v >>>= 7) idHead += 1;
  let msBytes = 2; // the tag and at least one byte
  for (let v = ms; v > 0x7f; v = Math.floor(v / 128)) msBytes += 1;
  const out = Buffer.allocUnsafe(idHead + idBytes + head.length + msBytes + tail.length);
  out[0] = 0x0a; // field 1, length-delimited
  let at = 1;
  let v = idBytes;
  for (; v > 0x7f; v >>>= 7) out[at++] = (v & 0x7f) | 0x80;
  out[at++] = v;
  at += out.write(c.requestId, at, 'utf8');
  out.set(head, at);
  at += head.length;
  out[at++] = 0x40; // field 8, varint
  let m = ms;
  for (; m > 0x7f; m = Math.floor(m / 128)) out[at++] = (m % 128) | 0x80;
  out[at++] = m;
  out.set(tail, at);
  return out;
}
