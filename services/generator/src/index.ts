export { generate, type CampaignSummary, type GenerateSummary, type GeneratorSinks } from './generate.js';
export { generateToFiles, outputPaths, type OutputPaths } from './output-files.js';
export {
  DEFAULT_MIX,
  DEFAULT_START,
  resolveOptions,
  OPTIONAL_FIELDS,
  type GenerateOptions,
  type OptionalField,
  type PopulationMix,
  type ResolvedOptions,
} from './options.js';
export {
  HARASSER_CATEGORIES,
  LEGIT_CATEGORIES,
  LABEL_CLASSES,
  type ComplaintCategory,
  type HarasserCategory,
  type Label,
  type LabelCategory,
  type LabelClass,
  type LabelKind,
  type LegitCategory,
} from './labels.js';
export { BAD_KINDS } from './record-format.js';
