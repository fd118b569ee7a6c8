import { Action, Level, type IReason, type IRiskVerdict } from '@ringfence/proto';
import type { Answer, Block } from './answer.js';
import type { RiskApiConfig } from './config.js';
import { displayLabel } from './labels.js';

const LEVEL_BY_NAME = { LOW: Level.LEVEL_LOW, MEDIUM: Level.LEVEL_MEDIUM, HIGH: Level.LEVEL_HIGH } as const;

/** Turns verdicts into answers: which level/score labels, which blocks, what a block says. */
export interface Policy {
  actionFor(level: Level, score: number): Action;
  /** A frozen answer for a verdict, decided by the given subject kind. */
  answerFor(verdict: IRiskVerdict, decidedBy: string): Answer;
  /** The frozen answer for allowlisted numbers. */
  readonly allowlisted: Answer;
  readonly allowlist: readonly string[];
  isAllowlisted(e164: string): boolean;
}

export type PolicyConfig = Pick<
  RiskApiConfig,
  'labelLevel' | 'blockLevel' | 'blockMinScore' | 'allowlist' | 'redressContact' | 'blockReasonCode'
>;

/** Builds the policy from configuration; the default labels from MEDIUM and never blocks. */
export function createPolicy(config: PolicyConfig): Policy {
  const labelLevel = LEVEL_BY_NAME[config.labelLevel];
  const blockLevel = config.blockLevel === 'NEVER' ? undefined : LEVEL_BY_NAME[config.blockLevel];
  const allowlist = new Set(config.allowlist);
  const block: Block = Object.freeze({
    // ATIS-1000099: 603 "Network Blocked" for calls the network refuses on analytics.
    sipCode: 603,
    sipReason: 'Network Blocked',
    // Q.850 cause 21: call rejected.
    isupCause: 21,
    reasonCode: config.blockReasonCode,
    redressContact: config.redressContact,
  });
  const actionFor = (level: Level, score: number): Action => {
    if (blockLevel !== undefined && level >= blockLevel && score >= config.blockMinScore) {
      return Action.ACTION_BLOCK;
    }
    return level >= labelLevel && level > Level.LEVEL_NONE ? Action.ACTION_LABEL : Action.ACTION_ALLOW;
  };
  return {
    actionFor,
    answerFor(verdict, decidedBy) {
      const level = verdict.level ?? Level.LEVEL_NONE;
      const score = verdict.score ?? 0;
      const category = verdict.category ?? '';
      const action = actionFor(level, score);
      const reasons = (verdict.reasons ?? []).map((r): IReason =>
        Object.freeze({
          code: r.code ?? '',
          value: r.value ?? 0,
          threshold: r.threshold ?? 0,
          window: r.window ?? '',
          points: r.points ?? 0,
        }),
      );
      return Object.freeze({
        action,
        score,
        level,
        category,
        label: action === Action.ACTION_ALLOW ? null : displayLabel(category),
        reasons: Object.freeze(reasons),
        updatedMs: Number(verdict.updatedMs ?? 0),
        block: action === Action.ACTION_BLOCK ? block : null,
        decidedBy,
      });
    },
    allowlisted: Object.freeze({
      action: Action.ACTION_ALLOW,
      score: 0,
      level: Level.LEVEL_NONE,
      category: '',
      label: null,
      reasons: Object.freeze([]),
      updatedMs: 0,
      block: null,
      decidedBy: 'allowlist',
    }),
    allowlist: Object.freeze([...allowlist]),
    isAllowlisted: (e164) => allowlist.has(e164),
  };
}
