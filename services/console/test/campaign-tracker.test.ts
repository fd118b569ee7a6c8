import type { StoredCampaign } from '@ringfence/store';
import { describe, expect, it } from 'vitest';
import { trackCampaigns } from '../src/campaign-tracker.js';
import type { Campaign } from '../src/campaigns.js';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-12-01T08:00:00Z');

function live(numbers: string[], over: Partial<Campaign> = {}): Campaign {
  return {
    id: `CMP-${numbers[0] ?? ''}`,
    numbers: numbers.map((number) => ({
      number,
      score: 80,
      level: 'HIGH',
      category: 'robocall',
      calls: 10,
      complaints: 0,
    })),
    links: ['trunk TG-1'],
    calls: 10 * numbers.length,
    complaints: 0,
    harm: 8 * numbers.length,
    maxScore: 80,
    categories: ['robocall'],
    trunks: ['TG-1'],
    carriers: ['CU'],
    devices: [],
    ...over,
  };
}

function stored(id: string, numbers: string[], over: Partial<StoredCampaign> = {}): StoredCampaign {
  return {
    campaignId: id,
    firstSeenMs: NOW - 48 * HOUR,
    lastSeenMs: NOW - 2 * HOUR,
    numbers: [...numbers].sort(),
    sources: ['carrier:CU', 'trunk:TG-1'],
    categories: ['robocall'],
    calls: 10 * numbers.length,
    complaints: 0,
    harm: 8 * numbers.length,
    maxScore: 80,
    ...over,
  };
}

describe('trackCampaigns', () => {
  it('gives a new campaign an id from its members, the same on every replica', () => {
    const a = trackCampaigns([live(['+861', '+862'])], [], NOW, NOW - 7 * 24 * HOUR);
    const b = trackCampaigns([live(['+862', '+861'])], [], NOW + 5_000, NOW - 7 * 24 * HOUR);
    expect(a.campaigns[0]?.id).toMatch(/^CMP-[0-9A-F]{12}$/);
    expect(b.campaigns[0]?.id).toBe(a.campaigns[0]?.id);
    expect(a.writes).toEqual([
      expect.objectContaining({
        campaignId: a.campaigns[0]?.id,
        firstSeenMs: NOW,
        numbers: ['+861', '+862'],
      }),
    ]);
  });

  it('keeps the id of the campaign it continues when numbers rotate, and remembers every member', () => {
    const t = trackCampaigns([live(['+862', '+863', '+864'])], [stored('CMP-OLD', ['+861', '+862'])], NOW, 0);
    expect(t.campaigns[0]).toMatchObject({ id: 'CMP-OLD', firstSeenMs: NOW - 48 * HOUR, lastSeenMs: NOW });
    expect(t.writes[0]?.numbers).toEqual(['+861', '+862', '+863', '+864']);
    expect(t.ended).toEqual([]);
  });

  it('continues a campaign through its trunk or device even when every number is new', () => {
    const t = trackCampaigns(
      [live(['+865', '+866'], { trunks: [], devices: ['IMEI-1'] })],
      [stored('CMP-FARM', ['+861'], { sources: ['device:IMEI-1'] })],
      NOW,
      0,
    );
    expect(t.campaigns[0]?.id).toBe('CMP-FARM');
  });

  it('does not continue a campaign through a shared carrier alone', () => {
    const t = trackCampaigns(
      [live(['+865', '+866'], { trunks: ['TG-2'] })],
      [stored('CMP-OLD', ['+861'])],
      NOW,
      NOW - 24 * HOUR,
    );
    expect(t.campaigns[0]?.id).not.toBe('CMP-OLD');
    expect(t.ended.map((e) => e.campaignId)).toEqual(['CMP-OLD']);
  });

  it('gives a split campaign its id once: the part with the larger overlap keeps it', () => {
    const t = trackCampaigns(
      [live(['+861'], { trunks: ['TG-9'] }), live(['+862', '+863', '+864'])],
      [stored('CMP-OLD', ['+861', '+862', '+863'])],
      NOW,
      0,
    );
    expect(t.campaigns[1]?.id).toBe('CMP-OLD');
    expect(t.campaigns[0]?.id).toMatch(/^CMP-[0-9A-F]{12}$/);
  });

  it('stores a campaign again only when it changed or its last sighting is an hour old', () => {
    const same = stored('CMP-OLD', ['+861', '+862'], { lastSeenMs: NOW - 10 * 60_000 });
    const quiet = trackCampaigns([live(['+861', '+862'])], [same], NOW, 0);
    expect(quiet.writes).toEqual([]);
    expect(quiet.campaigns[0]?.lastSeenMs).toBe(NOW);
    expect(trackCampaigns([live(['+861', '+862'])], [same], NOW + HOUR, 0).writes).toHaveLength(1);
    expect(trackCampaigns([live(['+861', '+862'], { complaints: 3 })], [same], NOW, 0).writes).toHaveLength(
      1,
    );
  });

  it('lists stored campaigns nothing continues as ended, within the window only', () => {
    const t = trackCampaigns(
      [],
      [
        stored('CMP-RECENT', ['+861']),
        stored('CMP-LONG-AGO', ['+862'], { lastSeenMs: NOW - 30 * 24 * HOUR }),
      ],
      NOW,
      NOW - 7 * 24 * HOUR,
    );
    expect(t.ended.map((e) => e.campaignId)).toEqual(['CMP-RECENT']);
    expect(t.writes).toEqual([]);
  });
});
