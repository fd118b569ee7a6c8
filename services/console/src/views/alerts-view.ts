import type { AlertRecord } from '@ringfence/store';
import { html, type SafeHtml } from '../html.js';
import { fmtTime, subjectHref } from './format.js';
import { layout, type PageContext } from './layout.js';

export function alertRows(alerts: readonly AlertRecord[]): SafeHtml {
  return html`${alerts.map(
    (a) =>
      html`<tr>
        <td>${fmtTime(a.timeMs)}</td>
        <td>${a.kind}</td>
        <td><a href="${subjectHref(a.kind, a.id)}">${a.id}</a></td>
        <td>${a.fromLevel} → ${a.toLevel}</td>
        <td>${a.score}</td>
        <td>${a.category}</td>
        <td>${a.reasonCodes.join(', ')}</td>
      </tr>`,
  )}`;
}

/** Alerts, newest first; the page's script appends new ones from /alerts/stream as they arrive. */
export function alertsPage(ctx: PageContext, alerts: readonly AlertRecord[], title = 'Alerts'): string {
  return layout(
    ctx,
    title,
    html`<h1>${title}</h1>
      <p class="muted">Live: new alerts appear at the top (<span id="live-status">connecting</span>).</p>
      <table id="alerts" data-stream="/alerts/stream">
        <thead>
          <tr>
            <th>When</th>
            <th>Kind</th>
            <th>Subject</th>
            <th>Level</th>
            <th>Score</th>
            <th>Category</th>
            <th>Reasons</th>
          </tr>
        </thead>
        <tbody>
          ${alertRows(alerts)}
        </tbody>
      </table>`,
  );
}
