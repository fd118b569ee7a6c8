import { generateSigningKey, loadSigner, type Signer } from '../src/signing.js';
import type { RawReportData } from '@ringfence/store';

/** Hand-made report data for one day (2026-11-02, Asia/Shanghai), shaped like readReportData's. */
export function sampleRaw(): RawReportData {
  const t0 = Date.UTC(2026, 10, 1, 16); // local midnight 2026-11-02 +08:00
  return {
    calls: 1234,
    bucketCalls: [
      { hourMs: t0, calls: 100 },
      { hourMs: t0 + 3_600_000, calls: 34 },
      { hourMs: t0 + 7 * 3_600_000, calls: 1100 },
    ],
    flagged: [
      {
        id: '+8613800000001',
        level: 'HIGH',
        maxScore: 91,
        category: 'robocall',
        reasonsJson: JSON.stringify([
          { code: 'SHORT_CALLS', value: 0.9, threshold: 0.5, window: '1h', points: 30 },
          { code: 'FANOUT', value: 300, threshold: 100, window: '1h', points: 40 },
          { code: 'NIGHT', value: 1, threshold: 1, window: '', points: 5 },
          { code: 'ANSWER_RATE', value: 0.1, threshold: 0.3, window: '1h', points: 16 },
        ]),
        firstFlagMs: t0 + 600_000,
        firstSeenMs: t0,
      },
      {
        id: '+8613900000002',
        level: 'MEDIUM',
        maxScore: 55,
        category: 'targeted_harassment',
        reasonsJson: JSON.stringify([
          { code: 'REPEAT_CALLEE', value: 20, threshold: 8, window: '24h', points: 55 },
        ]),
        firstFlagMs: t0 + 7_200_000,
        firstSeenMs: t0 + 3_600_000,
      },
      {
        id: '+8613700000003',
        level: 'LOW',
        maxScore: 25,
        category: 'robocall',
        reasonsJson: 'not json',
        firstFlagMs: t0 + 9_000_000,
        firstSeenMs: 0,
      },
    ],
    callerStats: [
      { calling: '+8613800000001', calls: 300, callees: 290, firstMs: t0 + 1000, lastMs: t0 + 80_000_000 },
      { calling: '+8613900000002', calls: 21, callees: 1, firstMs: t0 + 3_600_000, lastMs: t0 + 9_000_000 },
    ],
    callerPaths: [
      { calling: '+8613800000001', carrier: 'CARRIER-X', trunk: 'TRK-9', calls: 250 },
      { calling: '+8613800000001', carrier: 'ON-NET', trunk: 'TRK-1', calls: 50 },
      { calling: '+8613900000002', carrier: 'ON-NET', trunk: 'TRK-1', calls: 21 },
    ],
    topCallees: [
      { calling: '+8613800000001', called: '+8613512345678', calls: 2 },
      { calling: '+8613900000002', called: '+8613698765432', calls: 21 },
    ],
    feedbackForFlagged: [
      {
        feedbackId: 'f1',
        timeMs: t0 + 1,
        kind: 'number',
        id: '+8613800000001',
        action: 'blocklist',
        undoes: '',
      },
      {
        feedbackId: 'f2',
        timeMs: t0 + 2,
        kind: 'number',
        id: '+8613900000002',
        action: 'confirm',
        undoes: '',
      },
      {
        feedbackId: 'f3',
        timeMs: t0 + 3,
        kind: 'number',
        id: '+8613900000002',
        action: 'undo',
        undoes: 'f2',
      },
      { feedbackId: 'f4', timeMs: t0 + 4, kind: 'number', id: '+8613900000002', action: 'note', undoes: '' },
    ],
    actionsInPeriod: [
      { key: 'blocklist', sub: 'number', n: 1 },
      { key: 'confirm', sub: 'number', n: 1 },
      { key: 'undo', sub: 'number', n: 1 },
    ],
    alerts: [
      { key: 'number', sub: 'HIGH', n: 1 },
      { key: 'number', sub: 'MEDIUM', n: 2 },
      { key: 'trunk', sub: 'HIGH', n: 1 },
    ],
    complaints: { total: 7, aboutFlagged: 5, reportedNumbers: 4 },
    complaintsPerNumber: [
      { reported: '+8613800000001', n: 3 },
      { reported: '+8613900000002', n: 2 },
    ],
    sources: [
      {
        kind: 'carrier',
        id: 'CARRIER-X',
        calls: 260,
        flaggedCalls: 250,
        flaggedNumbers: 1,
        firstMs: t0,
        lastMs: t0 + 5,
        switches: ['SW2', 'SW1'],
      },
      {
        kind: 'carrier',
        id: 'ON-NET',
        calls: 900,
        flaggedCalls: 71,
        flaggedNumbers: 2,
        firstMs: t0,
        lastMs: t0 + 5,
        switches: ['SW1'],
      },
      {
        kind: 'carrier',
        id: 'CARRIER-Y',
        calls: 74,
        flaggedCalls: 0,
        flaggedNumbers: 0,
        firstMs: t0,
        lastMs: t0 + 5,
        switches: ['SW3'],
      },
      {
        kind: 'trunk',
        id: 'TRK-9',
        calls: 260,
        flaggedCalls: 250,
        flaggedNumbers: 1,
        firstMs: t0,
        lastMs: t0 + 5,
        switches: ['SW2'],
      },
      {
        kind: 'trunk',
        id: 'TRK-1',
        calls: 974,
        flaggedCalls: 71,
        flaggedNumbers: 2,
        firstMs: t0,
        lastMs: t0 + 5,
        switches: ['SW1'],
      },
    ],
    sourceRisk: [{ kind: 'trunk', id: 'TRK-9', level: 'HIGH', category: 'robocall' }],
    samples: [
      { kind: 'carrier', id: 'CARRIER-X', callId: 'c-1' },
      { kind: 'carrier', id: 'CARRIER-X', callId: 'c-2' },
      { kind: 'trunk', id: 'TRK-9', callId: 'c-1' },
    ],
    watermarkMs: t0 + 86_000_000,
  };
}

/** Callee numbers in sampleRaw: none of them may appear in any output file. */
export const SAMPLE_CALLEES = ['+8613512345678', '+8613698765432', '13512345678', '13698765432'];

export function testSigner(): Signer {
  return loadSigner(generateSigningKey().privateKeyPem);
}
