import { describe, expect, it } from 'vitest';
import { canonicalJson, toCsv } from '../src/canonical.js';
import { renderFiles } from '../src/export-period.js';
import { periodFor } from '../src/period.js';
import { buildReport, median, standingAction, topReasonCodes } from '../src/report.js';
import type { RawReportData } from '@ringfence/store';
import { SAMPLE_CALLEES, sampleRaw } from './fixtures.js';

const period = periodFor('daily', '2026-11-02', 'Asia/Shanghai');
const options = { calleeHashKey: 'test-key-0123456789', topReasons: 3 };

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function shuffleAll(raw: RawReportData, seed: number): RawReportData {
  return {
    ...raw,
    flagged: shuffled(raw.flagged, seed),
    callerStats: shuffled(raw.callerStats, seed + 1),
    callerPaths: shuffled(raw.callerPaths, seed + 2),
    topCallees: shuffled(raw.topCallees, seed + 3),
    feedbackForFlagged: shuffled(raw.feedbackForFlagged, seed + 4),
    sources: shuffled(raw.sources, seed + 5),
    samples: raw.samples,
  };
}

describe('canonical serialisation', () => {
  it('gives the same JSON bytes whatever the key insertion order', () => {
    const a = canonicalJson({ b: 1, a: { d: [1, 'x'], c: null }, é: -0 });
    const b = canonicalJson({ é: 0, a: { c: null, d: [1, 'x'] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      1,\n      "x"\n    ]\n  },\n  "b": 1,\n  "é": 0\n}\n',
    );
  });

  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });

  it('quotes CSV fields only when needed', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'he said "hi"'],
          [1.5, null],
          [' pad', 'plain'],
        ],
      ),
    ).toBe('a,b\n"x,y","he said ""hi"""\n1.5,\n" pad",plain\n');
  });
});

describe('buildReport', () => {
  const report = buildReport(period, sampleRaw(), options);

  it('computes the summary figures', () => {
    const s = report.summary;
    expect(s.callsAnalysed).toBe(1234);
    expect(s.flaggedNumbers).toBe(3);
    expect(s.flaggedByCategory).toEqual({ robocall: 2, targeted_harassment: 1 });
    expect(s.flaggedByLevel).toEqual({ HIGH: 1, LOW: 1, MEDIUM: 1 });
    expect(s.alerts).toBe(4);
    expect(s.operatorActions).toBe(3);
    expect(s.complaintsReceived).toBe(7);
    expect(s.complaintsAboutFlagged).toBe(5);
    // Delays 600 s and 3600 s (the third has no first-seen time): the lower median.
    expect(s.medianDetectionDelayMs).toBe(600_000);
    expect(s.detectionDelaySamples).toBe(2);
    expect(s.callsByBucket).toHaveLength(24);
    expect(s.callsByBucket.slice(0, 3)).toEqual([
      { bucket: '2026-11-02T00', calls: 100 },
      { bucket: '2026-11-02T01', calls: 34 },
      { bucket: '2026-11-02T02', calls: 0 },
    ]);
    expect(s.callsByBucket[7]).toEqual({ bucket: '2026-11-02T07', calls: 1100 });
    expect(s.callsByBucket[23]?.bucket).toBe('2026-11-02T23');
  });

  it('fills each flagged number from its calls, paths, reasons and decisions', () => {
    const [first, second, third] = report.flagged;
    expect(first?.number).toBe('+8613800000001');
    expect(first?.topReasons).toEqual(['FANOUT', 'SHORT_CALLS', 'ANSWER_RATE']);
    expect(first?.sourceCarrier).toBe('CARRIER-X');
    expect(first?.sourceTrunk).toBe('TRK-9');
    expect(first?.action).toBe('blocklist');
    expect(first?.complaints).toBe(3);
    expect(first?.topCalleeHash).toMatch(/^[0-9a-f]{32}$/);
    // The confirm was undone and a note decides nothing.
    expect(second?.action).toBe('none');
    expect(second?.topCalleeCalls).toBe(21);
    expect(third?.calls).toBe(0);
    expect(third?.firstSeenMs).toBeNull();
    expect(third?.topReasons).toEqual([]);
  });

  it('ranks sources by flagged traffic and keeps risky ones without it', () => {
    const carriers = report.sources.filter((s) => s.kind === 'carrier');
    expect(carriers.map((s) => [s.id, s.rank])).toEqual([
      ['CARRIER-X', 1],
      ['ON-NET', 2],
    ]);
    expect(carriers[0]?.switches).toEqual(['SW1', 'SW2']);
    expect(carriers[0]?.sampleCallIds).toEqual(['c-1', 'c-2']);
    expect(carriers[0]?.tracebackRef).toMatch(/^TB-2026-11-02-CARRIER-[0-9a-f]{12}$/);
    expect(carriers[0]?.flaggedShare).toBe(0.9615);
    const trunks = report.sources.filter((s) => s.kind === 'trunk');
    expect(trunks[0]).toMatchObject({ id: 'TRK-9', riskLevel: 'HIGH', rank: 1 });
  });

  it('renders byte-identical files whatever order the rows arrived in', () => {
    const base = renderFiles(report);
    for (const seed of [1, 7, 42]) {
      const again = renderFiles(buildReport(period, shuffleAll(sampleRaw(), seed), options));
      for (const [name, bytes] of base)
        expect(Buffer.from(again.get(name) ?? []).equals(bytes), name).toBe(true);
    }
  });

  it('never writes a callee number in clear, and writes format_version everywhere', () => {
    for (const [name, bytes] of renderFiles(report)) {
      const text = Buffer.from(bytes).toString('utf8');
      for (const callee of SAMPLE_CALLEES)
        expect(text.includes(callee), `${name} holds ${callee}`).toBe(false);
      expect(text.includes('format_version') || text.includes('format-version'), name).toBe(true);
    }
  });

  it('buckets weekly and monthly reports by local day', () => {
    const week = buildReport(periodFor('weekly', '2026-11-02', 'Asia/Shanghai'), sampleRaw(), options);
    expect(week.summary.callsByBucket.map((b) => b.bucket)).toEqual([
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
      '2026-11-07',
      '2026-11-08',
    ]);
    expect(week.summary.callsByBucket[0]?.calls).toBe(1234);
    expect(
      buildReport(periodFor('monthly', '2026-11-02', 'Asia/Shanghai'), sampleRaw(), options).summary
        .callsByBucket,
    ).toHaveLength(30);
  });

  it('hashes callees with the key: another key gives other hashes', () => {
    const other = buildReport(period, sampleRaw(), { ...options, calleeHashKey: 'another-key-987654321' });
    expect(other.flagged[0]?.topCalleeHash).not.toBe(report.flagged[0]?.topCalleeHash);
  });
});

describe('report.html language', () => {
  const report = buildReport(period, sampleRaw(), options);
  const text = (files: Map<string, Uint8Array>, name: string): string =>
    Buffer.from(files.get(name) ?? []).toString('utf8');

  it('renders the same report in zh-CN by default and in en on request, leaving the data files alike', () => {
    const zh = renderFiles(report);
    const en = renderFiles(report, 'en');
    expect([...zh.keys()]).toEqual([...en.keys()]);
    for (const [name, bytes] of zh) {
      if (name === 'report.html') continue;
      expect(Buffer.from(en.get(name) ?? []).equals(bytes), name).toBe(true);
    }
    const zhHtml = text(zh, 'report.html');
    const enHtml = text(en, 'report.html');
    expect(zhHtml).toContain('<html lang="zh-CN">');
    expect(zhHtml).toContain('<meta name="report-language" content="zh-CN">');
    expect(zhHtml).toContain('骚扰电话日报：2026-11-02');
    expect(zhHtml).toContain('<th>被标记号码数</th>');
    expect(zhHtml).not.toContain('Flagged numbers');
    expect(enHtml).toContain('<html lang="en">');
    expect(enHtml).toContain('Harassing-call report: daily 2026-11-02');
    expect(enHtml).not.toMatch(/[\u4e00-\u9fff]/);
    // Times keep the period's zone and offset in both languages.
    for (const html of [zhHtml, enHtml]) expect(html).toContain('2026-11-02T00:00:00+08:00');
  });

  it('renders each language byte-identically on every run', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const again = renderFiles(buildReport(period, shuffleAll(sampleRaw(), 3), options), language);
      expect(text(again, 'report.html')).toBe(text(renderFiles(report, language), 'report.html'));
    }
  });
});

describe('helpers', () => {
  it('median is the lower middle value', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2);
  });

  it('topReasonCodes orders by points then code', () => {
    expect(
      topReasonCodes(
        JSON.stringify([
          { code: 'B', points: 5 },
          { code: 'A', points: 5 },
          { code: 'C', points: 9 },
        ]),
        2,
      ),
    ).toEqual(['C', 'A']);
  });

  it('standingAction applies undo to the decision it names', () => {
    const fb = (feedbackId: string, action: string, undoes = '') => ({
      feedbackId,
      timeMs: 0,
      kind: 'number',
      id: 'n',
      action,
      undoes,
    });
    expect(standingAction([fb('a', 'confirm'), fb('b', 'false_positive')])).toBe('false_positive');
    expect(standingAction([fb('a', 'confirm'), fb('b', 'false_positive'), fb('c', 'undo', 'b')])).toBe(
      'confirm',
    );
  });
});
