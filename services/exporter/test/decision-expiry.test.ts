import type { RawFeedback } from '@ringfence/store';
import { describe, expect, it } from 'vitest';
import { renderFiles } from '../src/export-period.js';
import { periodFor } from '../src/period.js';
import { buildReport, standingDecision } from '../src/report.js';
import { sampleRaw } from './fixtures.js';

const period = periodFor('daily', '2026-11-02', 'Asia/Shanghai');
const options = { calleeHashKey: 'test-key-0123456789', topReasons: 3 };
const NUMBER = '+8613800000001';

function fb(feedbackId: string, action: string, expiresMs = 0, timeMs = period.fromMs): RawFeedback {
  return { feedbackId, timeMs, kind: 'number', id: NUMBER, action, undoes: '', expiresMs };
}

describe('decision expiry in the exports', () => {
  it('lapses a decision whose expiry is at or before the period end, uncovering the one before', () => {
    const allow = fb('a', 'allowlist');
    const block = fb('b', 'blocklist', period.toMs, period.fromMs + 1);
    expect(standingDecision([allow, block], period.toMs)).toEqual({ action: 'allowlist', expiresMs: 0 });
    expect(standingDecision([allow, block], period.toMs - 1)).toEqual({
      action: 'blocklist',
      expiresMs: period.toMs,
    });
  });

  it('shows the standing decision’s expiry in JSON, CSV and HTML', () => {
    const until = period.toMs + 86_400_000;
    const raw = { ...sampleRaw(), feedbackForFlagged: [fb('b', 'blocklist', until)] };
    const report = buildReport(period, raw, options);
    const row = report.flagged.find((f) => f.number === NUMBER);
    expect([row?.action, row?.actionExpiresMs]).toEqual(['blocklist', until]);
    const files = renderFiles(report, 'en');
    const text = (name: string): string => new TextDecoder().decode(files.get(name));
    const iso = new Date(until).toISOString();
    const json = JSON.parse(text('flagged-numbers.json')) as { flagged_numbers: Record<string, unknown>[] };
    expect(json.flagged_numbers.find((n) => n.number === NUMBER)?.action_expires).toBe(iso);
    const csv = text('flagged-numbers.csv').split('\n');
    const header = csv[0]!.split(',');
    const line = csv.find((l) => l.includes(NUMBER))!.split(',');
    expect(line[header.indexOf('action_expires')]).toBe(iso);
    expect(text('report.html')).toContain('blocklist until 2026-11-04T00:00');
  });
});
