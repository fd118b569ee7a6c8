import { FEATURE_INDEX, FEATURE_WINDOW } from './features.js';
import type { Rules, SubjectKindName } from './rules.js';
import type { LevelName, Reason } from './verdict.js';

export interface Scored {
  score: number;
  level: LevelName;
  category: string;
  reasons: Reason[];
}

const KIND_BIT: Readonly<Record<SubjectKindName, number>> = { number: 1, trunk: 2, carrier: 4, device: 8 };

/** Rules flattened into parallel arrays once per rules object, so scoring reads numbers only. */
interface CompiledRules {
  readonly n: number;
  readonly kinds: Uint8Array;
  readonly minAttempts: Float64Array;
  readonly feature: Int32Array;
  readonly ge: Uint8Array;
  readonly threshold: Float64Array;
  readonly points: Float64Array;
  /** Category index per rule, -1 when none. */
  readonly category: Int32Array;
  readonly categories: readonly string[];
  /** Category indexes of the tie-break order (unknown names map to -1). */
  readonly priority: Int32Array;
  readonly inPriority: Uint8Array;
  /** Conditions: rule i owns [whenStart[i], whenStart[i + 1]). */
  readonly whenStart: Int32Array;
  readonly whenFeature: Int32Array;
  readonly whenGe: Uint8Array;
  readonly whenValue: Float64Array;
}

const compiled = new WeakMap<Rules, CompiledRules>();

function compile(rules: Rules): CompiledRules {
  const n = rules.rules.length;
  const categories: string[] = [];
  const catIndex = (c: string): number => {
    let i = categories.indexOf(c);
    if (i < 0) i = categories.push(c) - 1;
    return i;
  };
  let conds = 0;
  for (const r of rules.rules) conds += r.when.length;
  const c: CompiledRules = {
    n,
    kinds: new Uint8Array(n),
    minAttempts: new Float64Array(n),
    feature: new Int32Array(n),
    ge: new Uint8Array(n),
    threshold: new Float64Array(n),
    points: new Float64Array(n),
    category: new Int32Array(n),
    categories,
    priority: new Int32Array(rules.categoryPriority.length),
    inPriority: new Uint8Array(0),
    whenStart: new Int32Array(n + 1),
    whenFeature: new Int32Array(conds),
    whenGe: new Uint8Array(conds),
    whenValue: new Float64Array(conds),
  };
  let w = 0;
  rules.rules.forEach((r, i) => {
    let k = 0;
    for (const a of r.appliesTo) k |= KIND_BIT[a];
    c.kinds[i] = k;
    c.minAttempts[i] = r.minAttempts;
    c.feature[i] = FEATURE_INDEX[r.feature];
    c.ge[i] = r.op === '>=' ? 1 : 0;
    c.threshold[i] = r.threshold;
    c.points[i] = r.points;
    c.category[i] = r.category === undefined ? -1 : catIndex(r.category);
    c.whenStart[i] = w;
    for (const cond of r.when) {
      c.whenFeature[w] = FEATURE_INDEX[cond.feature];
      c.whenGe[w] = cond.op === '>=' ? 1 : 0;
      c.whenValue[w] = cond.value;
      w++;
    }
  });
  c.whenStart[n] = w;
  rules.categoryPriority.forEach((p, i) => (c.priority[i] = categories.indexOf(p)));
  const inPriority = new Uint8Array(categories.length);
  for (const p of c.priority) if (p >= 0) inPriority[p] = 1;
  return { ...c, inPriority };
}

function compiledOf(rules: Rules): CompiledRules {
  let c = compiled.get(rules);
  if (c === undefined) {
    c = compile(rules);
    compiled.set(rules, c);
  }
  return c;
}

/**
 * Reusable result of scoring: the score, level and category, plus which rules fired and with what
 * value, so reasons (objects) are only built when a verdict is actually published.
 */
export class ScoreScratch {
  score = 0;
  level: LevelName = 'NONE';
  category = '';
  nFired = 0;
  fired: Int32Array;
  values: Float64Array;
  private readonly catPoints: Float64Array;
  private readonly catSeen: Uint8Array;
  private readonly rules: CompiledRules;

  constructor(rules: Rules) {
    this.rules = compiledOf(rules);
    this.fired = new Int32Array(this.rules.n);
    this.values = new Float64Array(this.rules.n);
    this.catPoints = new Float64Array(this.rules.categories.length);
    this.catSeen = new Uint8Array(this.rules.categories.length);
  }

  /** The empty result (no state to score). */
  clear(): void {
    this.score = 0;
    this.level = 'NONE';
    this.category = '';
    this.nFired = 0;
  }

  /**
   * Applies the rules to a feature vector: the score is the clamped sum of the points of the rules
   * that fire; the category is the one the most points speak for.
   */
  run(rules: Rules, kind: SubjectKindName, f: Float64Array): void {
    const c = this.rules;
    const bit = KIND_BIT[kind];
    const catPoints = this.catPoints;
    catPoints.fill(0);
    let total = 0;
    let nFired = 0;
    const attempts = f[FEATURE_INDEX.attempts_24h] ?? 0;
    for (let i = 0; i < c.n; i++) {
      if ((c.kinds[i]! & bit) === 0 || attempts < c.minAttempts[i]!) continue;
      const value = f[c.feature[i]!] ?? 0;
      const t = c.threshold[i]!;
      if (c.ge[i] === 1 ? !(value >= t) : !(value <= t)) continue;
      let ok = true;
      for (let w = c.whenStart[i]!, end = c.whenStart[i + 1]!; w < end; w++) {
        const v = f[c.whenFeature[w]!] ?? 0;
        const cv = c.whenValue[w]!;
        if (c.whenGe[w] === 1 ? !(v >= cv) : !(v <= cv)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const points = c.points[i]!;
      total += points;
      this.fired[nFired] = i;
      this.values[nFired] = value;
      nFired++;
      const cat = c.category[i]!;
      if (cat >= 0 && points > 0) catPoints[cat] = catPoints[cat]! + points;
    }
    this.nFired = nFired;
    const score = Math.max(0, Math.min(100, Math.round(total)));
    let category = -1;
    let best = 0;
    for (let p = 0; p < c.priority.length; p++) {
      const cat = c.priority[p]!;
      const pts = cat >= 0 ? catPoints[cat]! : 0;
      if (pts > best) {
        best = pts;
        category = cat;
      }
    }
    // Other categories in the order they first gained points, as the original map iteration did.
    const seen = this.catSeen;
    seen.fill(0);
    for (let k = 0; k < nFired; k++) {
      const i = this.fired[k]!;
      const cat = c.category[i]!;
      if (cat < 0 || c.points[i]! <= 0 || seen[cat] === 1) continue;
      seen[cat] = 1;
      if (c.inPriority[cat] === 1) continue;
      const pts = catPoints[cat]!;
      if (pts > best) {
        best = pts;
        category = cat;
      }
    }
    this.score = score;
    this.level = levelFor(rules, score);
    this.category = score > 0 && category >= 0 ? c.categories[category]! : '';
  }

  /** The strongest reasons of the last scoring. */
  reasons(rules: Rules): Reason[] {
    const c = this.rules;
    const fired: Reason[] = [];
    for (let k = 0; k < this.nFired; k++) {
      const i = this.fired[k]!;
      const r = rules.rules[i]!;
      fired.push({
        code: r.code,
        value: Math.round(this.values[k]! * 1000) / 1000,
        threshold: r.threshold,
        window: FEATURE_WINDOW[c.feature[i]!] ?? '',
        points: r.points,
      });
    }
    fired.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || (a.code < b.code ? -1 : 1));
    return fired.slice(0, rules.maxReasons);
  }
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
  const s = new ScoreScratch(rules);
  s.run(rules, kind, f);
  return { score: s.score, level: s.level, category: s.category, reasons: s.reasons(rules) };
}
