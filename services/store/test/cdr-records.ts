import { Attestation, Media, type ICallDetailRecord } from '@ringfence/proto';

export const T0 = Date.UTC(2026, 10, 20);

/** Records that exercise every branch of the row mapping. */
export const records: ICallDetailRecord[] = [
  {
    callId: 'c-1',
    switchId: 'sw1',
    setupTimeMs: T0 + 1_234,
    answerTimeMs: T0 + 5_000,
    releaseTimeMs: T0 + 65_000,
    calling: { raw: '013800000001', e164: '+8613800000001', valid: true },
    called: { raw: '13900000002', e164: '+8613900000002', valid: true },
    asserted: { raw: '+8613800000009', e164: '', valid: false },
    ingressTrunk: 'trunk-1',
    ingressCarrier: 'ON-NET',
    egressTrunk: 'out-2',
    releaseCause: 16,
    media: Media.MEDIA_VIDEO,
    attestation: Attestation.ATTESTATION_C,
    origid: 'orig',
    deviceId: '350000000000001',
    cellId: 'cell-9',
    ingestTimeMs: T0 + 70_000,
  },
  // Unanswered, released before the answer would be, no numbers at all, defaults everywhere.
  { callId: 'c-2', setupTimeMs: T0, answerTimeMs: 0, releaseTimeMs: T0 + 3_000 },
  { callId: 'c-3', setupTimeMs: T0, answerTimeMs: T0 + 9_000, releaseTimeMs: T0 + 2_000 },
  // Values a column cannot hold: clamped, and an enum value the column lacks stored as its default.
  {
    callId: 'c-4',
    setupTimeMs: -5_000,
    releaseCause: 70_000,
    media: 9 as Media,
    attestation: -1 as Attestation,
  },
  // Non-ASCII strings and a string longer than 127 bytes (two-byte length).
  {
    callId: '呼叫-5',
    switchId: 'é'.repeat(100),
    cellId: 'x'.repeat(300),
    calling: { raw: '+86 138', e164: '' },
  },
];
