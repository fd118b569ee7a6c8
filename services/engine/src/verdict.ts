import type { SubjectKindName } from './rules.js';

export const LEVELS = ['NONE', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type LevelName = (typeof LEVELS)[number];

/** One explainable reason: rule code, measured value, threshold, window and points added. */
export interface Reason {
  code: string;
  value: number;
  threshold: number;
  window: string;
  points: number;
}

export interface LevelFirst {
  timeMs: number;
  calls: number;
}

/** A subject's verdict as published (mirrors ringfence.risk.v1.RiskVerdict). */
export interface Verdict {
  kind: SubjectKindName;
  id: string;
  score: number;
  level: LevelName;
  category: string;
  reasons: Reason[];
  updatedMs: number;
  firstSeenMs: number;
  calls: number;
  first: Partial<Record<LevelName, LevelFirst>>;
  override: string;
}

export interface AlertEvent {
  /** Deterministic, so a replay after a crash produces the same id. */
  alertId: string;
  timeMs: number;
  kind: SubjectKindName;
  id: string;
  fromLevel: LevelName;
  toLevel: LevelName;
  verdict: Verdict;
  evidence: Record<string, number>;
}

/** Where the engine's outputs go: verdict changes, expiries and alerts. */
export interface EngineSink {
  verdict(v: Verdict): void;
  tombstone(kind: SubjectKindName, id: string, timeMs: number): void;
  alert(a: AlertEvent): void;
}

/** Subject key used on source-risk.v1 and in the engine: the number itself, or `<kind>:<id>`. */
export function subjectKey(kind: SubjectKindName, id: string): string {
  return kind === 'number' ? id : `${kind}:${id}`;
}
