import { describe, expect, it } from 'vitest';
import { Level, SubjectKind, cdrv1, riskv1 } from '@ringfence/proto';
import { decodeRow } from '../src/decode.js';
import { cdrFixture } from './fixtures.js';

describe('decodeRow', () => {
  it('turns a CDR into a cdr row keyed by E.164 with unix-second times', () => {
    const c = cdrFixture(3);
    const row = decodeRow(
      'cdr',
      null,
      Buffer.from(cdrv1.CallDetailRecord.encode(c).finish()),
      0,
      1,
    ) as Record<string, unknown>;
    expect(row['call_id']).toBe('call-3');
    expect(row['calling']).toBe(c.calling?.e164);
    expect(row['setup_time']).toBe(Math.floor(Number(c.setupTimeMs) / 1000));
    expect(row['answered']).toBe(1);
    expect(row['duration_ms']).toBe(26_000);
    expect(row['attestation']).toBe('A');
  });

  it('refuses CDRs without call_id and bytes that are not protobuf', () => {
    const noId = Buffer.from(cdrv1.CallDetailRecord.encode({ ...cdrFixture(1), callId: '' }).finish());
    expect(() => decodeRow('cdr', null, noId, 0, 1)).toThrow();
    expect(() => decodeRow('cdr', null, Buffer.from([0xff, 0xff, 0xff]), 0, 1)).toThrow();
  });

  it('records tombstones on the risk topics as expiries', () => {
    expect(decodeRow('callerRisk', Buffer.from('+8613800000001'), null, 5_000, 9)).toMatchObject({
      kind: 'number',
      id: '+8613800000001',
      tombstone: 1,
      updated_ms: 5_000,
      level: 'NONE',
    });
    expect(decodeRow('sourceRisk', Buffer.from('trunk:tr:1'), null, 5_000, 9)).toMatchObject({
      kind: 'trunk',
      id: 'tr:1',
      tombstone: 1,
    });
    expect(decodeRow('cdr', Buffer.from('k'), null, 0, 0)).toBeUndefined();
  });

  it('turns verdicts into risk change rows', () => {
    const v = riskv1.RiskVerdict.encode({
      kind: SubjectKind.SUBJECT_KIND_CARRIER,
      id: 'C1',
      score: 55,
      level: Level.LEVEL_MEDIUM,
      reasons: [{ code: 'X', value: 1, threshold: 0.5, window: '1h', points: 55 }],
      updatedMs: 7_000,
    }).finish();
    expect(decodeRow('sourceRisk', Buffer.from('carrier:C1'), Buffer.from(v), 0, 9)).toMatchObject({
      kind: 'carrier',
      id: 'C1',
      level: 'MEDIUM',
      score: 55,
      reason_codes: ['X'],
      tombstone: 0,
      recorded_ms: 9,
    });
  });
});
