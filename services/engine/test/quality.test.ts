import { describe, expect, it } from 'vitest';
import { formatReport, measureQuality, type ClassRow, type QualityReport } from './quality-harness.js';

/**
 * The small set of the quality harness: one held-out seed (the rules were tuned on seeds 1-3 and 101 only),
 * 48 hours, every behaviour class with its look-alikes. `npm run bench` runs more held-out seeds.
 */
const HELD_OUT = { subscribers: 20_000, hours: 48, seed: 201 };

function row(r: QualityReport, cls: string, category: string): ClassRow {
  const found = r.rows.find((x) => x.cls === cls && x.category === category);
  if (found === undefined) throw new Error(`no ${cls}/${category} in the report`);
  return found;
}

describe('detection quality on held-out generated traffic', () => {
  it(
    'flags harassers without implicating look-alikes by route, roaming or complaints alone',
    { timeout: 300_000 },
    async () => {
      const r = await measureQuality(HELD_OUT);
      process.stdout.write(`${formatReport(r)}\n`);
      expect(r.harasserNumbers).toBeGreaterThan(1000);
      expect(r.precision).toBeGreaterThanOrEqual(0.99);
      // Snowshoe members and night-time pesters are not caught yet (docs/scoring.md, "Open gaps").
      expect(r.recall).toBeGreaterThanOrEqual(0.85);
      expect(r.recall).toBeGreaterThan(r.baselineRecall);
      // Guilt by association and complaints alone: none of these people ever reach MEDIUM.
      for (const category of ['intl_caller', 'dual_sim', 'complained_subscriber'])
        expect(row(r, 'legit_lookalike', category).flaggedAtPeak, category).toBe(0);
      for (const category of ['call_centre', 'courier', 'driver', 'verification'])
        expect(row(r, 'legit_high_volume', category).flaggedAtPeak, category).toBe(0);
      // No legitimate number ends a run flagged.
      for (const x of r.rows.filter((y) => y.cls !== 'harasser'))
        expect(x.flaggedAtEnd, `${x.cls}/${x.category}`).toBe(0);
      expect(r.ordinaryFlagged).toBeLessThanOrEqual(5);
      expect(
        row(r, 'harasser', 'spoofing').flaggedAtPeak / row(r, 'harasser', 'spoofing').numbers,
      ).toBeGreaterThan(0.9);
      expect(Math.max(...r.robocallCallsToMedium)).toBeLessThanOrEqual(30);
      // Every spoofing campaign and SIM farm is traced to where it enters.
      for (const c of r.campaigns.filter((x) => !x.campaign.startsWith('snowshoe-')))
        expect(c.sourcesNamed.length, c.campaign).toBeGreaterThan(0);
    },
  );
});
