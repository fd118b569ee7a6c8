import type { ActionView } from '../decisions.js';
import { html, type SafeHtml } from '../html.js';
import { can } from '../roles.js';
import { csrfField, type PageContext } from './layout.js';
import { fmtTime } from './format.js';

/** The decision in force, the action buttons the role allows, and the history with undo buttons. */
export function actionsPanel(
  ctx: PageContext,
  kind: string,
  id: string,
  back: string,
  actions: readonly ActionView[],
  decision: ActionView | null,
): SafeHtml {
  const role = ctx.principal?.role;
  const mayAct = role !== undefined && can(role, 'act');
  const mayList = role !== undefined && can(role, 'list');
  const hidden = html`${csrfField(ctx)}<input type="hidden" name="kind" value="${kind}" /><input
      type="hidden"
      name="id"
      value="${id}"
    /><input type="hidden" name="back" value="${back}" />`;
  const button = (action: string, label: string): SafeHtml =>
    html`<button type="submit" name="action" value="${action}" id="action-${action}">${label}</button>`;
  const form = mayAct
    ? html`<form method="post" action="/actions" class="actions">
        ${hidden}
        <input name="note" placeholder="note (optional)" aria-label="note" maxlength="2000" />
        ${button('confirm', 'Confirm harassing')} ${button('false_positive', 'False positive')}
        ${button('note', 'Add note')}
        ${mayList ? html`${button('blocklist', 'Blocklist')} ${button('allowlist', 'Allowlist')}` : html``}
      </form>`
    : html`<p class="muted">Your role cannot take actions.</p>`;
  const rows = actions.map(
    (a) =>
      html`<tr class="${a.undone ? 'undone' : ''}">
        <td>${fmtTime(a.timeMs)}</td>
        <td class="act">${a.action}</td>
        <td>${a.operator}</td>
        <td>${a.note}</td>
        <td>
          ${a.undoes === '' ? '' : `undoes ${a.undoes.slice(0, 8)}`}${a.caseId === '' ? '' : ` case ${a.caseId}`}
        </td>
        <td>
          ${a.undone ? 'undone' : a.action !== 'undo' && mayAct ? html`<form method="post" action="/actions/undo" class="inline">${hidden}<input type="hidden" name="feedbackId" value="${a.feedbackId}" /><button type="submit" class="undo">Undo</button></form>` : ''}
        </td>
      </tr>`,
  );
  return html`<section id="actions">
    <h2>Operator decisions</h2>
    <p id="decision">
      ${
        decision === null
          ? html`No operator decision in force.`
          : html`<strong class="override">Operator override: ${decision.action.toUpperCase()}</strong> by
              ${decision.operator} at ${fmtTime(decision.timeMs)}`
      }
    </p>
    ${form}
    ${
      actions.length === 0
        ? html`<p class="muted">No actions yet.</p>`
        : html`<table>
            <thead>
              <tr>
                <th>When</th>
                <th>Action</th>
                <th>Operator</th>
                <th>Note</th>
                <th>Ref</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>`
    }
  </section>`;
}
