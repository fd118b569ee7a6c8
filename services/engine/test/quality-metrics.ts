import type { Label } from '@ringfence/generator';
import type { Verdict } from '../src/index.js';

export interface QualityFigures {
  harasserNumbers: number;
  flaggedNumbers: number;
  truePositives: number;
  precision: number;
  recall: number;
  legitNumbers: number;
  legitAtMediumOrAbove: string[];
  campaigns: number;
  campaignsWithSourceNamed: number;
  robocallers: number;
  robocallHighWithin: number[];
  missedByCategory: Record<string, number>;
  falsePositives: string[];
  /** Non-harasser numbers that were at MEDIUM+ at some point but ended lower. */
  transientFalsePositives: number;
}

const rank = { NONE: 0, LOW: 1, MEDIUM: 2, HIGH: 3 } as const;

/** A subject counts as flagged when its final level is MEDIUM or HIGH (the offline output's level). */
function reachedMedium(v: Verdict | undefined): boolean {
  return v !== undefined && rank[v.level] >= 2;
}

/** Ever at MEDIUM or above during the run, even if it later fell back. */
function everMedium(v: Verdict | undefined): boolean {
  return v !== undefined && v.first.MEDIUM !== undefined;
}

/** Precision/recall on numbers, legit false positives, campaign source hits, robocall delay. */
export function qualityFigures(
  rawLabels: readonly Label[],
  verdicts: readonly Verdict[],
  normalise: (id: string) => string,
): QualityFigures {
  // Labels name invalid caller ids in their raw form; verdicts use the normalised key.
  const labels = rawLabels.map((l) => (l.kind === 'number' ? { ...l, id: normalise(l.id) } : l));
  const byKey = new Map(verdicts.map((v) => [`${v.kind}:${v.id}`, v]));
  const harassers = labels.filter((l) => l.kind === 'number' && l.class === 'harasser');
  const harasserIds = new Set(harassers.map((l) => l.id));
  const legit = labels.filter((l) => l.kind === 'number' && l.class === 'legit_high_volume');
  const flagged = verdicts.filter((v) => v.kind === 'number' && reachedMedium(v));
  const tp = flagged.filter((v) => harasserIds.has(v.id)).length;
  const missedByCategory: Record<string, number> = {};
  for (const l of harassers) {
    if (!reachedMedium(byKey.get(`number:${l.id}`)))
      missedByCategory[l.category] = (missedByCategory[l.category] ?? 0) + 1;
  }
  const campaigns = new Map<string, Label[]>();
  for (const l of labels) {
    if (l.kind !== 'number' && l.class === 'harasser' && l.campaign !== null && l.category === 'spoofing') {
      campaigns.set(l.campaign, [...(campaigns.get(l.campaign) ?? []), l]);
    }
  }
  let named = 0;
  for (const sources of campaigns.values()) {
    if (
      sources.some(
        (s) => (s.kind === 'trunk' || s.kind === 'carrier') && reachedMedium(byKey.get(`${s.kind}:${s.id}`)),
      )
    )
      named++;
  }
  const robocallers = harassers.filter((l) => l.category === 'robocall');
  return {
    harasserNumbers: harassers.length,
    flaggedNumbers: flagged.length,
    truePositives: tp,
    precision: flagged.length === 0 ? 1 : tp / flagged.length,
    recall: harassers.length === 0 ? 1 : tp / harassers.length,
    legitNumbers: legit.length,
    legitAtMediumOrAbove: legit
      .filter((l) => reachedMedium(byKey.get(`number:${l.id}`)))
      .map((l) => `${l.category}:${l.id}`),
    campaigns: campaigns.size,
    campaignsWithSourceNamed: named,
    robocallers: robocallers.length,
    robocallHighWithin: robocallers.map((l) => byKey.get(`number:${l.id}`)?.first.HIGH?.calls ?? Infinity),
    missedByCategory,
    transientFalsePositives: verdicts.filter(
      (v) => v.kind === 'number' && everMedium(v) && !reachedMedium(v) && !harasserIds.has(v.id),
    ).length,
    falsePositives: flagged
      .filter((v) => !harasserIds.has(v.id))
      .map((v) => `${v.id}:${v.category}:${v.score}:${v.reasons.map((r) => r.code).join(',')}`),
  };
}
