import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normaliseNumber } from '@ringfence/cdr';
import { generateToFiles, type Label } from '@ringfence/generator';
import { scoreFile } from '../src/index.js';
import { qualityFigures } from './quality-metrics.js';

const dir = mkdtempSync(join(tmpdir(), 'rf-quality-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('detection quality on generated traffic', () => {
  it('meets the precision, recall, legit, source and delay targets', { timeout: 180_000 }, async () => {
    const out = join(dir, 'traffic.jsonl');
    const { paths } = await generateToFiles({ subscribers: 20_000, hours: 24, seed: 42 }, out);
    const result = await scoreFile(paths.cdrs, { complaints: paths.complaints });
    const labels = readFileSync(paths.labels, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Label);
    const q = qualityFigures(labels, result.verdicts, (id) => normaliseNumber(id, 'CN').e164 || id);
    const robocallWorst = Math.max(...q.robocallHighWithin);
    process.stdout.write(
      `${JSON.stringify({
        cdrs: result.cdrs,
        harasserNumbers: q.harasserNumbers,
        precision: Number(q.precision.toFixed(4)),
        recall: Number(q.recall.toFixed(4)),
        falsePositives: q.falsePositives.length,
        transientFalsePositives: q.transientFalsePositives,
        legitHighVolume: q.legitNumbers,
        legitAtMediumOrAbove: q.legitAtMediumOrAbove.length,
        campaignSourceHitRate: q.campaigns === 0 ? 1 : q.campaignsWithSourceNamed / q.campaigns,
        robocallCallsBeforeHigh: q.robocallHighWithin,
        missedByCategory: q.missedByCategory,
      })}\n`,
    );
    expect(result.rejected).toBe(0);
    expect(q.harasserNumbers).toBeGreaterThan(100);
    expect(q.precision).toBeGreaterThanOrEqual(0.99);
    expect(q.recall).toBeGreaterThanOrEqual(0.95);
    expect(q.legitNumbers).toBeGreaterThan(0);
    expect(q.legitAtMediumOrAbove).toEqual([]);
    expect(q.campaigns).toBeGreaterThan(0);
    expect(q.campaignsWithSourceNamed).toBe(q.campaigns);
    expect(q.robocallers).toBeGreaterThan(0);
    expect(robocallWorst).toBeLessThanOrEqual(30);
  });
});
