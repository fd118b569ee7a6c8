import type { RedressCase } from '@ringfence/store';
import { html } from '../html.js';
import { can } from '../roles.js';
import { kindText, subjectHref, subjectText, word } from './format.js';
import { csrfField, layout, type PageContext } from './layout.js';

/** Redress cases with the form to open one and, for supervisors, to decide open ones. */
export function redressPage(ctx: PageContext, cases: readonly RedressCase[]): string {
  const i18n = ctx.i18n;
  const { t, time } = i18n;
  const rd = t.redress;
  const role = ctx.principal?.role;
  const mayOpen = role !== undefined && can(role, 'redress.open');
  const mayDecide = role !== undefined && can(role, 'redress.decide');
  const open = mayOpen
    ? html`<form method="post" action="/redress" class="stack">
        ${csrfField(ctx)}
        <h2>${rd.open}</h2>
        <label
          >${rd.kind}
          <select name="kind">
            ${(['number', 'trunk', 'carrier', 'device'] as const).map(
              (k) => html`<option value="${k}">${t.kinds[k]}</option>`,
            )}
          </select></label
        >
        <label>${rd.subject} <input name="id" required maxlength="128" /></label>
        <label
          >${rd.channel} <input name="channel" required placeholder="${rd.channelPlaceholder}" maxlength="64"
        /></label>
        <label>${rd.contact} <input name="contact" required maxlength="256" /></label>
        <label>${rd.evidence} <textarea name="description" required maxlength="4000"></textarea></label>
        <button type="submit">${rd.openCase}</button>
      </form>`
    : html``;
  const rows = cases.map(
    (c) =>
      html`<tr>
        <td>${c.caseId}</td>
        <td>
          ${kindText(i18n, c.kind)} <a href="${subjectHref(c.kind, c.id)}">${subjectText(c.kind, c.id)}</a>
        </td>
        <td>${word(t.redressStatus, c.status)}</td>
        <td>${time(c.openedMs)}</td>
        <td>${c.channel}</td>
        <td>${c.contact}</td>
        <td>${c.description}</td>
        <td>${c.resolution}</td>
        <td>${c.operator}</td>
        <td>
          ${
            mayDecide && (c.status === 'open' || c.status === 'investigating')
              ? html`<form
                  method="post"
                  action="/redress/${encodeURIComponent(c.caseId)}/decision"
                  class="stack"
                >
                  ${csrfField(ctx)}
                  <input
                    name="resolution"
                    required
                    placeholder="${rd.resolutionPlaceholder}"
                    maxlength="4000"
                  /><input name="protect" placeholder="${rd.protectPlaceholder}" /><label
                    >${ctx.i18n.t.actions.expiresIn}
                    <select name="expiresInDays">
                      <option value="">${ctx.i18n.t.actions.noExpiry}</option>
                      ${[30, 90, 365].map(
                        (n) => html`<option value="${String(n)}">${ctx.i18n.t.actions.days(n)}</option>`,
                      )}
                    </select></label
                  >
                  <button type="submit" name="decision" value="upheld">${rd.uphold}</button
                  ><button type="submit" name="decision" value="rejected">${rd.reject}</button>
                </form>`
              : ''
          }
        </td>
      </tr>`,
  );
  return layout(
    ctx,
    rd.title,
    html`<h1>${rd.heading}</h1>
      ${open}
      <table>
        <thead>
          <tr>
            <th>${rd.caseCol}</th>
            <th>${rd.subject}</th>
            <th>${rd.status}</th>
            <th>${rd.opened}</th>
            <th>${rd.channel}</th>
            <th>${rd.contact}</th>
            <th>${rd.evidence}</th>
            <th>${rd.decision}</th>
            <th>${rd.operator}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>`,
  );
}
