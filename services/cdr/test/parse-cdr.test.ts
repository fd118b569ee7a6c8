import { describe, expect, it } from 'vitest';
import { Attestation, CallingLocation, Media } from '@ringfence/proto';
import { DEFAULT_PARSE_OPTIONS, REJECT_REASON_CODES, parseCdr, type RejectReason } from '@ringfence/cdr';

const good = {
  call_id: 'c-1',
  switch_id: 'sw1',
  setup_time: '2026-11-25T10:00:00+08:00',
  answer_time: '2026-11-25T10:00:03+08:00',
  release_time: '2026-11-25T10:01:00+08:00',
  calling: '13812345678',
  called: '+86 139 1234 5678',
  asserted: '13700001111',
  ingress_trunk: 'TRK1',
  ingress_carrier: 'ON-NET',
  egress_trunk: 'EG1',
  release_cause: 16,
  media: 'audio',
  attestation: 'A',
  origid: 'o1',
  device_id: '356938035643809',
  cell_id: 'cell-9',
  calling_location: 'roaming',
};
const SETUP = Date.UTC(2026, 10, 25, 2);

function reason(obj: unknown): RejectReason | undefined {
  const r = parseCdr(obj);
  return r.ok ? undefined : r.reason;
}

describe('parseCdr', () => {
  it('maps every field of a full record', () => {
    const r = parseCdr(good);
    expect(r).toEqual({
      ok: true,
      value: {
        callId: 'c-1',
        switchId: 'sw1',
        setupTimeMs: SETUP,
        answerTimeMs: SETUP + 3000,
        releaseTimeMs: SETUP + 60_000,
        calling: { raw: '13812345678', e164: '+8613812345678', valid: true },
        called: { raw: '+86 139 1234 5678', e164: '+8613912345678', valid: true },
        asserted: { raw: '13700001111', e164: '+8613700001111', valid: true },
        ingressTrunk: 'TRK1',
        ingressCarrier: 'ON-NET',
        egressTrunk: 'EG1',
        releaseCause: 16,
        media: Media.MEDIA_AUDIO,
        attestation: Attestation.ATTESTATION_A,
        origid: 'o1',
        deviceId: '356938035643809',
        cellId: 'cell-9',
        ingestTimeMs: 0,
        callingLocation: CallingLocation.CALLING_LOCATION_ROAMING,
      },
    });
  });

  it('fills optional fields with their empty values when absent', () => {
    const {
      answer_time,
      asserted,
      egress_trunk,
      attestation,
      origid,
      device_id,
      cell_id,
      calling_location,
      ...minimal
    } = good;
    void [answer_time, asserted, egress_trunk, attestation, origid, device_id, cell_id, calling_location];
    const r = parseCdr(minimal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.answerTimeMs).toBe(0);
    expect(r.value.asserted).toBeNull();
    expect(r.value.egressTrunk).toBe('');
    expect(r.value.attestation).toBe(Attestation.ATTESTATION_UNSPECIFIED);
    expect(r.value.deviceId).toBe('');
    expect(r.value.callingLocation).toBe(CallingLocation.CALLING_LOCATION_UNSPECIFIED);
  });

  it('treats null and "" (CSV) as absent, and reads CSV-style strings', () => {
    const csvRow = {
      ...good,
      answer_time: '',
      asserted: '',
      attestation: '',
      calling_location: '',
      release_cause: ' 31 ',
      setup_time: String(SETUP),
      release_time: String(SETUP + 5000),
      media: 'VIDEO',
    };
    const r = parseCdr(csvRow);
    expect(r.ok && r.value).toMatchObject({
      answerTimeMs: 0,
      asserted: null,
      releaseCause: 31,
      setupTimeMs: SETUP,
      releaseTimeMs: SETUP + 5000,
      media: Media.MEDIA_VIDEO,
      callingLocation: CallingLocation.CALLING_LOCATION_UNSPECIFIED,
    });
    expect(parseCdr({ ...good, answer_time: null }).ok).toBe(true);
  });

  it('accepts numeric ids and attestation in any case', () => {
    const r = parseCdr({ ...good, call_id: 12345, attestation: 'c' });
    expect(r.ok && r.value.callId).toBe('12345');
    expect(r.ok && r.value.attestation).toBe(Attestation.ATTESTATION_C);
  });

  it('reads the HLR/HSS calling location in any case, absent or null as unspecified', () => {
    const location = (v: unknown): unknown => {
      const r = parseCdr({ ...good, calling_location: v });
      return r.ok ? r.value.callingLocation : r.reason;
    };
    expect(location('home')).toBe(CallingLocation.CALLING_LOCATION_HOME);
    expect(location(' HOME ')).toBe(CallingLocation.CALLING_LOCATION_HOME);
    expect(location('Roaming')).toBe(CallingLocation.CALLING_LOCATION_ROAMING);
    expect(location(null)).toBe(CallingLocation.CALLING_LOCATION_UNSPECIFIED);
    expect(location(undefined)).toBe(CallingLocation.CALLING_LOCATION_UNSPECIFIED);
  });

  it('keeps unparseable numbers (e164 "") instead of rejecting', () => {
    const r = parseCdr({ ...good, calling: 'anonymous', called: '+8612' });
    expect(r.ok && r.value.calling).toEqual({ raw: 'anonymous', e164: '', valid: false });
    expect(r.ok && r.value.called).toEqual({ raw: '+8612', e164: '+8612', valid: false });
  });

  const cases: [string, unknown, RejectReason][] = [
    ['a string', 'hello', 'MALFORMED'],
    ['an array', [good], 'MALFORMED'],
    ['null', null, 'MALFORMED'],
    ['a number', 42, 'MALFORMED'],
    ['no call_id', { ...good, call_id: undefined }, 'MISSING_CALL_ID'],
    ['blank call_id', { ...good, call_id: '  ' }, 'MISSING_CALL_ID'],
    ['no switch_id', { ...good, switch_id: null }, 'MISSING_FIELD'],
    ['no setup_time', { ...good, setup_time: '' }, 'MISSING_FIELD'],
    ['no release_time', { ...good, release_time: undefined }, 'MISSING_FIELD'],
    ['no calling', { ...good, calling: '' }, 'MISSING_FIELD'],
    ['no called', { ...good, called: null }, 'MISSING_FIELD'],
    ['no ingress_trunk', { ...good, ingress_trunk: '' }, 'MISSING_FIELD'],
    ['no ingress_carrier', { ...good, ingress_carrier: undefined }, 'MISSING_FIELD'],
    ['no release_cause', { ...good, release_cause: '' }, 'MISSING_FIELD'],
    ['no media', { ...good, media: null }, 'MISSING_FIELD'],
    ['object call_id', { ...good, call_id: { $gt: '' } }, 'BAD_FIELD'],
    ['array calling', { ...good, calling: ['138'] }, 'BAD_FIELD'],
    ['boolean trunk', { ...good, ingress_trunk: true }, 'BAD_FIELD'],
    ['text setup_time', { ...good, setup_time: 'yesterday' }, 'BAD_TIME'],
    ['offset-less setup_time', { ...good, setup_time: '2026-11-25T10:00:00' }, 'BAD_TIME'],
    ['negative answer_time', { ...good, answer_time: -1 }, 'BAD_TIME'],
    ['fractional release_time', { ...good, release_time: 1.5e12 + 0.5 }, 'BAD_TIME'],
    ['object time', { ...good, release_time: {} }, 'BAD_TIME'],
    ['release before setup', { ...good, release_time: '2026-11-25T09:00:00+08:00' }, 'IMPOSSIBLE_TIME'],
    ['answer before setup', { ...good, answer_time: '2026-11-25T09:59:00+08:00' }, 'IMPOSSIBLE_TIME'],
    ['answer after release', { ...good, answer_time: '2026-11-25T10:02:00+08:00' }, 'IMPOSSIBLE_TIME'],
    ['epoch seconds', { ...good, setup_time: 1795572000, release_time: 1795572060 }, 'IMPOSSIBLE_TIME'],
    ['year 1970', { ...good, setup_time: '1970-01-01T00:00:00Z' }, 'IMPOSSIBLE_TIME'],
    ['year 2200', { ...good, release_time: '2200-01-01T00:00:00Z' }, 'IMPOSSIBLE_TIME'],
    ['three-day call', { ...good, release_time: '2026-11-28T10:00:00+08:00' }, 'IMPOSSIBLE_TIME'],
    ['media fax', { ...good, media: 'fax' }, 'UNKNOWN_MEDIA'],
    ['numeric media', { ...good, media: 1 }, 'UNKNOWN_MEDIA'],
    ['media constructor', { ...good, media: 'constructor' }, 'UNKNOWN_MEDIA'],
    ['media __proto__', { ...good, media: '__proto__' }, 'UNKNOWN_MEDIA'],
    ['attestation D', { ...good, attestation: 'D' }, 'BAD_ATTESTATION'],
    ['numeric attestation', { ...good, attestation: 1 }, 'BAD_ATTESTATION'],
    ['calling_location abroad', { ...good, calling_location: 'abroad' }, 'BAD_CALLING_LOCATION'],
    ['calling_location unknown', { ...good, calling_location: 'unknown' }, 'BAD_CALLING_LOCATION'],
    ['numeric calling_location', { ...good, calling_location: 1 }, 'BAD_CALLING_LOCATION'],
    ['boolean calling_location', { ...good, calling_location: true }, 'BAD_CALLING_LOCATION'],
    ['calling_location constructor', { ...good, calling_location: 'constructor' }, 'BAD_CALLING_LOCATION'],
    ['cause 300', { ...good, release_cause: 300 }, 'BAD_CAUSE'],
    ['cause -1', { ...good, release_cause: -1 }, 'BAD_CAUSE'],
    ['cause 16.5', { ...good, release_cause: 16.5 }, 'BAD_CAUSE'],
    ['cause text', { ...good, release_cause: 'normal' }, 'BAD_CAUSE'],
    ['huge call_id', { ...good, call_id: 'x'.repeat(10_000) }, 'OVERSIZED_FIELD'],
    ['huge cell_id', { ...good, cell_id: 'x'.repeat(257) }, 'OVERSIZED_FIELD'],
    ['huge time', { ...good, setup_time: '2'.repeat(100) }, 'OVERSIZED_FIELD'],
  ];
  it.each(cases)('rejects %s', (_name, obj, expected) => {
    const r = parseCdr(obj);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(expected);
    expect(r.message.length).toBeGreaterThan(0);
    expect(r.message.length).toBeLessThanOrEqual(300);
  });

  it('honours the configured field length limit', () => {
    expect(
      parseCdr({ ...good, cell_id: 'x'.repeat(40) }, { ...DEFAULT_PARSE_OPTIONS, maxFieldLength: 32 }).ok,
    ).toBe(false);
    expect(reason({ ...good, cell_id: 'x'.repeat(256) })).toBeUndefined();
  });

  it('ignores unknown fields, including prototype-looking keys', () => {
    const obj = JSON.parse(
      `{"__proto__": {"polluted": 1}, "extra": 1, ${JSON.stringify(good).slice(1)}`,
    ) as unknown;
    expect(parseCdr(obj).ok).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('CDR reasons are all from the closed list', () => {
    for (const [, obj] of cases) expect(REJECT_REASON_CODES).toContain(reason(obj));
  });
});
