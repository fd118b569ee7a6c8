import { Attestation, CallingLocation, Media, type ICallDetailRecord } from '@ringfence/proto';
import { FieldError, absent, quoted, requiredText, text, time } from './fields.js';
import { normaliseNumber } from './number.js';
import { DEFAULT_PARSE_OPTIONS, type ParseOptions, type ParseResult } from './parse-options.js';
import { reject } from './reject-reason.js';

// Maps, not object literals: "constructor" or "__proto__" must not find Object.prototype's members.
const MEDIA: ReadonlyMap<string, Media> = new Map([
  ['audio', Media.MEDIA_AUDIO],
  ['video', Media.MEDIA_VIDEO],
]);
const ATTESTATION: ReadonlyMap<string, Attestation> = new Map([
  ['A', Attestation.ATTESTATION_A],
  ['B', Attestation.ATTESTATION_B],
  ['C', Attestation.ATTESTATION_C],
]);
const CALLING_LOCATION: ReadonlyMap<string, CallingLocation> = new Map([
  ['home', CallingLocation.CALLING_LOCATION_HOME],
  ['roaming', CallingLocation.CALLING_LOCATION_ROAMING],
]);

function releaseCause(v: unknown): number {
  if (absent(v)) throw new FieldError(reject('MISSING_FIELD', 'release_cause is required'));
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{1,3}\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > 127) {
    throw new FieldError(reject('BAD_CAUSE', `${quoted('release_cause', v)} is not a Q.850 cause (0–127)`));
  }
  return n;
}

function media(v: unknown): Media {
  if (absent(v)) throw new FieldError(reject('MISSING_FIELD', 'media is required'));
  const m = typeof v === 'string' ? MEDIA.get(v.trim().toLowerCase()) : undefined;
  if (m === undefined)
    throw new FieldError(reject('UNKNOWN_MEDIA', `${quoted('media', v)} is not audio or video`));
  return m;
}

function attestation(v: unknown): Attestation {
  if (absent(v)) return Attestation.ATTESTATION_UNSPECIFIED;
  const a = typeof v === 'string' ? ATTESTATION.get(v.trim().toUpperCase()) : undefined;
  if (a === undefined) {
    throw new FieldError(reject('BAD_ATTESTATION', `${quoted('attestation', v)} is not A, B or C`));
  }
  return a;
}

function callingLocation(v: unknown): CallingLocation {
  if (absent(v)) return CallingLocation.CALLING_LOCATION_UNSPECIFIED;
  const l = typeof v === 'string' ? CALLING_LOCATION.get(v.trim().toLowerCase()) : undefined;
  if (l === undefined) {
    throw new FieldError(
      reject('BAD_CALLING_LOCATION', `${quoted('calling_location', v)} is not home or roaming`),
    );
  }
  return l;
}

function parse(obj: Record<string, unknown>, o: ParseOptions): ICallDetailRecord {
  const max = o.maxFieldLength;
  const callId = text(obj, 'call_id', max);
  if (callId.trim() === '') throw new FieldError(reject('MISSING_CALL_ID', 'call_id is required'));
  const setup = time(obj, 'setup_time', true);
  const answer = time(obj, 'answer_time', false);
  const release = time(obj, 'release_time', true);
  if (release < setup) {
    throw new FieldError(
      reject('IMPOSSIBLE_TIME', `release_time is ${setup - release} ms before setup_time`),
    );
  }
  if (release - setup > o.maxCallDurationMs) {
    throw new FieldError(
      reject('IMPOSSIBLE_TIME', `call lasts ${release - setup} ms, more than ${o.maxCallDurationMs}`),
    );
  }
  if (answer !== 0 && (answer < setup || answer > release)) {
    throw new FieldError(reject('IMPOSSIBLE_TIME', 'answer_time is outside [setup_time, release_time]'));
  }
  const asserted = text(obj, 'asserted', max);
  return {
    callId,
    switchId: requiredText(obj, 'switch_id', max),
    setupTimeMs: setup,
    answerTimeMs: answer,
    releaseTimeMs: release,
    calling: normaliseNumber(requiredText(obj, 'calling', max), o.region),
    called: normaliseNumber(requiredText(obj, 'called', max), o.region),
    asserted: asserted === '' ? null : normaliseNumber(asserted, o.region),
    ingressTrunk: requiredText(obj, 'ingress_trunk', max),
    ingressCarrier: requiredText(obj, 'ingress_carrier', max),
    egressTrunk: text(obj, 'egress_trunk', max),
    releaseCause: releaseCause(obj['release_cause']),
    media: media(obj['media']),
    attestation: attestation(obj['attestation']),
    origid: text(obj, 'origid', max),
    deviceId: text(obj, 'device_id', max),
    cellId: text(obj, 'cell_id', max),
    ingestTimeMs: 0,
    callingLocation: callingLocation(obj['calling_location']),
  };
}

/**
 * Parses one CDR (a decoded JSON object or a CSV row keyed by header) into a protobuf-ready
 * `ICallDetailRecord`, or says why not with a code from the closed reject list. Never throws.
 * `ingestTimeMs` is left 0 for the ingest core to stamp.
 */
export function parseCdr(
  obj: unknown,
  options: ParseOptions = DEFAULT_PARSE_OPTIONS,
): ParseResult<ICallDetailRecord> {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    return { ok: false, ...reject('MALFORMED', 'a CDR must be a JSON object') };
  }
  try {
    return { ok: true, value: parse(obj as Record<string, unknown>, options) };
  } catch (err) {
    if (err instanceof FieldError) return { ok: false, ...err.rejection };
    throw err;
  }
}
