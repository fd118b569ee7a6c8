import {
  complaintCounts,
  flaggedSubjects,
  flaggedTrafficBySource,
  listCampaigns,
  numberProfiles,
  saveCampaigns,
  type StoredCampaign,
  type StoreDb,
} from '@ringfence/store';
import { trackCampaigns, type TrackedCampaign } from './campaign-tracker.js';
import { groupCampaigns, type FlaggedNumber } from './campaigns.js';
import type { TimeWindow } from './investigation.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface SourceRank {
  kind: 'trunk' | 'carrier';
  id: string;
  /** Calls from flagged numbers through this source in the window. */
  flaggedCalls: number;
  days: { dayMs: number; calls: number }[];
  /** Change of the second half of the window over the first, in percent (null without traffic). */
  trendPct: number | null;
  /** The source's own verdict, when it has one. */
  level: string;
  score: number;
}

export interface CampaignReport {
  window: TimeWindow;
  flaggedNumbers: number;
  /** Campaigns among the flagged numbers now, under their stable ids. */
  campaigns: TrackedCampaign[];
  /** Stored campaigns seen within the window's length that nothing flagged now continues. */
  ended: StoredCampaign[];
  leaderboard: SourceRank[];
}

/** How far back a stored campaign can be continued by one that reappears. */
const CONTINUE_WITHIN_MS = 90 * DAY;

/**
 * Campaigns among currently flagged numbers, and trunks/carriers ranked by flagged traffic. Each
 * campaign keeps the id of the stored campaign it continues (campaign-tracker.ts); new and changed
 * ones are stored, so the view is the same on every console replica and after a restart.
 */
export async function campaignReport(
  db: StoreDb,
  options: { days: number; onNetCarrier: string; maxNumbers?: number; nowMs?: number },
): Promise<CampaignReport> {
  const [flagged, sources] = await Promise.all([
    flaggedSubjects(db, ['number'], options.maxNumbers ?? 500),
    flaggedSubjects(db, ['trunk', 'carrier'], 1000),
  ]);
  const latest = flagged.reduce((m, f) => Math.max(m, f.updatedMs), 0);
  const toMs = Math.ceil(((latest > 0 ? latest : Date.now()) + 1) / HOUR) * HOUR;
  const window = { fromMs: Math.max(0, toMs - options.days * DAY), toMs };
  const numbers = flagged.map((f) => f.id);
  const [profiles, complaints, traffic] = await Promise.all([
    numberProfiles(db, numbers, window.fromMs, window.toMs),
    complaintCounts(db, numbers),
    flaggedTrafficBySource(db, numbers, window.fromMs, window.toMs),
  ]);
  const byNumber = new Map(profiles.map((p) => [p.number, p]));
  const input: FlaggedNumber[] = flagged.map((f) => {
    const p = byNumber.get(f.id);
    return {
      number: f.id,
      score: f.score,
      level: f.level,
      category: f.category,
      calls: p?.calls ?? 0,
      complaints: complaints.get(f.id) ?? 0,
      trunks: p?.trunks ?? [],
      carriers: p?.carriers ?? [],
      devices: p?.devices ?? [],
      callees: p?.callees ?? [],
      hours: p?.hours ?? {},
    };
  });
  const nowMs = options.nowMs ?? Date.now();
  const stored = await listCampaigns(db, { seenSinceMs: nowMs - CONTINUE_WITHIN_MS, limit: 5000 });
  const tracked = trackCampaigns(
    groupCampaigns(input, { onNetCarrier: options.onNetCarrier }),
    stored,
    nowMs,
    nowMs - options.days * DAY,
  );
  await saveCampaigns(db, tracked.writes, nowMs);

  const verdicts = new Map(sources.map((s) => [`${s.kind}:${s.id}`, s]));
  const mid = window.fromMs + (window.toMs - window.fromMs) / 2;
  const ranks = new Map<string, SourceRank>();
  for (const t of traffic) {
    const key = `${t.kind}:${t.id}`;
    const v = verdicts.get(key);
    const r = ranks.get(key) ?? {
      kind: t.kind,
      id: t.id,
      flaggedCalls: 0,
      days: [],
      trendPct: null,
      level: v?.level ?? 'NONE',
      score: v?.score ?? 0,
    };
    r.flaggedCalls += t.calls;
    r.days.push({ dayMs: t.dayMs, calls: t.calls });
    ranks.set(key, r);
  }
  for (const r of ranks.values()) {
    const early = r.days.filter((d) => d.dayMs < mid).reduce((s, d) => s + d.calls, 0);
    const late = r.days.filter((d) => d.dayMs >= mid).reduce((s, d) => s + d.calls, 0);
    r.trendPct = early === 0 ? (late === 0 ? null : 100) : Math.round(((late - early) / early) * 100);
  }
  const leaderboard = [...ranks.values()]
    .sort((a, b) => b.flaggedCalls - a.flaggedCalls || a.id.localeCompare(b.id))
    .slice(0, 50);
  return {
    window,
    flaggedNumbers: flagged.length,
    campaigns: tracked.campaigns,
    ended: tracked.ended,
    leaderboard,
  };
}
