import type { AuditRecord } from '@ringfence/store';
import { html } from '../html.js';
import { kindText, word } from './format.js';
import { layout, type PageContext } from './layout.js';

export function auditPage(ctx: PageContext, records: readonly AuditRecord[]): string {
  const { t, time } = ctx.i18n;
  const au = t.audit;
  return layout(
    ctx,
    au.title,
    html`<h1>${au.title}</h1>
      <form method="get" action="/audit">
        <input name="actor" placeholder="${au.actorPlaceholder}" aria-label="${au.actor}" /><button
          type="submit"
        >
          ${au.filter}
        </button>
      </form>
      <table id="audit">
        <thead>
          <tr>
            <th>${au.when}</th>
            <th>${au.actor}</th>
            <th>${au.action}</th>
            <th>${au.subject}</th>
            <th>${au.outcome}</th>
            <th>${au.from}</th>
            <th>${au.detail}</th>
          </tr>
        </thead>
        <tbody>
          ${records.map(
            (r) =>
              html`<tr>
                <td>${time(r.timeMs)}</td>
                <td>${r.actor}</td>
                <td><code>${r.action}</code></td>
                <td>${r.subjectKind === '' ? '' : kindText(ctx.i18n, r.subjectKind)} ${r.subjectId}</td>
                <td>${word(t.auditOutcome, r.outcome)}</td>
                <td>${r.sourceIp}</td>
                <td><code>${JSON.stringify(r.detail)}</code></td>
              </tr>`,
          )}
        </tbody>
      </table>`,
  );
}
