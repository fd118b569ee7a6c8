import { FORMAT_VERSION } from './format.js';
import {
  DEFAULT_REPORT_LANGUAGE,
  reportMessages,
  type ReportLanguage,
  type ReportMessages,
} from './i18n/index.js';
import { isoLocal, isoUtc } from './period.js';
import type { Report } from './report.js';

/** Rows of each table shown in the HTML; the CSV and JSON files hold them all. */
const HTML_ROWS = 100;

function esc(s: string | number): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Fixed-precision coordinates so the SVG text never depends on float printing quirks. */
function fx(n: number): string {
  return n.toFixed(1);
}

function duration(t: ReportMessages, ms: number | null): string {
  if (ms === null) return t.notApplicable;
  const s = Math.round(ms / 1000);
  if (s < 120) return t.seconds(s);
  const m = Math.round(s / 60);
  return m < 120 ? t.minutes(m) : t.hours((m / 60).toFixed(1));
}

/** `2026-11-02T07` → `07h`, `2026-11-02` → `11-02`. */
function short(t: ReportMessages, bucket: string): string {
  return bucket.includes('T') ? t.hourTick(bucket.slice(-2)) : bucket.slice(5);
}

/** A code in words when the catalogue knows it, else the code itself (data may hold new ones). */
function word(table: Readonly<Record<string, string>>, code: string): string {
  return table[code] ?? code;
}

/** Vertical bars, one per bucket, labelled every few bars. */
function columnChart(
  t: ReportMessages,
  title: string,
  items: readonly { label: string; value: number }[],
): string {
  const width = 720;
  const height = 220;
  const left = 50;
  const bottom = 40;
  const plotW = width - left - 10;
  const plotH = height - bottom - 20;
  const max = Math.max(1, ...items.map((i) => i.value));
  const bw = items.length > 0 ? plotW / items.length : plotW;
  const every = Math.max(1, Math.ceil(items.length / 12));
  const bars = items
    .map((it, i) => {
      const h = (it.value / max) * plotH;
      const x = left + i * bw;
      const label =
        i % every === 0
          ? `<text x="${fx(x + bw / 2)}" y="${height - bottom + 14}" font-size="9" text-anchor="middle">${esc(short(t, it.label))}</text>`
          : '';
      return `<rect x="${fx(x + 1)}" y="${fx(20 + plotH - h)}" width="${fx(Math.max(1, bw - 2))}" height="${fx(h)}" fill="#3b6ea5"><title>${esc(it.label)}: ${it.value}</title></rect>${label}`;
    })
    .join('');
  return `<figure><figcaption>${esc(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">
<line x1="${left}" y1="${20 + plotH}" x2="${width - 10}" y2="${20 + plotH}" stroke="#888"/>
<text x="${left - 4}" y="24" font-size="10" text-anchor="end">${max}</text><text x="${left - 4}" y="${20 + plotH}" font-size="10" text-anchor="end">0</text>
${bars}</svg></figure>`;
}

/** Horizontal bars with their labels and values. */
function barChart(
  t: ReportMessages,
  title: string,
  items: readonly { label: string; value: number }[],
): string {
  if (items.length === 0)
    return `<figure><figcaption>${esc(title)}</figcaption><p>${esc(t.none)}</p></figure>`;
  const width = 720;
  const row = 22;
  const labelW = 220;
  const height = items.length * row + 10;
  const max = Math.max(1, ...items.map((i) => i.value));
  const bars = items
    .map((it, i) => {
      const y = 5 + i * row;
      const w = (it.value / max) * (width - labelW - 70);
      return `<text x="${labelW - 6}" y="${y + 15}" font-size="11" text-anchor="end">${esc(it.label)}</text><rect x="${labelW}" y="${y + 3}" width="${fx(w)}" height="${row - 6}" fill="#b5443b"/><text x="${fx(labelW + w + 4)}" y="${y + 15}" font-size="11">${it.value}</text>`;
    })
    .join('');
  return `<figure><figcaption>${esc(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">${bars}</svg></figure>`;
}

function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * report.html: the readable report, self-contained (inline CSS and SVG, no scripts, no external links),
 * in `language`; the same report in the same language always gives the same bytes.
 */
export function renderHtml(r: Report, language: ReportLanguage = DEFAULT_REPORT_LANGUAGE): string {
  const t = reportMessages(language);
  const c = t.columns;
  const p = r.period;
  const s = r.summary;
  const tz = p.timeZone;
  const type = word(t.periodTypes, p.type);
  const local = (ms: number | null): string => (ms === null ? '' : isoLocal(tz, ms));
  const summaryRows: [string, string | number][] = [
    [t.callsAnalysed, s.callsAnalysed],
    [t.numbersFlagged, s.flaggedNumbers],
    [t.flaggedCalls, s.flaggedCalls],
    [t.alerts, s.alerts],
    [t.operatorActions, s.operatorActions],
    [t.complaintsReceived, s.complaintsReceived],
    [t.complaintsAboutFlagged, s.complaintsAboutFlagged],
    [t.medianDelay, duration(t, s.medianDetectionDelayMs)],
    [t.dataUpTo, r.watermarkMs === null ? t.noData : `${local(r.watermarkMs)} (${isoUtc(r.watermarkMs)})`],
  ];
  const flagged = r.flagged.slice(0, HTML_ROWS);
  const sources = r.sources.filter((x) => x.flaggedCalls > 0 || x.riskLevel !== 'NONE');
  const topSources = [...sources]
    .sort((a, b) => b.flaggedCalls - a.flaggedCalls || (a.kind + a.id < b.kind + b.id ? -1 : 1))
    .slice(0, 10);
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="format-version" content="${FORMAT_VERSION}">
<meta name="period" content="${esc(p.type)} ${esc(p.label)}">
<meta name="report-language" content="${language}">
<title>${esc(t.title(type, p.label))}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:13px}
th,td{border:1px solid #ccc;padding:3px 6px;text-align:left}
th{background:#eee}
figure{margin:1em 0}
figcaption{font-weight:bold;margin-bottom:.3em}
.note{color:#666;font-size:12px}
</style>
</head>
<body>
<h1>${esc(t.heading(type, p.label))}</h1>
<p>${esc(t.period(local(p.fromMs), local(p.toMs), tz, FORMAT_VERSION))}
${esc(t.privacy)}</p>
<h2>${esc(t.summary)}</h2>
${table(
  [t.figure, t.value],
  summaryRows.map(([k, v]) => [k, v]),
)}
${columnChart(
  t,
  p.type === 'daily' ? t.callsPerHour : t.callsPerDay,
  s.callsByBucket.map((b) => ({ label: b.bucket, value: b.calls })),
)}
${barChart(
  t,
  t.flaggedByCategory,
  Object.entries(s.flaggedByCategory).map(([label, value]) => ({ label: word(t.categories, label), value })),
)}
${table(
  [t.category, word(t.levels, 'LOW'), word(t.levels, 'MEDIUM'), word(t.levels, 'HIGH')],
  Object.entries(s.flaggedByCategoryAndLevel).map(([cat, lv]) => [
    word(t.categories, cat),
    lv['LOW'] ?? 0,
    lv['MEDIUM'] ?? 0,
    lv['HIGH'] ?? 0,
  ]),
)}
${barChart(
  t,
  t.topSources,
  topSources.map((x) => ({ label: `${word(t.kinds, x.kind)} ${x.id}`, value: x.flaggedCalls })),
)}
<h2>${esc(t.flaggedNumbers)}</h2>
<p class="note">${esc(t.shown(flagged.length, r.flagged.length))}</p>
${table(
  [
    c.number,
    c.level,
    c.category,
    c.calls,
    c.callees,
    c.firstSeen,
    c.lastSeen,
    c.topReasons,
    c.carrier,
    c.trunk,
    c.action,
    c.complaints,
  ],
  flagged.map((f) => [
    f.number,
    word(t.levels, f.level),
    f.category === '' ? '' : word(t.categories, f.category),
    f.calls,
    f.distinctCallees,
    local(f.firstSeenMs),
    local(f.lastSeenMs),
    f.topReasons.join(', '),
    f.sourceCarrier,
    f.sourceTrunk,
    f.actionExpiresMs === null
      ? word(t.actions, f.action)
      : t.actionUntil(word(t.actions, f.action), local(f.actionExpiresMs)),
    f.complaints,
  ]),
)}
<h2>${esc(t.sources)}</h2>
<p class="note">${esc(t.sourcesNote)}</p>
${table(
  [
    c.kind,
    c.rank,
    c.source,
    c.flaggedCalls,
    c.allCalls,
    c.share,
    c.flaggedNumbers,
    c.sourceRisk,
    c.tracebackRef,
    c.sampleCallIds,
  ],
  sources
    .slice(0, HTML_ROWS)
    .map((x) => [
      word(t.kinds, x.kind),
      x.rank,
      x.id,
      x.flaggedCalls,
      x.calls,
      `${(x.flaggedShare * 100).toFixed(2)}%`,
      x.flaggedNumbers,
      word(t.levels, x.riskLevel),
      x.tracebackRef,
      x.sampleCallIds.join(' '),
    ]),
)}
</body>
</html>
`;
}
