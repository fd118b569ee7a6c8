import { canonicalJson, toCsv, type CsvCell, type Json } from './canonical.js';
import { FORMAT_VERSION } from './format.js';
import { isoLocal, isoUtc, type Period } from './period.js';
import type { FlaggedNumber, Report, SourceEntry } from './report.js';

/** The period as every file describes it. */
export function periodJson(p: Period): Json {
  return {
    type: p.type,
    label: p.label,
    time_zone: p.timeZone,
    first_day: p.firstDay,
    from: isoUtc(p.fromMs),
    to: isoUtc(p.toMs),
    from_local: isoLocal(p.timeZone, p.fromMs),
    to_local: isoLocal(p.timeZone, p.toMs),
  };
}

const time = (ms: number | null): string | null => (ms === null ? null : isoUtc(ms));

function flaggedRow(f: FlaggedNumber): Record<string, Json> {
  return {
    number: f.number,
    level: f.level,
    category: f.category,
    max_score: f.maxScore,
    first_seen: time(f.firstSeenMs),
    last_seen: time(f.lastSeenMs),
    first_flagged: isoUtc(f.firstFlaggedMs),
    detection_delay_ms: f.detectionDelayMs,
    calls: f.calls,
    distinct_callees: f.distinctCallees,
    top_callee_hmac: f.topCalleeHash,
    top_callee_calls: f.topCalleeCalls,
    top_reasons: f.topReasons,
    source_carrier: f.sourceCarrier,
    source_trunk: f.sourceTrunk,
    action: f.action,
    action_expires: time(f.actionExpiresMs),
    complaints: f.complaints,
  };
}

function sourceRow(s: SourceEntry): Record<string, Json> {
  return {
    kind: s.kind,
    id: s.id,
    rank: s.rank,
    calls: s.calls,
    flagged_calls: s.flaggedCalls,
    flagged_share: s.flaggedShare,
    flagged_numbers: s.flaggedNumbers,
    risk_level: s.riskLevel,
    risk_category: s.riskCategory,
    first_call: isoUtc(s.firstMs),
    last_call: isoUtc(s.lastMs),
    switches: s.switches,
    traceback_ref: s.tracebackRef,
    sample_call_ids: s.sampleCallIds,
  };
}

/** Column order of flagged-numbers.csv (after format_version); list values joined with `|`. */
export const FLAGGED_COLUMNS = [
  'number',
  'level',
  'category',
  'max_score',
  'first_seen',
  'last_seen',
  'first_flagged',
  'detection_delay_ms',
  'calls',
  'distinct_callees',
  'top_callee_hmac',
  'top_callee_calls',
  'top_reasons',
  'source_carrier',
  'source_trunk',
  'action',
  'complaints',
  // Added after the first columns shipped: appended, so positional readers keep working.
  'action_expires',
] as const;

export const SOURCE_COLUMNS = [
  'kind',
  'id',
  'rank',
  'calls',
  'flagged_calls',
  'flagged_share',
  'flagged_numbers',
  'risk_level',
  'risk_category',
  'first_call',
  'last_call',
  'switches',
  'traceback_ref',
  'sample_call_ids',
] as const;

function csvCell(v: Json | undefined): CsvCell {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return (v as Json[]).map(String).join('|');
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'object') return JSON.stringify(v);
  return v;
}

function csv(columns: readonly string[], rows: readonly Record<string, Json>[]): string {
  return toCsv(
    ['format_version', ...columns],
    rows.map((r) => [FORMAT_VERSION, ...columns.map((c) => csvCell(r[c]))]),
  );
}

/** summary.json */
export function renderSummaryJson(r: Report): string {
  const s = r.summary;
  return canonicalJson({
    format_version: FORMAT_VERSION,
    period: periodJson(r.period),
    data_watermark: time(r.watermarkMs),
    summary: {
      calls_analysed: s.callsAnalysed,
      flagged_numbers: s.flaggedNumbers,
      flagged_calls: s.flaggedCalls,
      flagged_by_category: s.flaggedByCategory,
      flagged_by_level: s.flaggedByLevel,
      flagged_by_category_and_level: s.flaggedByCategoryAndLevel,
      flagged_sources: s.flaggedSources,
      alerts: s.alerts,
      alerts_by_kind_and_level: s.alertsByKindAndLevel,
      operator_actions: s.operatorActions,
      operator_actions_by_action: s.operatorActionsByAction,
      complaints_received: s.complaintsReceived,
      complaints_about_flagged_numbers: s.complaintsAboutFlagged,
      complaints_reported_numbers: s.complaintsReportedNumbers,
      median_detection_delay_ms: s.medianDetectionDelayMs,
      detection_delay_samples: s.detectionDelaySamples,
      calls_by_bucket: s.callsByBucket.map((b) => ({ bucket: b.bucket, calls: b.calls })),
    },
  });
}

/** flagged-numbers.json */
export function renderFlaggedJson(r: Report): string {
  return canonicalJson({
    format_version: FORMAT_VERSION,
    period: periodJson(r.period),
    flagged_numbers: r.flagged.map(flaggedRow),
  });
}

/** flagged-numbers.csv */
export function renderFlaggedCsv(r: Report): string {
  return csv(FLAGGED_COLUMNS, r.flagged.map(flaggedRow));
}

/** sources.json */
export function renderSourcesJson(r: Report): string {
  return canonicalJson({
    format_version: FORMAT_VERSION,
    period: periodJson(r.period),
    sources: r.sources.map(sourceRow),
  });
}

/** sources.csv */
export function renderSourcesCsv(r: Report): string {
  return csv(SOURCE_COLUMNS, r.sources.map(sourceRow));
}
