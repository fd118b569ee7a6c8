import { hasLapsed, type ActionView } from '../decisions.js';
import { html, type SafeHtml } from '../html.js';
import { can } from '../roles.js';
import { csrfField, type PageContext } from './layout.js';
import { word } from './format.js';

/** The decision in force, the action buttons the role allows, and the history with undo buttons. */
export function actionsPanel(
  ctx: PageContext,
  kind: string,
  id: string,
  back: string,
  actions: readonly ActionView[],
  decision: ActionView | null,
): SafeHtml {
  const { t, time } = ctx.i18n;
  const ac = t.actions;
  const role = ctx.principal?.role;
  const mayAct = role !== undefined && can(role, 'act');
  const mayList = role !== undefined && can(role, 'list');
  const hidden = html`${csrfField(ctx)}<input type="hidden" name="kind" value="${kind}" /><input
      type="hidden"
      name="id"
      value="${id}"
    /><input type="hidden" name="back" value="${back}" />`;
  const now = Date.now();
  // Only allow/block decisions lapse; the selector sits beside their buttons.
  const expiry = html`<label
    >${ac.expiresIn}
    <select name="expiresInDays" id="expires-in-days">
      <option value="">${ac.noExpiry}</option>
      ${[1, 7, 30, 90, 365].map((n) => html`<option value="${String(n)}">${ac.days(n)}</option>`)}
    </select></label
  >`;
  const expiryNote = (a: ActionView): SafeHtml | string =>
    a.expiresMs > 0
      ? html` <span class="expiry"
          >(${hasLapsed(a, now) ? ac.lapsed(time(a.expiresMs)) : ac.until(time(a.expiresMs))})</span
        >`
      : '';
  const button = (action: string, label: string): SafeHtml =>
    html`<button type="submit" name="action" value="${action}" id="action-${action}">${label}</button>`;
  const form = mayAct
    ? html`<form method="post" action="/actions" class="actions">
        ${hidden}
        <input name="note" placeholder="${ac.notePlaceholder}" aria-label="${ac.noteCol}" maxlength="2000" />
        ${button('confirm', ac.confirm)} ${button('false_positive', ac.falsePositive)}
        ${button('note', ac.note)}
        ${mayList ? html`${button('blocklist', ac.blocklist)} ${button('allowlist', ac.allowlist)} ${expiry}` : html``}
      </form>`
    : html`<p class="muted">${ac.roleCannotAct}</p>`;
  const rows = actions.map(
    (a) =>
      html`<tr class="${a.undone ? 'undone' : ''}">
        <td>${time(a.timeMs)}</td>
        <td class="act">${word(t.actionNames, a.action)}${expiryNote(a)}</td>
        <td>${a.operator}</td>
        <td>${a.note}</td>
        <td>
          ${a.undoes === '' ? '' : ac.undoes(a.undoes.slice(0, 8))}${a.caseId === '' ? '' : ` ${ac.caseRef(a.caseId)}`}
        </td>
        <td>
          ${a.undone ? ac.undone : a.action !== 'undo' && mayAct ? html`<form method="post" action="/actions/undo" class="inline">${hidden}<input type="hidden" name="feedbackId" value="${a.feedbackId}" /><button type="submit" class="undo">${ac.undo}</button></form>` : ''}
        </td>
      </tr>`,
  );
  return html`<section id="actions">
    <h2>${ac.heading}</h2>
    <p id="decision">
      ${
        decision === null
          ? html`${ac.noDecision}`
          : html`<strong class="override">${ac.override(word(t.actionNames, decision.action))}</strong>
              ${ac.byAt(decision.operator, time(decision.timeMs))}${expiryNote(decision)}`
      }
    </p>
    ${form}
    ${
      actions.length === 0
        ? html`<p class="muted">${ac.noActions}</p>`
        : html`<table>
            <thead>
              <tr>
                <th>${ac.when}</th>
                <th>${ac.action}</th>
                <th>${ac.operator}</th>
                <th>${ac.noteCol}</th>
                <th>${ac.ref}</th>
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
