import { createHash } from 'node:crypto';
import type { StoredCampaign } from '@ringfence/store';
import type { Campaign } from './campaigns.js';

/** A campaign found in the current window, under its stable id. */
export interface TrackedCampaign extends Campaign {
  firstSeenMs: number;
  lastSeenMs: number;
}

export interface Tracking {
  /** The live campaigns, each under the id of the stored campaign it continues, or a new one. */
  campaigns: TrackedCampaign[];
  /** Stored campaigns seen since `endedSinceMs` that nothing in the window continues. */
  ended: StoredCampaign[];
  /** New and changed campaigns to store. */
  writes: StoredCampaign[];
}

/** Most members kept per campaign: enough for any action an operator takes on one. */
const MAX_MEMBERS = 10_000;
/** A live campaign's last-seen time is stored again after this long even when nothing else changed. */
const REFRESH_MS = 3_600_000;

function sourcesOf(c: Campaign): string[] {
  return [
    ...c.trunks.map((t) => `trunk:${t}`),
    ...c.carriers.map((t) => `carrier:${t}`),
    ...c.devices.map((t) => `device:${t}`),
  ].sort();
}

/** The same members give the same id on every console replica, so concurrent first sightings agree. */
function newId(c: Campaign): string {
  const members = c.numbers.map((n) => n.number).sort();
  return `CMP-${createHash('sha256').update(members.join(',')).digest('hex').slice(0, 12).toUpperCase()}`;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort().slice(0, MAX_MEMBERS);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Gives the campaigns found in the current window the ids operators already know: each continues the
 * stored campaign it overlaps most (its numbers, trunks and devices), one to one, largest overlap
 * first; the rest are new. Stored campaigns keep every member they ever had, so an action on a
 * campaign reaches the numbers it rotated through.
 */
export function trackCampaigns(
  live: readonly Campaign[],
  stored: readonly StoredCampaign[],
  nowMs: number,
  endedSinceMs: number,
): Tracking {
  // How strongly each live campaign continues each stored one: 2 per shared number, 1 per shared
  // trunk or device (a carrier is shared by unrelated campaigns over time, so it does not count).
  // Indexed by member, so the cost follows the members, not live × stored.
  const byMember = new Map<string, number[]>();
  const index = (key: string, si: number): void => {
    const list = byMember.get(key);
    if (list === undefined) byMember.set(key, [si]);
    else list.push(si);
  };
  stored.forEach((s, si) => {
    for (const n of s.numbers) index(`n:${n}`, si);
    for (const src of s.sources) if (src.startsWith('trunk:') || src.startsWith('device:')) index(src, si);
  });
  const pairs: { li: number; si: number; score: number }[] = [];
  live.forEach((c, li) => {
    const scores = new Map<number, number>();
    const add = (key: string, points: number): void => {
      for (const si of byMember.get(key) ?? []) scores.set(si, (scores.get(si) ?? 0) + points);
    };
    for (const n of new Set(c.numbers.map((x) => x.number))) add(`n:${n}`, 2);
    for (const t of new Set(c.trunks)) add(`trunk:${t}`, 1);
    for (const d of new Set(c.devices)) add(`device:${d}`, 1);
    for (const [si, score] of scores) pairs.push({ li, si, score });
  });
  pairs.sort(
    (a, b) =>
      b.score - a.score ||
      (stored[a.si]?.firstSeenMs ?? 0) - (stored[b.si]?.firstSeenMs ?? 0) ||
      a.li - b.li ||
      a.si - b.si,
  );
  const continues = new Map<number, StoredCampaign>();
  const usedStored = new Set<number>();
  for (const p of pairs) {
    const s = stored[p.si];
    if (continues.has(p.li) || usedStored.has(p.si) || s === undefined) continue;
    continues.set(p.li, s);
    usedStored.add(p.si);
  }

  const campaigns: TrackedCampaign[] = [];
  const writes: StoredCampaign[] = [];
  live.forEach((c, li) => {
    const prev = continues.get(li);
    const next: StoredCampaign = {
      campaignId: prev?.campaignId ?? newId(c),
      firstSeenMs: prev?.firstSeenMs ?? nowMs,
      lastSeenMs: nowMs,
      numbers: union(
        prev?.numbers ?? [],
        c.numbers.map((n) => n.number),
      ),
      sources: union(prev?.sources ?? [], sourcesOf(c)),
      categories: union(prev?.categories ?? [], c.categories),
      calls: c.calls,
      complaints: c.complaints,
      harm: c.harm,
      maxScore: c.maxScore,
    };
    const changed =
      prev === undefined ||
      !sameList(prev.numbers, next.numbers) ||
      !sameList(prev.sources, next.sources) ||
      !sameList(prev.categories, next.categories) ||
      prev.calls !== next.calls ||
      prev.complaints !== next.complaints ||
      prev.harm !== next.harm ||
      prev.maxScore !== next.maxScore ||
      nowMs - prev.lastSeenMs >= REFRESH_MS;
    if (changed) writes.push(next);
    campaigns.push({ ...c, id: next.campaignId, firstSeenMs: next.firstSeenMs, lastSeenMs: nowMs });
  });
  const ended = stored.filter((s, si) => !usedStored.has(si) && s.lastSeenMs >= endedSinceMs);
  return { campaigns, ended, writes };
}
