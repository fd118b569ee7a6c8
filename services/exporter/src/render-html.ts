import { FORMAT_VERSION } from './format.js';
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

function duration(ms: number | null): string {
  if (ms === null) return 'n/a';
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 120 ? `${m} min` : `${(m / 60).toFixed(1)} h`;
}

/** `2026-11-02T07` → `07h`, `2026-11-02` → `11-02`. */
function short(bucket: string): string {
  return bucket.includes('T') ? `${bucket.slice(-2)}h` : bucket.slice(5);
}

/** Vertical bars, one per bucket, labelled every few bars. */
function columnChart(title: string, items: readonly { label: string; value: number }[]): string {
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
          ? `<text x="${fx(x + bw / 2)}" y="${height - bottom + 14}" font-size="9" text-anchor="middle">${esc(short(it.label))}</text>`
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
function barChart(title: string, items: readonly { label: string; value: number }[]): string {
  if (items.length === 0) return `<figure><figcaption>${esc(title)}</figcaption><p>None.</p></figure>`;
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

/** report.html: the readable report, self-contained (inline CSS and SVG, no scripts, no external links). */
export function renderHtml(r: Report): string {
  const p = r.period;
  const s = r.summary;
  const tz = p.timeZone;
  const local = (ms: number | null): string => (ms === null ? '' : isoLocal(tz, ms));
  const summaryRows: [string, string | number][] = [
    ['Calls analysed', s.callsAnalysed],
    ['Numbers flagged', s.flaggedNumbers],
    ['Calls by flagged numbers', s.flaggedCalls],
    ['Alerts raised', s.alerts],
    ['Operator actions', s.operatorActions],
    ['Complaints received', s.complaintsReceived],
    ['Complaints about flagged numbers', s.complaintsAboutFlagged],
    ['Median detection delay', duration(s.medianDetectionDelayMs)],
    ['Data up to', r.watermarkMs === null ? 'no data' : `${local(r.watermarkMs)} (${isoUtc(r.watermarkMs)})`],
  ];
  const flagged = r.flagged.slice(0, HTML_ROWS);
  const sources = r.sources.filter((x) => x.flaggedCalls > 0 || x.riskLevel !== 'NONE');
  const topSources = [...sources]
    .sort((a, b) => b.flaggedCalls - a.flaggedCalls || (a.kind + a.id < b.kind + b.id ? -1 : 1))
    .slice(0, 10);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="format-version" content="${FORMAT_VERSION}">
<meta name="period" content="${esc(p.type)} ${esc(p.label)}">
<title>Ringfence harassing-call report ${esc(p.label)}</title>
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
<h1>Harassing-call report: ${esc(p.type)} ${esc(p.label)}</h1>
<p>Period ${esc(local(p.fromMs))} to ${esc(local(p.toMs))} (${esc(tz)}); format version ${FORMAT_VERSION}.
Callee numbers are replaced by keyed hashes (HMAC-SHA256). The revision and the signature are in manifest.json.</p>
<h2>Summary</h2>
${table(
  ['Figure', 'Value'],
  summaryRows.map(([k, v]) => [k, v]),
)}
${columnChart(
  p.type === 'daily' ? 'Calls analysed per hour' : 'Calls analysed per day',
  s.callsByBucket.map((b) => ({ label: b.bucket, value: b.calls })),
)}
${barChart(
  'Flagged numbers by category',
  Object.entries(s.flaggedByCategory).map(([label, value]) => ({ label, value })),
)}
${table(
  ['Category', 'LOW', 'MEDIUM', 'HIGH'],
  Object.entries(s.flaggedByCategoryAndLevel).map(([cat, lv]) => [
    cat,
    lv['LOW'] ?? 0,
    lv['MEDIUM'] ?? 0,
    lv['HIGH'] ?? 0,
  ]),
)}
${barChart(
  'Sources by calls from flagged numbers (top 10)',
  topSources.map((x) => ({ label: `${x.kind} ${x.id}`, value: x.flaggedCalls })),
)}
<h2>Flagged numbers</h2>
<p class="note">${flagged.length} of ${r.flagged.length} shown, most severe first; all are in flagged-numbers.csv.</p>
${table(
  [
    'Number',
    'Level',
    'Category',
    'Calls',
    'Callees',
    'First seen',
    'Last seen',
    'Top reasons',
    'Carrier',
    'Trunk',
    'Action',
    'Complaints',
  ],
  flagged.map((f) => [
    f.number,
    f.level,
    f.category,
    f.calls,
    f.distinctCallees,
    local(f.firstSeenMs),
    local(f.lastSeenMs),
    f.topReasons.join(', '),
    f.sourceCarrier,
    f.sourceTrunk,
    f.action,
    f.complaints,
  ]),
)}
<h2>Sources</h2>
<p class="note">Carriers and trunks ranked by calls from flagged numbers; quote the traceback reference with the sample call ids when asking the upstream carrier to trace.</p>
${table(
  [
    'Kind',
    'Rank',
    'Source',
    'Flagged calls',
    'All calls',
    'Share',
    'Flagged numbers',
    'Source risk',
    'Traceback ref',
    'Sample call ids',
  ],
  sources
    .slice(0, HTML_ROWS)
    .map((x) => [
      x.kind,
      x.rank,
      x.id,
      x.flaggedCalls,
      x.calls,
      `${(x.flaggedShare * 100).toFixed(2)}%`,
      x.flaggedNumbers,
      x.riskLevel,
      x.tracebackRef,
      x.sampleCallIds.join(' '),
    ]),
)}
</body>
</html>
`;
}
