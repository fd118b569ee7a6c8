import { describe, expect, it } from 'vitest';
import { Level, SubjectKind, cdrv1, riskv1 } from '@ringfence/proto';
import { RowBinaryBuilder, cdrRow, encodeCdrs, joinChunks } from '@ringfence/store';
import { appendCdrRow, decodeRow } from '../src/decode.js';
import { cdrFixture } from './fixtures.js';

// Built once: a fixture's ingest time is the time it is made.
const cdrs = Array.from({ length: 50 }, (_, i) => cdrFixture(i));
const cdrBytes = (i: number): Buffer =>
  Buffer.from(cdrv1.CallDetailRecord.encode(cdrs[i] ?? cdrFixture(i)).finish());

describe('appendCdrRow', () => {
  it('appends the RowBinary row of each CDR, the bytes insertCdrs sends for its cdr row', () => {
    const out = new RowBinaryBuilder(64);
    for (let i = 0; i < 50; i++) appendCdrRow(out, cdrBytes(i));
    const rows = cdrs.map(cdrRow);
    expect(joinChunks(out.chunks()).equals(encodeCdrs(rows))).toBe(true);
  });

  it('refuses CDRs without call_id and bytes that are not protobuf, writing nothing for them', () => {
    const out = new RowBinaryBuilder();
    appendCdrRow(out, cdrBytes(1));
    const before = out.length;
    const noId = Buffer.from(cdrv1.CallDetailRecord.encode({ ...cdrs[1], callId: '' }).finish());
    expect(() => appendCdrRow(out, noId)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error,
    );
    expect(() => appendCdrRow(out, Buffer.from([0xff, 0xff, 0xff]))).toThrow();
    expect(() => appendCdrRow(out, Buffer.alloc(0))).toThrow();
    expect(out.length).toBe(before);
    appendCdrRow(out, cdrBytes(2));
    expect(joinChunks(out.chunks()).equals(encodeCdrs([cdrRow(cdrs[1] ?? {}), cdrRow(cdrs[2] ?? {})]))).toBe(
      true,
    );
  });
});

describe('decodeRow', () => {
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
    expect(decodeRow('alerts', Buffer.from('k'), null, 0, 0)).toBeUndefined();
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
