import { en } from './en.js';
import type { ReportMessages } from './messages.js';
import { zhCN } from './zh-CN.js';

export type { ReportMessages } from './messages.js';

/** Languages report.html is written in; the first is the default. */
export const REPORT_LANGUAGES = ['zh-CN', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];
export const DEFAULT_REPORT_LANGUAGE: ReportLanguage = 'zh-CN';

const CATALOGUES: Record<ReportLanguage, ReportMessages> = { 'zh-CN': zhCN, en };

export function reportMessages(language: ReportLanguage): ReportMessages {
  return CATALOGUES[language];
}

export function isReportLanguage(value: unknown): value is ReportLanguage {
  return typeof value === 'string' && (REPORT_LANGUAGES as readonly string[]).includes(value);
}
