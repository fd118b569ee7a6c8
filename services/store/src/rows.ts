import type {
  IAlert,
  ICallDetailRecord,
  IComplaintEvent,
  IFeedback,
  INumber,
  IRiskVerdict,
} from '@ringfence/proto';

/**
 * Protobuf messages → JSONEachRow rows for the tables in migrations.ts. DateTime columns get unix
 * seconds (time-zone free on every server version); enums go by name.
 */

export const KIND_NAMES = ['unspecified', 'number', 'trunk', 'carrier', 'device'] as const;
export type SubjectKindName = (typeof KIND_NAMES)[number];
export const LEVEL_NAMES = ['NONE', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type LevelName = (typeof LEVEL_NAMES)[number];
/** Enum8 names of cdr.media and cdr.attestation, each at its stored value. */
export const MEDIA = ['unspecified', 'audio', 'video'] as const;
export const ATTESTATION = ['none', 'A', 'B', 'C'] as const;
const COMPLAINT = ['unspecified', 'harassment', 'fraud', 'marketing', 'other'] as const;
const ACTION = [
  'unspecified',
  'confirm',
  'false_positive',
  'allowlist',
  'blocklist',
  'note',
  'undo',
] as const;

function name<T extends readonly string[]>(names: T, value: number | null | undefined): T[number] {
  return names[value ?? 0] ?? (names[0] as T[number]);
}

/** An int64 field as a number (protobufjs gives a number, or a Long when long.js is loaded). */
export function ms(v: number | { toNumber(): number } | null | undefined): number {
  if (v === null || v === undefined) return 0;
  return typeof v === 'number' ? v : v.toNumber();
}

export function seconds(epochMs: number): number {
  return Math.max(0, Math.floor(epochMs / 1000));
}

/** The stored form of a number: E.164 when it has one, else the raw string (the cdr.v1 key rule). */
export function numberKey(n: INumber | null | undefined): string {
  return n?.e164 || n?.raw || '';
}

export interface CdrRow {
  call_id: string;
  switch_id: string;
  setup_time: number;
  setup_ms: number;
  answer_ms: number;
  release_ms: number;
  answered: number;
  duration_ms: number;
  calling: string;
  calling_raw: string;
  calling_valid: number;
  called: string;
  called_raw: string;
  asserted: string;
  ingress_trunk: string;
  ingress_carrier: string;
  egress_trunk: string;
  release_cause: number;
  media: string;
  attestation: string;
  origid: string;
  device_id: string;
  cell_id: string;
  ingest_ms: number;
}

export function cdrRow(c: ICallDetailRecord): CdrRow {
  const setup = ms(c.setupTimeMs);
  const answer = ms(c.answerTimeMs);
  const release = ms(c.releaseTimeMs);
  return {
    call_id: c.callId ?? '',
    switch_id: c.switchId ?? '',
    setup_time: seconds(setup),
    setup_ms: setup,
    answer_ms: answer,
    release_ms: release,
    answered: answer > 0 ? 1 : 0,
    duration_ms: answer > 0 && release > answer ? release - answer : 0,
    calling: numberKey(c.calling),
    calling_raw: c.calling?.raw ?? '',
    calling_valid: c.calling?.valid === true ? 1 : 0,
    called: numberKey(c.called),
    called_raw: c.called?.raw ?? '',
    asserted: numberKey(c.asserted),
    ingress_trunk: c.ingressTrunk ?? '',
    ingress_carrier: c.ingressCarrier ?? '',
    egress_trunk: c.egressTrunk ?? '',
    release_cause: c.releaseCause ?? 0,
    media: name(MEDIA, c.media),
    attestation: name(ATTESTATION, c.attestation),
    origid: c.origid ?? '',
    device_id: c.deviceId ?? '',
    cell_id: c.cellId ?? '',
    ingest_ms: ms(c.ingestTimeMs),
  };
}

export interface RiskChangeRow {
  kind: SubjectKindName;
  id: string;
  updated_time: number;
  updated_ms: number;
  score: number;
  level: LevelName;
  category: string;
  reason_codes: string[];
  reasons_json: string;
  first_seen_ms: number;
  calls: number;
  first_json: string;
  override: string;
  tombstone: number;
  recorded_ms: number;
}

export function riskChangeRow(v: IRiskVerdict, recordedMs: number): RiskChangeRow {
  const updated = ms(v.updatedMs);
  const reasons = v.reasons ?? [];
  return {
    kind: name(KIND_NAMES, v.kind),
    id: v.id ?? '',
    updated_time: seconds(updated),
    updated_ms: updated,
    score: v.score ?? 0,
    level: name(LEVEL_NAMES, v.level),
    category: v.category ?? '',
    reason_codes: reasons.map((r) => r.code ?? ''),
    reasons_json: JSON.stringify(reasons),
    first_seen_ms: ms(v.firstSeenMs),
    calls: ms(v.calls),
    first_json: JSON.stringify(v.first ?? []),
    override: v.override ?? '',
    tombstone: 0,
    recorded_ms: recordedMs,
  };
}

/**
 * A tombstone (null value on a compacted topic): the subject's risk expired at `timeMs`. Caller-risk
 * keys are numbers; source-risk keys are `<kind>:<id>`.
 */
export function riskTombstoneRow(
  key: string,
  fromSourceTopic: boolean,
  timeMs: number,
  recordedMs: number,
): RiskChangeRow {
  let kind: SubjectKindName = 'number';
  let id = key;
  if (fromSourceTopic) {
    const colon = key.indexOf(':');
    const k = key.slice(0, colon) as SubjectKindName;
    kind = colon > 0 && KIND_NAMES.includes(k) ? k : 'unspecified';
    id = colon > 0 ? key.slice(colon + 1) : key;
  }
  return {
    kind,
    id,
    updated_time: seconds(timeMs),
    updated_ms: timeMs,
    score: 0,
    level: 'NONE',
    category: '',
    reason_codes: [],
    reasons_json: '[]',
    first_seen_ms: 0,
    calls: 0,
    first_json: '[]',
    override: '',
    tombstone: 1,
    recorded_ms: recordedMs,
  };
}

export interface AlertRow {
  alert_id: string;
  time: number;
  time_ms: number;
  kind: SubjectKindName;
  id: string;
  from_level: LevelName;
  to_level: LevelName;
  score: number;
  category: string;
  reason_codes: string[];
  reasons_json: string;
  evidence_keys: string[];
  evidence_values: number[];
}

export function alertRow(a: IAlert): AlertRow {
  const t = ms(a.timeMs);
  const reasons = a.verdict?.reasons ?? [];
  const evidence = Object.entries(a.evidence ?? {}).filter(([, v]) => Number.isFinite(v));
  return {
    alert_id: a.alertId ?? '',
    time: seconds(t),
    time_ms: t,
    kind: name(KIND_NAMES, a.kind),
    id: a.id ?? '',
    from_level: name(LEVEL_NAMES, a.fromLevel),
    to_level: name(LEVEL_NAMES, a.toLevel),
    score: a.verdict?.score ?? 0,
    category: a.verdict?.category ?? '',
    reason_codes: reasons.map((r) => r.code ?? ''),
    reasons_json: JSON.stringify(reasons),
    evidence_keys: evidence.map(([k]) => k),
    evidence_values: evidence.map(([, v]) => v),
  };
}

export interface ComplaintRow {
  complaint_id: string;
  time: number;
  time_ms: number;
  reporter: string;
  reporter_raw: string;
  reported: string;
  reported_raw: string;
  category: string;
  call_id: string;
  ingest_ms: number;
}

export function complaintRow(c: IComplaintEvent): ComplaintRow {
  const t = ms(c.timeMs);
  return {
    complaint_id: c.complaintId ?? '',
    time: seconds(t),
    time_ms: t,
    reporter: numberKey(c.reporter),
    reporter_raw: c.reporter?.raw ?? '',
    reported: numberKey(c.reported),
    reported_raw: c.reported?.raw ?? '',
    category: name(COMPLAINT, c.category),
    call_id: c.callId ?? '',
    ingest_ms: ms(c.ingestTimeMs),
  };
}

export interface FeedbackRow {
  feedback_id: string;
  time: number;
  time_ms: number;
  kind: SubjectKindName;
  id: string;
  action: string;
  operator: string;
  note: string;
  undoes: string;
  case_id: string;
  expires_ms: number;
}

export function feedbackRow(f: IFeedback): FeedbackRow {
  const t = ms(f.timeMs);
  return {
    feedback_id: f.feedbackId ?? '',
    time: seconds(t),
    time_ms: t,
    kind: name(KIND_NAMES, f.kind),
    id: f.id ?? '',
    action: name(ACTION, f.action),
    operator: f.operator ?? '',
    note: f.note ?? '',
    undoes: f.undoes ?? '',
    case_id: f.caseId ?? '',
    expires_ms: ms(f.expiresMs),
  };
}
