// The quality harness's full set: held-out seeds the rules were never tuned on (tuning used seeds
// 1-8 and 101-105), 48 hours each, every behaviour class with its look-alikes; the plain per-caller thresholds
// are the baseline in the same run. Prints one table per seed, then the result line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatReport, measureQuality, type QualityReport } from '../test/quality-harness.js';

const SEEDS = (process.env['QUALITY_SEEDS'] ?? '201,202,203,204').split(',').map(Number);
const reports: QualityReport[] = [];
for (const seed of SEEDS) {
  const r = await measureQuality({ subscribers: 20_000, hours: 48, seed });
  reports.push(r);
  process.stdout.write(`${formatReport(r)}\n`);
}
const min = (f: (r: QualityReport) => number): number => Math.min(...reports.map(f));
const max = (f: (r: QualityReport) => number): number => Math.max(...reports.map(f));
const legitAtPeak = (r: QualityReport): number =>
  r.rows.filter((x) => x.cls !== 'harasser').reduce((n, x) => n + x.flaggedAtPeak, 0) + r.ordinaryFlagged;
const dir = join(import.meta.dirname, '..', '..', '..', 'bench', 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'quality.md'), `${reports.map(formatReport).join('\n\n')}\n`);
const seeds = `held-out seeds ${SEEDS.join(', ')}, 20k subscribers, 48 h each; tables in bench/results/quality.md`;
process.stdout.write(
  `${JSON.stringify({
    bench: 'detection quality (held-out seeds)',
    results: [
      {
        metric: 'precision, numbers at their peak level (worst seed)',
        value: Math.round(min((r) => r.precision) * 1000) / 1000,
        unit: 'ratio',
        target: '>= 0.99',
        baseline: {
          metric: 'plain per-caller thresholds',
          value: Math.round(min((r) => r.baselinePrecision) * 1000) / 1000,
          unit: 'ratio',
        },
        notes: seeds,
      },
      {
        metric: 'recall, numbers at their peak level (worst seed)',
        value: Math.round(min((r) => r.recall) * 1000) / 1000,
        unit: 'ratio',
        target: '>= 0.95',
        baseline: {
          metric: 'plain per-caller thresholds',
          value: Math.round(min((r) => r.baselineRecall) * 1000) / 1000,
          unit: 'ratio',
        },
        notes:
          'misses: spoofed caller ids used once or twice with an answered call, thin-campaign members with a conversation among their calls, a few night-time pesters',
      },
      {
        metric: 'legitimate numbers at MEDIUM+ at their peak (worst seed)',
        value: max(legitAtPeak),
        unit: 'numbers',
        target: '0',
        notes:
          'look-alikes, busy legitimate lines and ordinary subscribers; none stays flagged at the end of any seed',
      },
      {
        metric: 'call setup: legitimate calls labelled (worst seed)',
        value: Math.round(max((r) => r.callSetup.legitLabelled / r.callSetup.legitCalls) * 1e5) / 1e3,
        unit: '%',
        target: '<= 0.1',
        notes: `blocked: ${max((r) => r.callSetup.legitBlocked)}; risk-api's decision (default policy) replayed at each call's time`,
      },
      {
        metric: 'call setup: harassing calls labelled once their number or campaign is flagged (worst seed)',
        value:
          Math.round(
            min((r) => r.callSetup.harassingAfterFlagLabelled / r.callSetup.harassingAfterFlag) * 1e3,
          ) / 10,
        unit: '%',
        target: '>= 95',
      },
      {
        metric: 'robocallers: calls until MEDIUM (worst)',
        value: max((r) => Math.max(...r.robocallCallsToMedium)),
        unit: 'calls',
        target: '<= 30',
      },
    ],
  })}\n`,
);
