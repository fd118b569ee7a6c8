/**
 * The closed list of reasons ingest rejects a record for. Each lands in `DeadLetter.reason` on
 * cdr.dlq.v1 and in the `reason` label of the rejection counters; consumers decide by code.
 */
export const REJECT_REASONS = {
  MALFORMED: 'not valid JSON, not a JSON object, or a CSV row that cannot be split into the header’s columns',
  OVERSIZED_RECORD: 'the record is longer than the configured maximum record size',
  OVERSIZED_FIELD: 'a field is longer than the configured maximum field length',
  MISSING_CALL_ID: 'call_id is absent or empty',
  MISSING_FIELD: 'a required field is absent or empty',
  BAD_FIELD: 'a field has the wrong type (an object or array where text or a number belongs)',
  BAD_TIME: 'a time is neither ISO-8601 with an offset nor integer epoch milliseconds',
  IMPOSSIBLE_TIME:
    'times out of order (release before setup, answer outside [setup, release]) or outside 2000–2100',
  UNKNOWN_MEDIA: 'media is not audio or video',
  BAD_ATTESTATION: 'attestation is not A, B or C',
  BAD_CALLING_LOCATION: 'calling_location is not home or roaming',
  BAD_CAUSE: 'release_cause is not a Q.850 cause code (integer 0–127)',
  BAD_CATEGORY: 'complaint category is not harassment, fraud, marketing or other',
} as const;

export type RejectReason = keyof typeof REJECT_REASONS;

/** Every reason code, for metrics initialisation and exhaustive tests. */
export const REJECT_REASON_CODES = Object.keys(REJECT_REASONS) as RejectReason[];

/** Why one record was refused: a code from the closed list and a message naming the field and value. */
export interface Rejection {
  readonly reason: RejectReason;
  readonly message: string;
}

/** Builds a rejection; values shown in the message are clipped so a huge field cannot bloat the DLQ. */
export function reject(reason: RejectReason, message: string): Rejection {
  return { reason, message: message.length > 300 ? `${message.slice(0, 297)}...` : message };
}
