import { Action, Level, type IRiskVerdict } from '@ringfence/proto';
import { NO_RISK, type Answer, type Block } from './answer.js';
import { createAnswerInterner, DEFAULT_INTERN_CAP } from './answer-interner.js';
import { evidencePatterns, numberPatterns } from './call-evidence.js';
import type { RiskApiConfig } from './config.js';
import { displayLabel } from './labels.js';

const LEVEL_BY_NAME = { LOW: Level.LEVEL_LOW, MEDIUM: Level.LEVEL_MEDIUM, HIGH: Level.LEVEL_HIGH } as const;

/** Subject kinds a verdict can be about, as they appear in `decided_by`. */
export type VerdictKind = 'number' | 'trunk' | 'carrier' | 'device';

/**
 * The operator decisions a verdict's `override` can carry (set by the scorer from feedback.v1),
 * by the `decided_by` they answer with. `false_positive` and `confirm` are not here: they only
 * correct the computed score, which the scorer has already applied to the verdict.
 */
const OPERATOR_OVERRIDES = ['allowlist', 'redress', 'blocklist'] as const;
type OperatorOverride = (typeof OPERATOR_OVERRIDES)[number];

function operatorOverride(override: string): OperatorOverride | undefined {
  return (OPERATOR_OVERRIDES as readonly string[]).includes(override)
    ? (override as OperatorOverride)
    : undefined;
}

/** Turns verdicts into answers: which level/score labels, which blocks, what a block says. */
export interface Policy {
  actionFor(level: Level, score: number): Action;
  /** A frozen answer for computed risk (the verdict's score and level), decided by `decidedBy`. */
  answerFor(verdict: IRiskVerdict, decidedBy: string): Answer;
  /**
   * The frozen answer for a published verdict of the given kind: an operator decision when its
   * `override` carries one that applies to the kind, else the computed answer.
   */
  verdictAnswer(verdict: IRiskVerdict, kind: VerdictKind): Answer;
  /** The frozen answer for allowlisted numbers. */
  readonly allowlisted: Answer;
  /** Equal for equal answers of this policy, different otherwise (see `NumberTable`). */
  readonly answerKey: (a: Answer) => string;
  /** The tables answers share: entries held, and how many times they started afresh at their cap. */
  readonly interned: { size(): number; generations(): number };
  readonly allowlist: readonly string[];
  isAllowlisted(e164: string): boolean;
}

export type PolicyConfig = Pick<
  RiskApiConfig,
  | 'labelLevel'
  | 'blockLevel'
  | 'blockMinScore'
  | 'blocklistAction'
  | 'allowlist'
  | 'redressContact'
  | 'blockReasonCode'
>;

/**
 * Builds the policy from configuration; the default labels from MEDIUM and never blocks. Answers
 * share equal reason lists, reasons and categories, in tables of at most `internCap` entries that
 * start afresh when full: a view of millions of numbers holds each combination in use about once.
 */
export function createPolicy(config: PolicyConfig, internCap = DEFAULT_INTERN_CAP): Policy {
  const intern = createAnswerInterner(internCap);
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
  const blocklistAction = config.blocklistAction === 'BLOCK' ? Action.ACTION_BLOCK : Action.ACTION_LABEL;
  const actionFor = (level: Level, score: number): Action => {
    if (blockLevel !== undefined && level >= blockLevel && score >= config.blockMinScore) {
      return Action.ACTION_BLOCK;
    }
    return level >= labelLevel && level > Level.LEVEL_NONE ? Action.ACTION_LABEL : Action.ACTION_ALLOW;
  };
  const answer = (
    verdict: IRiskVerdict,
    decidedBy: string,
    action: Action,
    operator: boolean,
    callEvidence: number,
    expiresMs = 0,
  ): Answer => {
    const category = intern.string(verdict.category ?? '');
    return Object.freeze({
      action,
      score: verdict.score ?? 0,
      level: verdict.level ?? Level.LEVEL_NONE,
      category,
      label: action === Action.ACTION_ALLOW ? null : displayLabel(category),
      reasons: intern.reasons(verdict.reasons),
      block: action === Action.ACTION_BLOCK ? block : null,
      decidedBy,
      operator,
      expiresMs,
      callEvidence,
    });
  };
  const allowAnswer = (decidedBy: 'allowlist' | 'redress', expiresMs = 0): Answer =>
    Object.freeze({ ...NO_RISK, decidedBy, operator: true, expiresMs });
  const answerFor = (verdict: IRiskVerdict, decidedBy: string): Answer =>
    answer(verdict, decidedBy, actionFor(verdict.level ?? Level.LEVEL_NONE, verdict.score ?? 0), false, 0);
  const allowlisted = allowAnswer('allowlist');
  return {
    actionFor,
    answerFor,
    verdictAnswer(verdict, kind) {
      const decision = operatorOverride(verdict.override ?? '');
      const expiresMs = Number(verdict.overrideExpiresMs ?? 0);
      // A device is one handset: blocking it is as exact as blocking a number. Decisions on a trunk
      // or carrier are already in its score (the scorer applies them), and still need call evidence.
      if (decision === 'blocklist' && (kind === 'number' || kind === 'device')) {
        return answer(verdict, 'blocklist', blocklistAction, true, 0, expiresMs);
      }
      if (kind === 'number' && decision !== undefined && decision !== 'blocklist') {
        return decision === 'allowlist' && expiresMs === 0 ? allowlisted : allowAnswer(decision, expiresMs);
      }
      if (kind === 'trunk' || kind === 'carrier') {
        return answer(
          verdict,
          kind,
          actionFor(verdict.level ?? Level.LEVEL_NONE, verdict.score ?? 0),
          false,
          evidencePatterns(verdict.reasons ?? []),
        );
      }
      if (kind === 'number') {
        return answer(
          verdict,
          kind,
          actionFor(verdict.level ?? Level.LEVEL_NONE, verdict.score ?? 0),
          false,
          numberPatterns(verdict.reasons ?? []),
        );
      }
      return answerFor(verdict, kind);
    },
    allowlisted,
    answerKey: intern.answerKey,
    interned: { size: () => intern.size(), generations: () => intern.generations() },
    allowlist: Object.freeze([...allowlist]),
    isAllowlisted: (e164) => allowlist.has(e164),
  };
}
