export { FEATURES, FEATURE_NAMES, type FeatureName } from './features.js';
export {
  DEFAULT_RULES_PATH,
  loadRules,
  parseRules,
  rulesSchema,
  type Rule,
  type Rules,
  type SubjectKindName,
} from './rules.js';
export {
  KIND_TO_PROTO,
  LEVEL_TO_PROTO,
  LEVELS,
  riskVerdictMessage,
  subjectKey,
  type AlertEvent,
  type EngineSink,
  type LevelFirst,
  type LevelName,
  type Reason,
  type Verdict,
} from './verdict.js';
export { FEEDBACK_ACTIONS, type FeedbackActionName, type FeedbackInput } from './feedback.js';
export { blankObservation, type SourceObservation } from './observation.js';
export { NumberStage, type NumberStageOptions } from './number-stage.js';
export { SourceStage, type SourceStageOptions } from './source-stage.js';
export { Engine, type EngineOptions } from './engine.js';
export { TaintTable, taintsCallers } from './taint-table.js';
export { CampaignTable } from './campaign-table.js';
export { numberPartition, sourcePartition } from './partitioning.js';
export { CollectingSink } from './collecting-sink.js';
export { scoreFile, verdictLine, type ScoreFileOptions, type ScoreFileResult } from './score-file.js';
