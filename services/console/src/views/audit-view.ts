import type { AuditRecord } from '@ringfence/store';
import { html } from '../html.js';
import { fmtTime } from './format.js';
import { layout, type PageContext } from './layout.js';

export function auditPage(ctx: PageContext, records: readonly AuditRecord[]): string {
  return layout(
    ctx,
    'Audit log',
    html`<h1>Audit log</h1>
      <form method="get" action="/audit">
        <input name="actor" placeholder="actor" /><button type="submit">Filter</button>
      </form>
      <table id="audit">
        <thead>
          <tr>
            <th>When</th>
            <th>Actor</th>
            <th>Action</th>
            <th>Subject</th>
            <th>Outcome</th>
            <th>From</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          ${records.map(
            (r) =>
              html`<tr>
                <td>${fmtTime(r.timeMs)}</td>
                <td>${r.actor}</td>
                <td>${r.action}</td>
                <td>${r.subjectKind} ${r.subjectId}</td>
                <td>${r.outcome}</td>
                <td>${r.sourceIp}</td>
                <td><code>${JSON.stringify(r.detail)}</code></td>
              </tr>`,
          )}
        </tbody>
      </table>`,
  );
}
