import { createHash } from 'node:crypto';
import type { LevelName, RawFeedback, RawReportData } from '@ringfence/store';
import { calleeHash } from './callee-hash.js';
import { cmp, round } from './canonical.js';
import { localParts, type Period } from './period.js';

/** A number flagged in the period, with what the regulator needs to act on it. */
export interface FlaggedNumber {
  number: string;
  level: LevelName;
  category: string;
  maxScore: number;
  /** First and last call set up in the period (epoch ms), null when its calls fell outside. */
  firstSeenMs: number | null;
  lastSeenMs: number | null;
  firstFlaggedMs: number;
  calls: number;
  distinctCallees: number;
  /** HMAC of the callee it called most, and how often (targeted harassment shows here). */
  topCalleeHash: string | null;
  topCalleeCalls: number;
  topReasons: string[];
  sourceCarrier: string;
  sourceTrunk: string;
  /** The operator decision standing at the period's end, or `none`. */
  action: string;
  /** When that decision lapses (epoch ms); null when it stands until undone, or there is none. */
  actionExpiresMs: number | null;
  complaints: number;
  /** First flagged minus first seen by the engine, ms; null when unknown. */
  detectionDelayMs: number | null;
}

export interface SourceEntry {
  kind: 'carrier' | 'trunk';
  id: string;
  /** 1 = most flagged traffic, per kind. */
  rank: number;
  calls: number;
  flaggedCalls: number;
  flaggedShare: number;
  flaggedNumbers: number;
  riskLevel: LevelName;
  riskCategory: string;
  firstMs: number;
  lastMs: number;
  switches: string[];
  tracebackRef: string;
  sampleCallIds: string[];
}

export interface ReportSummary {
  callsAnalysed: number;
  flaggedNumbers: number;
  flaggedByCategory: Record<string, number>;
  flaggedByLevel: Record<string, number>;
  flaggedByCategoryAndLevel: Record<string, Record<string, number>>;
  flaggedCalls: number;
  alerts: number;
  alertsByKindAndLevel: Record<string, Record<string, number>>;
  operatorActions: number;
  operatorActionsByAction: Record<string, number>;
  complaintsReceived: number;
  complaintsAboutFlagged: number;
  complaintsReportedNumbers: number;
  medianDetectionDelayMs: number | null;
  detectionDelaySamples: number;
  flaggedSources: Record<string, number>;
  /** Calls per local hour (daily) or local day (weekly, monthly): label → calls. */
  callsByBucket: { bucket: string; calls: number }[];
}

export interface Report {
  period: Period;
  watermarkMs: number | null;
  summary: ReportSummary;
  flagged: FlaggedNumber[];
  sources: SourceEntry[];
}

const LEVEL_RANK: Record<LevelName, number> = { NONE: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

interface ReasonLike {
  code?: unknown;
  points?: unknown;
}

/** Reason codes by points, highest first (code order breaks ties), at most `n`. */
export function topReasonCodes(reasonsJson: string, n: number): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(reasonsJson);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const best = new Map<string, number>();
  for (const r of parsed as ReasonLike[]) {
    if (typeof r?.code !== 'string' || r.code === '') continue;
    const p = typeof r.points === 'number' && Number.isFinite(r.points) ? r.points : 0;
    best.set(r.code, Math.max(best.get(r.code) ?? -Infinity, p));
  }
  return [...best.entries()]
    .sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))
    .slice(0, n)
    .map(([c]) => c);
}

/**
 * The decision standing at `atMs` after a subject's feedback, oldest first: an `undo` cancels the
 * decision it names, notes decide nothing, and a decision whose expiry is at or before `atMs` has
 * lapsed (the one before it stands again). `expiresMs` is 0 when the standing one has no expiry.
 */
export function standingDecision(
  feedback: readonly RawFeedback[],
  atMs = Number.POSITIVE_INFINITY,
): { action: string; expiresMs: number } {
  const undone = new Set(feedback.filter((f) => f.action === 'undo').map((f) => f.undoes));
  let standing = { action: 'none', expiresMs: 0 };
  for (const f of feedback) {
    if (f.action === 'undo' || f.action === 'note' || f.action === 'unspecified') continue;
    if (undone.has(f.feedbackId)) continue;
    const expiresMs = f.expiresMs ?? 0;
    if (expiresMs > 0 && expiresMs <= atMs) continue;
    standing = { action: f.action, expiresMs };
  }
  return standing;
}

/** The action of standingDecision(). */
export function standingAction(feedback: readonly RawFeedback[], atMs?: number): string {
  return standingDecision(feedback, atMs).action;
}

/** Lower median of integers (deterministic and always one of the samples), or null. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? null;
}

function inc(map: Record<string, number>, key: string, n = 1): void {
  map[key] = (map[key] ?? 0) + n;
}

function sortedRecord<T>(map: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(map).sort((a, b) => cmp(a[0], b[0])));
}

function busiest(counts: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [k, v] of [...counts.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    if (v > n) {
      best = k;
      n = v;
    }
  }
  return best;
}

/** A stable reference a downstream carrier can quote when tracing this source's flagged traffic. */
export function tracebackRef(period: Period, kind: string, id: string): string {
  const h = createHash('sha256').update(`${kind}:${id}`, 'utf8').digest('hex').slice(0, 12);
  return `TB-${period.label}-${kind.toUpperCase()}-${h}`;
}

function bucketLabel(period: Period, hourMs: number): string {
  const p = localParts(period.timeZone, hourMs);
  const day = `${String(p.y).padStart(4, '0')}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
  return period.type === 'daily' ? `${day}T${String(p.h).padStart(2, '0')}` : day;
}

export interface BuildOptions {
  calleeHashKey: string;
  topReasons: number;
}

/** Turns a period's raw data into the report every output file is rendered from. Pure. */
export function buildReport(period: Period, raw: RawReportData, o: BuildOptions): Report {
  const stats = new Map(raw.callerStats.map((s) => [s.calling, s]));
  const callees = new Map(raw.topCallees.map((c) => [c.calling, c]));
  const complaints = new Map(raw.complaintsPerNumber.map((c) => [c.reported, c.n]));
  const carriers = new Map<string, Map<string, number>>();
  const trunks = new Map<string, Map<string, number>>();
  for (const p of raw.callerPaths) {
    for (const [m, key] of [
      [carriers, p.carrier],
      [trunks, p.trunk],
    ] as const) {
      if (key === '') continue;
      let c = m.get(p.calling);
      if (c === undefined) m.set(p.calling, (c = new Map<string, number>()));
      c.set(key, (c.get(key) ?? 0) + p.calls);
    }
  }
  const feedback = new Map<string, RawFeedback[]>();
  for (const f of raw.feedbackForFlagged) {
    const list = feedback.get(f.id) ?? [];
    list.push(f);
    feedback.set(f.id, list);
  }

  const flagged: FlaggedNumber[] = raw.flagged.map((f) => {
    const s = stats.get(f.id);
    const callee = callees.get(f.id);
    const fb = (feedback.get(f.id) ?? []).sort(
      (a, b) => a.timeMs - b.timeMs || cmp(a.feedbackId, b.feedbackId),
    );
    const decision = standingDecision(fb, period.toMs);
    const delay = f.firstSeenMs > 0 && f.firstFlagMs >= f.firstSeenMs ? f.firstFlagMs - f.firstSeenMs : null;
    return {
      number: f.id,
      level: f.level,
      category: f.category,
      maxScore: f.maxScore,
      firstSeenMs: s?.firstMs ?? null,
      lastSeenMs: s?.lastMs ?? null,
      firstFlaggedMs: f.firstFlagMs,
      calls: s?.calls ?? 0,
      distinctCallees: s?.callees ?? 0,
      topCalleeHash: callee === undefined ? null : calleeHash(o.calleeHashKey, callee.called),
      topCalleeCalls: callee?.calls ?? 0,
      topReasons: topReasonCodes(f.reasonsJson, o.topReasons),
      sourceCarrier: busiest(carriers.get(f.id) ?? new Map<string, number>()),
      sourceTrunk: busiest(trunks.get(f.id) ?? new Map<string, number>()),
      action: decision.action,
      actionExpiresMs: decision.expiresMs > 0 ? decision.expiresMs : null,
      complaints: complaints.get(f.id) ?? 0,
      detectionDelayMs: delay,
    };
  });
  // Most severe first, then most calls, then the number itself: one order only.
  flagged.sort(
    (a, b) =>
      LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
      b.calls - a.calls ||
      b.maxScore - a.maxScore ||
      cmp(a.number, b.number),
  );

  const risk = new Map(raw.sourceRisk.map((r) => [`${r.kind}:${r.id}`, r]));
  const samples = new Map<string, string[]>();
  for (const s of raw.samples) {
    const k = `${s.kind}:${s.id}`;
    samples.set(k, [...(samples.get(k) ?? []), s.callId]);
  }
  const sources: SourceEntry[] = [];
  for (const kind of ['carrier', 'trunk'] as const) {
    const list = raw.sources
      .filter((s) => s.kind === kind && (s.flaggedCalls > 0 || risk.has(`${kind}:${s.id}`)))
      .map((s) => {
        const r = risk.get(`${kind}:${s.id}`);
        return {
          kind,
          id: s.id,
          rank: 0,
          calls: s.calls,
          flaggedCalls: s.flaggedCalls,
          flaggedShare: s.calls > 0 ? round(s.flaggedCalls / s.calls) : 0,
          flaggedNumbers: s.flaggedNumbers,
          riskLevel: r?.level ?? 'NONE',
          riskCategory: r?.category ?? '',
          firstMs: s.firstMs,
          lastMs: s.lastMs,
          switches: [...s.switches].sort(cmp),
          tracebackRef: tracebackRef(period, kind, s.id),
          sampleCallIds: samples.get(`${kind}:${s.id}`) ?? [],
        };
      })
      .sort(
        (a, b) =>
          b.flaggedCalls - a.flaggedCalls ||
          LEVEL_RANK[b.riskLevel] - LEVEL_RANK[a.riskLevel] ||
          b.calls - a.calls ||
          cmp(a.id, b.id),
      );
    list.forEach((s, i) => (s.rank = i + 1));
    sources.push(...list);
  }

  const byCategory: Record<string, number> = {};
  const byLevel: Record<string, number> = {};
  const byBoth: Record<string, Record<string, number>> = {};
  for (const f of flagged) {
    const cat = f.category === '' ? 'unknown' : f.category;
    inc(byCategory, cat);
    inc(byLevel, f.level);
    inc((byBoth[cat] ??= {}), f.level);
  }
  const alertsBy: Record<string, Record<string, number>> = {};
  let alerts = 0;
  for (const a of raw.alerts) {
    inc((alertsBy[a.key] ??= {}), a.sub, a.n);
    alerts += a.n;
  }
  const actionsBy: Record<string, number> = {};
  let actions = 0;
  for (const a of raw.actionsInPeriod) {
    inc(actionsBy, a.key, a.n);
    actions += a.n;
  }
  const flaggedSources: Record<string, number> = {};
  for (const s of sources) if (s.flaggedCalls > 0) inc(flaggedSources, s.kind);
  // Every hour (or day) of the period gets a bucket, so quiet ones show as zero, not as a gap.
  const buckets = new Map<string, number>();
  for (let h = period.fromMs; h < period.toMs; h += 3_600_000) buckets.set(bucketLabel(period, h), 0);
  for (const b of raw.bucketCalls) {
    const label = bucketLabel(period, b.hourMs);
    buckets.set(label, (buckets.get(label) ?? 0) + b.calls);
  }
  const delays = flagged.map((f) => f.detectionDelayMs).filter((d): d is number => d !== null);

  return {
    period,
    watermarkMs: raw.watermarkMs,
    summary: {
      callsAnalysed: raw.calls,
      flaggedNumbers: flagged.length,
      flaggedByCategory: sortedRecord(byCategory),
      flaggedByLevel: sortedRecord(byLevel),
      flaggedByCategoryAndLevel: sortedRecord(
        Object.fromEntries(Object.entries(byBoth).map(([k, v]) => [k, sortedRecord(v)])),
      ),
      flaggedCalls: flagged.reduce((n, f) => n + f.calls, 0),
      alerts,
      alertsByKindAndLevel: sortedRecord(
        Object.fromEntries(Object.entries(alertsBy).map(([k, v]) => [k, sortedRecord(v)])),
      ),
      operatorActions: actions,
      operatorActionsByAction: sortedRecord(actionsBy),
      complaintsReceived: raw.complaints.total,
      complaintsAboutFlagged: raw.complaints.aboutFlagged,
      complaintsReportedNumbers: raw.complaints.reportedNumbers,
      medianDetectionDelayMs: median(delays),
      detectionDelaySamples: delays.length,
      flaggedSources: sortedRecord(flaggedSources),
      callsByBucket: [...buckets.entries()]
        .sort((a, b) => cmp(a[0], b[0]))
        .map(([bucket, calls]) => ({ bucket, calls })),
    },
    flagged,
    sources,
  };
}
