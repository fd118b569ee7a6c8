import { RingfenceError } from '@ringfence/common';
import { readReportData, type LevelName, type StoreDb } from '@ringfence/store';
import type { DeliveryTarget } from './delivery.js';
import { DirectoryTarget } from './directory-target.js';
import { DATA_FILES, MANIFEST_FILE, PUBLIC_KEY_FILE, SIGNATURE_FILE } from './format.js';
import { DEFAULT_REPORT_LANGUAGE, type ReportLanguage } from './i18n/index.js';
import {
  fileEntries,
  parseManifest,
  renderManifest,
  sameFiles,
  sha256Hex,
  type Supersedes,
} from './manifest.js';
import { isoUtc, periodFor, type Period, type PeriodType } from './period.js';
import {
  renderFlaggedCsv,
  renderFlaggedJson,
  renderSourcesCsv,
  renderSourcesJson,
  renderSummaryJson,
  periodJson,
} from './render-data.js';
import { renderHtml } from './render-html.js';
import { buildReport, type Report } from './report.js';
import type { Signer } from './signing.js';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface ExportOptions {
  db: StoreDb;
  period: PeriodType;
  /** Any local calendar day (`YYYY-MM-DD`) inside the period. */
  date: string;
  /** Output directory (a DirectoryTarget); or give `target`. */
  outDir?: string;
  target?: DeliveryTarget;
  signer: Signer;
  /** HMAC-SHA256 key for callee numbers. */
  calleeHashKey: string;
  timeZone?: string;
  /** Language of report.html (default zh-CN); the data files are the same in every language. */
  language?: ReportLanguage;
  /** Lowest verdict level that counts as flagged; default LOW. */
  minLevel?: LevelName;
  /** Reason codes listed per flagged number; default 3. */
  topReasons?: number;
  /** Sample call ids per source for traceback; default 5. */
  samplesPerSource?: number;
}

export interface ExportResult {
  period: Period;
  /** The revision that now stands for the period. */
  revision: number;
  /** `new`: a revision was written; `unchanged`: the data matched the latest revision, nothing written. */
  status: 'new' | 'unchanged';
  supersedes: number | null;
  location: string;
  watermark: string | null;
  report: Report;
}

/** Renders every file of a report; the bytes depend on the report and, for report.html, the language. */
export function renderFiles(
  report: Report,
  language: ReportLanguage = DEFAULT_REPORT_LANGUAGE,
): Map<string, Uint8Array> {
  const text: [string, string][] = [
    [DATA_FILES.summaryJson, renderSummaryJson(report)],
    [DATA_FILES.flaggedJson, renderFlaggedJson(report)],
    [DATA_FILES.flaggedCsv, renderFlaggedCsv(report)],
    [DATA_FILES.sourcesJson, renderSourcesJson(report)],
    [DATA_FILES.sourcesCsv, renderSourcesCsv(report)],
    [DATA_FILES.html, renderHtml(report, language)],
  ];
  return new Map(text.map(([name, t]) => [name, Buffer.from(t, 'utf8')]));
}

/** Path of a period's revisions under the target: `daily/2026-11-02`. */
export function periodPath(p: Period): string {
  return `${p.type}/${p.label}`;
}

/**
 * Exports one period: reads its figures from ClickHouse, renders the files, and delivers them as a
 * signed revision. When the latest revision already holds exactly these files the export is
 * `unchanged` and nothing is written; otherwise a new revision is delivered whose manifest names the
 * one it supersedes, so late data never silently overwrites what a regulator already received.
 */
export async function exportPeriod(o: ExportOptions): Promise<ExportResult> {
  const target = o.target ?? (o.outDir === undefined ? undefined : new DirectoryTarget(o.outDir));
  if (target === undefined) throw new RingfenceError('INVALID_ARGUMENT', 'export: give outDir or target');
  const period = periodFor(o.period, o.date, o.timeZone ?? DEFAULT_TIME_ZONE);
  const raw = await readReportData(o.db, {
    fromMs: period.fromMs,
    toMs: period.toMs,
    minLevel: o.minLevel ?? 'LOW',
    samplesPerSource: o.samplesPerSource ?? 5,
  });
  const report = buildReport(period, raw, { calleeHashKey: o.calleeHashKey, topReasons: o.topReasons ?? 3 });
  return deliverReport(report, target, o.signer, o.language);
}

/**
 * Delivers a report as a signed revision of its period: `unchanged` (nothing written) when the latest
 * revision holds exactly the same files, else revision latest+1 naming the one it supersedes. The
 * manifest records `language`, so the revision can be reproduced byte for byte.
 */
export async function deliverReport(
  report: Report,
  target: DeliveryTarget,
  signer: Signer,
  language: ReportLanguage = DEFAULT_REPORT_LANGUAGE,
): Promise<ExportResult> {
  const period = report.period;
  const files = renderFiles(report, language);
  const path = periodPath(period);
  const watermark = report.watermarkMs === null ? null : isoUtc(report.watermarkMs);

  const revisions = await target.revisions(path);
  const latest = revisions[revisions.length - 1];
  let supersedes: Supersedes | null = null;
  if (latest !== undefined) {
    const bytes = await target.read(path, latest, MANIFEST_FILE);
    if (bytes !== undefined) {
      let previous;
      try {
        previous = parseManifest(bytes);
      } catch {
        previous = undefined; // an unreadable manifest is superseded like changed data
      }
      if (previous !== undefined && sameFiles(previous.files, fileEntries(files))) {
        return {
          period,
          revision: latest,
          status: 'unchanged',
          supersedes: previous.supersedes?.revision ?? null,
          location: target.locate(path, latest),
          watermark,
          report,
        };
      }
      supersedes = { revision: latest, manifest_sha256: sha256Hex(bytes) };
    } else {
      supersedes = { revision: latest, manifest_sha256: '' };
    }
  }
  const revision = (latest ?? 0) + 1;
  const manifest = Buffer.from(
    renderManifest({
      period: periodJson(period),
      revision,
      supersedes,
      watermark,
      reportLanguage: language,
      files,
      publicKeySha256: signer.fingerprint,
    }),
    'utf8',
  );
  const delivery = await target.open(path, revision);
  try {
    for (const [name, bytes] of files) await delivery.put(name, bytes);
    await delivery.put(PUBLIC_KEY_FILE, Buffer.from(signer.publicKeyPem, 'utf8'));
    await delivery.put(MANIFEST_FILE, manifest);
    await delivery.put(SIGNATURE_FILE, Buffer.from(`${signer.sign(manifest).toString('base64')}\n`, 'utf8'));
    const location = await delivery.finalize();
    return {
      period,
      revision,
      status: 'new',
      supersedes: supersedes?.revision ?? null,
      location,
      watermark,
      report,
    };
  } catch (err) {
    await delivery.abort();
    throw err;
  }
}
