import type { RedressCase } from '@ringfence/store';
import { html } from '../html.js';
import { can } from '../roles.js';
import { fmtTime, subjectHref } from './format.js';
import { csrfField, layout, type PageContext } from './layout.js';

/** Redress cases with the form to open one and, for supervisors, to decide open ones. */
export function redressPage(ctx: PageContext, cases: readonly RedressCase[]): string {
  const role = ctx.principal?.role;
  const mayOpen = role !== undefined && can(role, 'redress.open');
  const mayDecide = role !== undefined && can(role, 'redress.decide');
  const open = mayOpen
    ? html`<form method="post" action="/redress" class="stack">
        ${csrfField(ctx)}
        <h2>Open a case</h2>
        <label
          >Kind
          <select name="kind">
            <option>number</option>
            <option>trunk</option>
            <option>carrier</option>
            <option>device</option>
          </select></label
        >
        <label>Subject <input name="id" required maxlength="128" /></label>
        <label
          >Channel <input name="channel" required placeholder="hotline, email, 12321" maxlength="64"
        /></label>
        <label>Contact <input name="contact" required maxlength="256" /></label>
        <label
          >Evidence / description <textarea name="description" required maxlength="4000"></textarea>
        </label>
        <button type="submit">Open case</button>
      </form>`
    : html``;
  const rows = cases.map(
    (c) =>
      html`<tr>
        <td>${c.caseId}</td>
        <td>${c.kind} <a href="${subjectHref(c.kind, c.id)}">${c.id}</a></td>
        <td>${c.status}</td>
        <td>${fmtTime(c.openedMs)}</td>
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
                  <input name="resolution" required placeholder="decision reason" maxlength="4000" /><input
                    name="protect"
                    placeholder="other numbers to protect"
                  />
                  <button type="submit" name="decision" value="upheld">Uphold (clear + allowlist)</button
                  ><button type="submit" name="decision" value="rejected">Reject</button>
                </form>`
              : ''
          }
        </td>
      </tr>`,
  );
  return layout(
    ctx,
    'Redress',
    html`<h1>Redress cases</h1>
      ${open}
      <table>
        <thead>
          <tr>
            <th>Case</th>
            <th>Subject</th>
            <th>Status</th>
            <th>Opened</th>
            <th>Channel</th>
            <th>Contact</th>
            <th>Evidence</th>
            <th>Decision</th>
            <th>Operator</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>`,
  );
}
