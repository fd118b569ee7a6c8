import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { RingfenceError } from '@ringfence/common';
import { FEATURE_NAMES, type FeatureName } from './features.js';

const featureName = z.enum(FEATURE_NAMES as [FeatureName, ...FeatureName[]]);
const subjectKind = z.enum(['number', 'trunk', 'carrier', 'device']);

const condition = z.strictObject({
  feature: featureName,
  op: z.enum(['>=', '<=']),
  value: z.number(),
});

const rule = z.strictObject({
  /** Reason code reported when the rule fires, e.g. HIGH_ATTEMPTS_10M. */
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  feature: featureName,
  op: z.enum(['>=', '<=']),
  threshold: z.number(),
  /** Points added to the score; negative points mitigate (legitimate-caller evidence). */
  points: z.number().min(-100).max(100),
  /** The rule is only evaluated once the subject has at least this many attempts in 24h. */
  minAttempts: z.number().int().min(0).default(1),
  /** Further conditions that must all hold for the rule to fire. */
  when: z.array(condition).default([]),
  /** Category this rule is evidence for; the category with most points names the verdict. */
  category: z.string().min(1).optional(),
  appliesTo: z.array(subjectKind).min(1).default(['number']),
});

export const rulesSchema = z.strictObject({
  version: z.literal(1),
  levels: z
    .strictObject({ low: z.number(), medium: z.number(), high: z.number() })
    .refine((l) => l.low > 0 && l.low < l.medium && l.medium < l.high && l.high <= 100, {
      message: 'expected 0 < low < medium < high <= 100',
    }),
  timeZone: z.string().min(1),
  /** Local hours [from, to) counted as night; wraps over midnight when from > to. */
  nightHours: z.tuple([z.number().int().min(0).max(23), z.number().int().min(0).max(24)]),
  shortCallSeconds: z.number().positive(),
  oneRingSeconds: z.number().positive(),
  /** Callee within this numeric distance of the previous callee counts as sequential dialing. */
  sequentialDistance: z.number().int().min(1),
  /** E.164 digits (after '+') calling and called must share to count as neighbour spoofing. */
  neighbourDigits: z.number().int().min(4).max(15),
  onNetPrefixes: z.array(z.string().regex(/^\+\d+$/)),
  onNetCarrier: z.string().min(1),
  /**
   * The home country's calling code. With `internationalTrunkPrefixes`, a home-format number arriving
   * on an international trunk is the spoofing pattern there; foreign numbers on it are ordinary.
   */
  homeCountryCode: z
    .string()
    .regex(/^\+\d{1,3}$/)
    .optional(),
  /** Trunk ids (by prefix) of international gateways. */
  internationalTrunkPrefixes: z.array(z.string().min(1)).default([]),
  allowedLatenessMs: z.number().int().min(0),
  /**
   * Thin campaigns: numbers that entered through one trunk, nobody called lately, made at least
   * `minCalls` calls, at most `maxAnswerRatio` of them answered, those answered lasting
   * `maxMeanTalkSeconds` on average at most, and at least `minUnverifiedShare` unattested or
   * attested C. `minMembers` such numbers on a trunk are a campaign. A number is one of its members
   * only when every number block it dialled is dialled by at least `minBlockShare` of them (the
   * campaign's list), so a subscriber calling their own contacts through that trunk is not drafted.
   * Once a trunk carries a campaign, a number with the same calls but fewer unverified ones joins it
   * after `joinMinCalls` calls if none of them was attested A, or after `joinMinCallsUnanswered` if
   * every one was unverified and unanswered (where calls are attested at all).
   */
  campaign: z
    .strictObject({
      minMembers: z.number().int().min(2),
      minCalls: z.number().int().min(1),
      maxAnswerRatio: z.number().min(0).max(1),
      maxMeanTalkSeconds: z.number().min(0).default(30),
      minUnverifiedShare: z.number().min(0).max(1),
      minBlockShare: z.number().min(0).max(1).default(0.2),
      joinMinCalls: z.number().int().min(1).default(4),
      joinMinCallsUnanswered: z.number().int().min(1).default(2),
    })
    .default({
      minMembers: 25,
      minCalls: 3,
      maxAnswerRatio: 0.5,
      maxMeanTalkSeconds: 30,
      minUnverifiedShare: 0.34,
      minBlockShare: 0.2,
      joinMinCalls: 4,
      joinMinCallsUnanswered: 2,
    }),
  /** Calls within one clock hour that promote a number from the tiny state to the full one. */
  promoteCallsPerHour: z.number().int().min(1),
  /** Evaluate busy subjects every N calls (always on bucket change) to keep the hot path cheap. */
  evaluateEvery: z.number().int().min(1),
  /** Publish a verdict when the level changes or the score moves at least this much. */
  publishScoreDelta: z.number().min(0),
  /** Only the strongest reasons are reported. */
  maxReasons: z.number().int().min(1).max(32),
  /** Category tie-break order; the first is the most specific. */
  categoryPriority: z.array(z.string().min(1)),
  allowlist: z.strictObject({
    numbers: z.array(z.string()).default([]),
    prefixes: z.array(z.string()).default([]),
  }),
  rules: z.array(rule).min(1),
});

export type Rules = z.infer<typeof rulesSchema>;
export type Rule = Rules['rules'][number];
export type SubjectKindName = z.infer<typeof subjectKind>;

/** Path of the rules file shipped with the engine. */
export const DEFAULT_RULES_PATH: string = fileURLToPath(
  new URL('../config/default-rules.json', import.meta.url),
);

/** Validates a rules object; unknown keys and bad values throw CONFIG_INVALID naming the path. */
export function parseRules(input: unknown, source = 'rules'): Rules {
  const result = rulesSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new RingfenceError('CONFIG_INVALID', `${source}: invalid rules:\n  ${lines.join('\n  ')}`);
  }
  const codes = new Set<string>();
  for (const r of result.data.rules) {
    if (codes.has(r.code))
      throw new RingfenceError('CONFIG_INVALID', `${source}: duplicate rule code ${r.code}`);
    codes.add(r.code);
  }
  return result.data;
}

/** Loads and validates a rules JSON file (the shipped default when no path is given). */
export function loadRules(path: string = DEFAULT_RULES_PATH): Rules {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new RingfenceError('CONFIG_INVALID', `rules file ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return parseRules(parsed, path);
}
