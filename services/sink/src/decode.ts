import { RingfenceError, type TopicRole } from '@ringfence/common';
import { cdrv1, feedbackv1, riskv1 } from '@ringfence/proto';
import {
  alertRow,
  appendCdr,
  appendCdrMessage,
  complaintRow,
  feedbackRow,
  riskChangeRow,
  riskTombstoneRow,
  type RowBinaryBuilder,
} from '@ringfence/store';

/** The topics the sink stores, and the table each one lands in. */
export const SINK_TOPICS = {
  cdr: 'cdr',
  callerRisk: 'risk_changes',
  sourceRisk: 'risk_changes',
  alerts: 'alerts',
  complaints: 'complaints',
  feedback: 'feedback',
} as const satisfies Partial<Record<TopicRole, string>>;

export type SinkRole = keyof typeof SINK_TOPICS;
export type SinkTable = (typeof SINK_TOPICS)[SinkRole];
/** The low-volume topics, stored as row objects (JSONEachRow). */
export type EventRole = Exclude<SinkRole, 'cdr'>;

/**
 * One cdr.v1 message → its `cdr` row appended to `out` as RowBinary. Throws, having written nothing,
 * on bytes that are not a CallDetailRecord and on a record without call_id.
 */
export function appendCdrRow(out: RowBinaryBuilder, value: Buffer): void {
  // Nearly every record is copied straight from its bytes; the rest is decoded in full.
  if (appendCdrMessage(out, value)) return;
  const c = cdrv1.CallDetailRecord.decode(value);
  // call_id is the dedup key; a record without one cannot be counted exactly, so it is refused.
  if (c.callId === '') throw new RingfenceError('INVALID_ARGUMENT', 'CDR without call_id');
  appendCdr(out, c);
}

/**
 * One message of an event topic → one row for its table, or undefined for a message with nothing to
 * store. Throws on bytes that are not the topic's protobuf.
 */
export function decodeRow(
  role: EventRole,
  key: Buffer | null,
  value: Buffer | null,
  timestampMs: number,
  nowMs: number,
): object | undefined {
  if (value === null || value.length === 0) {
    // A tombstone on a compacted risk topic: the subject's risk expired.
    if ((role === 'callerRisk' || role === 'sourceRisk') && key !== null) {
      return riskTombstoneRow(key.toString('utf8'), role === 'sourceRisk', timestampMs, nowMs);
    }
    if (value === null) return undefined;
  }
  switch (role) {
    case 'callerRisk':
    case 'sourceRisk':
      return riskChangeRow(riskv1.RiskVerdict.decode(value), nowMs);
    case 'alerts':
      return alertRow(riskv1.Alert.decode(value));
    case 'complaints':
      return complaintRow(cdrv1.ComplaintEvent.decode(value));
    case 'feedback':
      return feedbackRow(feedbackv1.Feedback.decode(value));
  }
}
