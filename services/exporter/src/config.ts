import { z } from 'zod';
import { baseConfigShape, cfg, loadConfig, type LoadConfigOptions } from '@ringfence/common';
import { REPORT_LANGUAGES } from './i18n/index.js';
import { PERIOD_TYPES } from './period.js';

/** Cron expression, or empty to switch that period's schedule off. */
const cron = () => z.string();

export const exporterConfigShape = {
  ...baseConfigShape,
  /** Root of the exports: `<outDir>/<period>/<label>/r<N>/`. */
  outDir: cfg.string().default('./exports'),
  /** Time zone whose calendar days, weeks and months the periods follow. */
  timeZone: cfg.string().default('Asia/Shanghai'),
  /** Language of report.html (the data files have none); recorded in each revision's manifest. */
  reportLanguage: z.enum(REPORT_LANGUAGES).default('zh-CN'),
  /** HMAC-SHA256 key callee numbers are hashed with; keep it secret and stable (hashes link across reports). */
  calleeHashKey: z.string().min(16, 'at least 16 characters'),
  /** Ed25519 private key: PEM text, or the path of a PEM file. */
  signingKey: cfg.string(),
  /** Periods the service exports on schedule. */
  periods: cfg.enumList(PERIOD_TYPES).default(['daily', 'weekly', 'monthly']),
  /** When each period type is exported (croner syntax, in `timeZone`); the period that just ended is exported. */
  dailyCron: cron().default('30 0 * * *'),
  weeklyCron: cron().default('0 1 * * 1'),
  monthlyCron: cron().default('0 2 1 * *'),
  /** How many missed periods (per type) a restarted service fills in, newest first. */
  catchUpPeriods: cfg.int(1, 1000).default(14),
  /** First local day (`YYYY-MM-DD`) exporting covers: the catch-up never goes before it. Empty = no limit. */
  exportSince: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'expected YYYY-MM-DD or empty')
    .default(''),
  /** How many of the latest complete periods are re-exported on each run, so late data gets a new revision. */
  recheckPeriods: cfg.int(0, 100).default(2),
  /** Lowest verdict level reported as flagged. */
  minLevel: z.enum(['LOW', 'MEDIUM', 'HIGH']).default('LOW'),
  topReasons: cfg.int(1, 20).default(3),
  samplesPerSource: cfg.int(0, 100).default(5),
};

export const exporterConfigSchema = z.object(exporterConfigShape);
export type ExporterConfig = Readonly<z.infer<typeof exporterConfigSchema>>;

export function loadExporterConfig(options?: LoadConfigOptions): ExporterConfig {
  return loadConfig(exporterConfigSchema, options);
}
