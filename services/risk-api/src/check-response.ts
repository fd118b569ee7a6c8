import { riskv1, type ICheckResponse } from '@ringfence/proto';
import type { Answer } from './answer.js';

/**
 * The response for one request from a shared answer: the only allocation per check of a batch.
 * A null request id leaves field 1 out (the shared body of `encodeCheckAnswer`).
 */
export function toResponse(requestId: string | null, a: Answer): ICheckResponse {
  return {
    requestId,
    action: a.action,
    score: a.score,
    level: a.level,
    category: a.category,
    label: a.label,
    reasons: a.reasons as ICheckResponse['reasons'],
    updatedMs: a.updatedMs,
    block: a.block,
    decidedBy: a.decidedBy,
  };
}

/** A unary Check's result before encoding: the request id and the shared answer it gets. */
export class CheckAnswer {
  constructor(
    readonly requestId: string,
    readonly answer: Answer,
  ) {}
}

// Every field after request_id, encoded once per answer (answers are frozen and shared by every
// check that hits them) and dropped with it when the view replaces or deletes the verdict.
const bodies = new WeakMap<Answer, Uint8Array>();

/**
 * The CheckResponse encoding of a Check's answer, byte for byte what encoding `toResponse` gives:
 * request_id (field 1) first, then the answer's fields from the cached body.
 */
export function encodeCheckAnswer(c: CheckAnswer): Buffer {
  let body = bodies.get(c.answer);
  if (body === undefined) {
    body = riskv1.CheckResponse.encode(toResponse(null, c.answer)).finish();
    bodies.set(c.answer, body);
  }
  const idBytes = Buffer.byteLength(c.requestId, 'utf8');
  let head = 2;
  for (let v = idBytes; v > 0x7f; v >>>= 7) head += 1;
  const out = Buffer.allocUnsafe(head + idBytes + body.length);
  out[0] = 0x0a; // field 1, length-delimited
  let at = 1;
  let v = idBytes;
  for (; v > 0x7f; v >>>= 7) out[at++] = (v & 0x7f) | 0x80;
  out[at++] = v;
  out.write(c.requestId, at, 'utf8');
  out.set(body, at + idBytes);
  return out;
}
