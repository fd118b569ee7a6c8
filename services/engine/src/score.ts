import { FEATURE_INDEX, FEATURE_WINDOW } from './features.js';
import type { Rules, SubjectKindName } from './rules.js';
import type { LevelName, Reason } from './verdict.js';

export interface Scored {
  score: number;
  level: LevelName;
  category: string;
  reasons: Reason[];
}

function holds(value: number, op: '>=' | '<=', threshold: number): boolean {
  return op === '>=' ? value >= threshold : value <= threshold;
}

/** Level for a score under the configured thresholds. */
export function levelFor(rules: Rules, score: number): LevelName {
  if (score >= rules.levels.high) return 'HIGH';
  if (score >= rules.levels.medium) return 'MEDIUM';
  if (score >= rules.levels.low) return 'LOW';
  return 'NONE';
}

/**
 * Applies the rules to a feature vector: the score is the clamped sum of the points of the rules
 * that fire; the category is the one the most points speak for; reasons are the strongest rules.
 */
export function scoreFeatures(rules: Rules, kind: SubjectKindName, f: Float64Array): Scored {
  let total = 0;
  const fired: Reason[] = [];
  const byCategory = new Map<string, number>();
  const attempts = f[FEATURE_INDEX.attempts_24h] ?? 0;
  for (const r of rules.rules) {
    if (!r.appliesTo.includes(kind) || attempts < r.minAttempts) continue;
    const idx = FEATURE_INDEX[r.feature];
    const value = f[idx] ?? 0;
    if (!holds(value, r.op, r.threshold)) continue;
    if (!r.when.every((c) => holds(f[FEATURE_INDEX[c.feature]] ?? 0, c.op, c.value))) continue;
    total += r.points;
    fired.push({
      code: r.code,
      value: Math.round(value * 1000) / 1000,
      threshold: r.threshold,
      window: FEATURE_WINDOW[idx] ?? '',
      points: r.points,
    });
    if (r.category !== undefined && r.points > 0) {
      byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + r.points);
    }
  }
  const score = Math.max(0, Math.min(100, Math.round(total)));
  let category = '';
  let best = 0;
  for (const c of rules.categoryPriority) {
    const p = byCategory.get(c) ?? 0;
    if (p > best) {
      best = p;
      category = c;
    }
  }
  for (const [c, p] of byCategory) {
    if (p > best) {
      best = p;
      category = c;
    }
  }
  fired.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || (a.code < b.code ? -1 : 1));
  return {
    score,
    level: levelFor(rules, score),
    category: score > 0 ? category : '',
    reasons: fired.slice(0, rules.maxReasons),
  };
}
