import { Level, SubjectKind, type IRiskVerdict } from '@ringfence/proto';
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
  /** When the overriding decision lapses (Unix ms); unset when it stands until undone. */
  overrideExpiresMs?: number;
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

/** Subject kinds as the proto enum. */
export const KIND_TO_PROTO: Readonly<Record<SubjectKindName, SubjectKind>> = {
  number: SubjectKind.SUBJECT_KIND_NUMBER,
  trunk: SubjectKind.SUBJECT_KIND_TRUNK,
  carrier: SubjectKind.SUBJECT_KIND_CARRIER,
  device: SubjectKind.SUBJECT_KIND_DEVICE,
};
/** Levels as the proto enum. */
export const LEVEL_TO_PROTO: Readonly<Record<LevelName, Level>> = {
  NONE: Level.LEVEL_NONE,
  LOW: Level.LEVEL_LOW,
  MEDIUM: Level.LEVEL_MEDIUM,
  HIGH: Level.LEVEL_HIGH,
};

/** A verdict as the ringfence.risk.v1.RiskVerdict message published on the risk topics. */
export function riskVerdictMessage(v: Verdict): IRiskVerdict {
  return {
    kind: KIND_TO_PROTO[v.kind],
    id: v.id,
    score: v.score,
    level: LEVEL_TO_PROTO[v.level],
    category: v.category,
    reasons: v.reasons,
    updatedMs: v.updatedMs,
    firstSeenMs: v.firstSeenMs,
    calls: v.calls,
    first: Object.entries(v.first).map(([l, f]) => ({
      level: LEVEL_TO_PROTO[l as LevelName],
      timeMs: f.timeMs,
      calls: f.calls,
    })),
    override: v.override,
    overrideExpiresMs: v.overrideExpiresMs ?? 0,
  };
}
