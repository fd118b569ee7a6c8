import type { CampaignReport } from '../campaign-report.js';
import { html, type SafeHtml } from '../html.js';
import { fmtTime, subjectHref, tracebackHref } from './format.js';
import { layout, type PageContext } from './layout.js';

/** A tiny per-day bar chart of a source's flagged calls (inline SVG, no script). */
function sparkline(
  days: readonly { dayMs: number; calls: number }[],
  window: { fromMs: number; toMs: number },
): SafeHtml {
  const n = Math.max(1, Math.ceil((window.toMs - window.fromMs) / 86_400_000));
  const max = Math.max(1, ...days.map((d) => d.calls));
  const w = 6;
  return html`<svg
    class="spark"
    xmlns="http://www.w3.org/2000/svg"
    width="${n * w}"
    height="20"
    viewBox="0 0 ${n * w} 20"
  >
    ${days.map((d) => {
      const i = Math.floor((d.dayMs - window.fromMs) / 86_400_000);
      const h = Math.max(1, (d.calls / max) * 20);
      return html`<rect
        class="bar"
        x="${Math.max(0, i) * w}"
        y="${(20 - h).toFixed(1)}"
        width="${w - 1}"
        height="${h.toFixed(1)}"
        ><title>${fmtTime(d.dayMs)}: ${d.calls}</title></rect
      >`;
    })}
  </svg>`;
}

export function campaignsPage(ctx: PageContext, r: CampaignReport): string {
  return layout(
    ctx,
    'Campaigns',
    html`<h1>Campaigns and sources</h1>
      <p class="muted">
        ${r.flaggedNumbers} flagged numbers · window ${fmtTime(r.window.fromMs)} → ${fmtTime(r.window.toMs)}
      </p>
      <section id="campaigns">
        <h2>Campaigns (most harmful first)</h2>
        ${
          r.campaigns.length === 0
            ? html`<p class="muted">No flagged numbers share a source, device, callees or timing.</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th>Campaign</th>
                    <th>Numbers</th>
                    <th>Calls</th>
                    <th>Complaints</th>
                    <th>Harm</th>
                    <th>Categories</th>
                    <th>Linked by</th>
                    <th>Sources</th>
                  </tr>
                </thead>
                <tbody>
                  ${r.campaigns.map(
                    (c) =>
                      html`<tr>
                        <td>${c.id}</td>
                        <td>
                          ${c.numbers.slice(0, 12).map((n) => html`<a href="${subjectHref('number', n.number)}">${n.number}</a> (${n.level} ${n.score})<br />`)}${c.numbers.length > 12 ? `… ${c.numbers.length - 12} more` : ''}
                        </td>
                        <td>${c.calls}</td>
                        <td>${c.complaints}</td>
                        <td>${c.harm}</td>
                        <td>${c.categories.join(', ')}</td>
                        <td>${c.links.join('; ')}</td>
                        <td>
                          ${c.trunks.map((t) => html`<a href="${tracebackHref('trunk', t)}">${t}</a> `)}${c.carriers.map((t) => html`<a href="${tracebackHref('carrier', t)}">${t}</a> `)}
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
        }
      </section>
      <section id="leaderboard">
        <h2>Trunks and carriers by flagged traffic</h2>
        <table>
          <thead>
            <tr>
              <th>Kind</th>
              <th>Source</th>
              <th>Flagged calls</th>
              <th>Per day</th>
              <th>Trend</th>
              <th>Own verdict</th>
            </tr>
          </thead>
          <tbody>
            ${r.leaderboard.map(
              (s) =>
                html`<tr>
                  <td>${s.kind}</td>
                  <td><a href="${tracebackHref(s.kind, s.id)}">${s.id}</a></td>
                  <td>${s.flaggedCalls}</td>
                  <td>${sparkline(s.days, r.window)}</td>
                  <td>
                    ${s.trendPct === null ? '-' : `${s.trendPct > 0 ? '▲' : s.trendPct < 0 ? '▼' : '='} ${s.trendPct}%`}
                  </td>
                  <td>${s.level === 'NONE' ? '-' : `${s.level} (${s.score})`}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>`,
  );
}
