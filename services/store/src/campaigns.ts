import { z } from 'zod';
import { fragment, joinSql, sql, type SqlFragment } from '@ringfence/common';
import { col, rows, table, type StoreDb } from './store-db.js';

/**
 * A campaign as the console last saw it: its stable id, when it was first and last seen, and every
 * number and source it has had as a member.
 */
export interface StoredCampaign {
  campaignId: string;
  firstSeenMs: number;
  lastSeenMs: number;
  /** Member numbers (E.164), sorted. */
  numbers: string[];
  /** Member sources as `<kind>:<id>` (trunk, carrier, device), sorted. */
  sources: string[];
  categories: string[];
  calls: number;
  complaints: number;
  harm: number;
  maxScore: number;
}

/**
 * Writes campaigns' new states. Each write is a new version; the latest wins on read, so two console
 * replicas writing the same campaign at once lose nothing (their writes are the same campaign).
 */
export async function saveCampaigns(
  db: StoreDb,
  campaigns: readonly StoredCampaign[],
  versionMs: number,
): Promise<void> {
  if (campaigns.length === 0) return;
  await db.ch.insert({
    table: table(db, 'campaigns').text,
    format: 'JSONEachRow',
    values: campaigns.map((c) => ({
      campaign_id: c.campaignId,
      version: versionMs,
      first_seen: Math.floor(c.firstSeenMs / 1000),
      last_seen: Math.floor(c.lastSeenMs / 1000),
      numbers: c.numbers,
      sources: c.sources,
      categories: c.categories,
      calls: c.calls,
      complaints: c.complaints,
      harm: c.harm,
      max_score: c.maxScore,
    })),
  });
}

export interface CampaignFilter {
  campaignId?: string;
  /** Only campaigns last seen at or after this instant (Unix ms). */
  seenSinceMs?: number;
  limit?: number;
}

/** The latest state of each stored campaign, most recently seen first. */
export async function listCampaigns(db: StoreDb, f: CampaignFilter = {}): Promise<StoredCampaign[]> {
  const where: SqlFragment[] = [fragment`1`];
  if (f.campaignId !== undefined) where.push(fragment`campaign_id = ${f.campaignId}`);
  const having: SqlFragment[] = [fragment`1`];
  if (f.seenSinceMs !== undefined) having.push(fragment`last_s >= ${Math.floor(f.seenSinceMs / 1000)}`);
  const r = await rows(
    db,
    sql`SELECT campaign_id, toUInt32(min(first_seen)) AS first_s, toUInt32(argMax(last_seen, version)) AS last_s,
  argMax(numbers, version) AS nums, argMax(sources, version) AS srcs, argMax(categories, version) AS cats,
  argMax(calls, version) AS calls, argMax(complaints, version) AS complaints, argMax(harm, version) AS harm,
  argMax(max_score, version) AS max_score
FROM ${table(db, 'campaigns')} WHERE ${joinSql(where, ' AND ')}
GROUP BY campaign_id HAVING ${joinSql(having, ' AND ')}
ORDER BY last_s DESC, campaign_id LIMIT ${f.limit ?? 1000}`,
    z.object({
      campaign_id: col.str,
      first_s: col.num,
      last_s: col.num,
      nums: col.strs,
      srcs: col.strs,
      cats: col.strs,
      calls: col.num,
      complaints: col.num,
      harm: col.num,
      max_score: col.num,
    }),
  );
  return r.map((x) => ({
    campaignId: x.campaign_id,
    firstSeenMs: x.first_s * 1000,
    lastSeenMs: x.last_s * 1000,
    numbers: x.nums,
    sources: x.srcs,
    categories: x.cats,
    calls: x.calls,
    complaints: x.complaints,
    harm: x.harm,
    maxScore: x.max_score,
  }));
}

/** One campaign's latest state, or undefined. */
export async function getCampaign(db: StoreDb, campaignId: string): Promise<StoredCampaign | undefined> {
  return (await listCampaigns(db, { campaignId, limit: 1 }))[0];
}
