import { html, type SafeHtml } from './html.js';
import type { I18n } from './i18n/index.js';

const W = 820;
const H = 220;
const PAD = { left: 44, right: 44, top: 14, bottom: 28 };

/**
 * Calls per hour (bars, left axis) and risk score (step line, right axis) over a window, drawn
 * server-side as inline SVG: no script, no external assets, safe under the page's CSP.
 */
export function timelineSvg(
  i18n: I18n,
  window: { fromMs: number; toMs: number },
  hourly: readonly { hourMs: number; calls: number }[],
  scores: readonly { timeMs: number; score: number }[],
): SafeHtml {
  const span = Math.max(1, window.toMs - window.fromMs);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (t: number): number => PAD.left + ((t - window.fromMs) / span) * plotW;
  const maxCalls = Math.max(1, ...hourly.map((h) => h.calls));
  const maxScore = Math.max(100, ...scores.map((s) => s.score));
  const barW = Math.max(1, (3_600_000 / span) * plotW - 0.5);
  const bars = hourly
    .filter((h) => h.hourMs >= window.fromMs && h.hourMs < window.toMs)
    .map((h) => {
      const bh = (h.calls / maxCalls) * plotH;
      return html`<rect
        class="bar"
        x="${x(h.hourMs).toFixed(1)}"
        y="${(PAD.top + plotH - bh).toFixed(1)}"
        width="${barW.toFixed(1)}"
        height="${bh.toFixed(1)}"
        ><title>${i18n.minute(h.hourMs)}: ${i18n.t.chart.barTitle(h.calls)}</title></rect
      >`;
    });
  let line = html``;
  if (scores.length > 0) {
    const y = (s: number): number => PAD.top + plotH - (s / maxScore) * plotH;
    const pts: string[] = [];
    let prev = y(0);
    pts.push(`${PAD.left},${prev.toFixed(1)}`);
    for (const s of scores) {
      const px = x(s.timeMs).toFixed(1);
      pts.push(`${px},${prev.toFixed(1)}`);
      prev = y(s.score);
      pts.push(`${px},${prev.toFixed(1)}`);
    }
    pts.push(`${W - PAD.right},${prev.toFixed(1)}`);
    line = html`<polyline class="score" fill="none" points="${pts.join(' ')}" />${scores.map(
        (s) =>
          html`<circle class="score-pt" cx="${x(s.timeMs).toFixed(1)}" cy="${y(s.score).toFixed(1)}" r="2.5"
            ><title>${i18n.minute(s.timeMs)}: ${i18n.t.chart.pointTitle(s.score)}</title></circle
          >`,
      )}`;
  }
  return html`<svg
    class="timeline"
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 ${W} ${H}"
    width="${W}"
    height="${H}"
    role="img"
    aria-label="${i18n.t.chart.label}"
  >
    <line
      class="axis"
      x1="${PAD.left}"
      y1="${PAD.top + plotH}"
      x2="${W - PAD.right}"
      y2="${PAD.top + plotH}"
    />
    <line class="axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${PAD.top + plotH}" />
    <line class="axis" x1="${W - PAD.right}" y1="${PAD.top}" x2="${W - PAD.right}" y2="${PAD.top + plotH}" />
    ${bars}${line}
    <text class="lbl" x="${PAD.left - 4}" y="${PAD.top + 8}" text-anchor="end">${maxCalls}</text>
    <text class="lbl" x="${PAD.left - 4}" y="${PAD.top + plotH}" text-anchor="end">0</text>
    <text class="lbl score-lbl" x="${W - PAD.right + 4}" y="${PAD.top + 8}">${maxScore}</text>
    <text class="lbl" x="${PAD.left}" y="${H - 8}">
      ${i18n.minute(window.fromMs)} ${i18n.offset(window.fromMs)}
    </text>
    <text class="lbl" x="${W - PAD.right}" y="${H - 8}" text-anchor="end">
      ${i18n.minute(window.toMs)} ${i18n.offset(window.toMs)}
    </text>
    <text class="lbl" x="${PAD.left + 4}" y="${PAD.top + 10}">${i18n.t.chart.callsPerHour}</text>
    <text class="lbl score-lbl" x="${W - PAD.right - 4}" y="${PAD.top + 10}" text-anchor="end">
      ${i18n.t.chart.scoreLine}
    </text>
  </svg>`;
}
