import { timelineSvg } from '../chart.js';
import { html } from '../html.js';
import { phoneForms } from '../i18n/index.js';
import type { Investigation } from '../investigation.js';
import { actionsPanel } from './actions-view.js';
import { fmtNum, reasonText, subjectHref, tel, tracebackHref, word } from './format.js';
import { layout, type PageContext } from './layout.js';

interface ReasonLike {
  code?: string;
  value?: number;
  threshold?: number;
  window?: string;
  points?: number;
}

/** The number investigation page. */
export function numberPage(ctx: PageContext, inv: Investigation): string {
  const v = inv.verdict;
  const s = inv.summary;
  const reasons = (v?.reasons ?? []) as ReasonLike[];
  const evidence = Object.entries(inv.evidence).sort(([a], [b]) => a.localeCompare(b));
  const back = subjectHref('number', inv.number);
  const { t, time } = ctx.i18n;
  const n = t.number;
  const forms = phoneForms(inv.number);
  const body = html`<h1>
      ${n.heading}
      ${forms === undefined ? html`` : html`<span class="nat" id="national">${forms.national}</span>`}
      <span id="subject" class="e164">${inv.number}</span>
    </h1>
    ${inv.query.trim() !== inv.number ? html`<p class="muted">${n.searchedAs(inv.query)}</p>` : html``}
    <p class="muted">
      ${t.common.window} ${time(inv.window.fromMs)} → ${time(inv.window.toMs)}.
      <a href="${tracebackHref('number', inv.number)}" id="traceback-link">${n.traceback}</a>
    </p>
    <section id="verdict">
      <h2>${n.verdict}</h2>
      ${
        v === null
          ? html`<p>${n.neverScored}</p>`
          : html`<p class="verdict level-${v.level}">
                <span id="level">${v.expired ? t.expired : word(t.levels, v.level)}</span> · ${t.common.score}
                <b>${v.score}</b> ·
                <span id="category">${v.category === '' ? t.noCategory : ctx.i18n.category(v.category)}</span>
                · ${n.updated} ${time(v.updatedMs)} · ${t.common.calls}
                ${v.calls}${v.override === '' ? '' : ` · ${n.override} ${word(t.actionNames, v.override)}`}
              </p>
              <table id="reasons">
                <thead>
                  <tr>
                    <th>${n.reason}</th>
                    <th>${n.measured}</th>
                    <th>${n.threshold}</th>
                    <th>${n.windowCol}</th>
                    <th>${n.points}</th>
                  </tr>
                </thead>
                <tbody>
                  ${reasons.map(
                    (r) =>
                      html`<tr>
                        <td>${reasonText(ctx.i18n, r.code ?? '')}</td>
                        <td>${fmtNum(r.value ?? 0)}</td>
                        <td>${fmtNum(r.threshold ?? 0)}</td>
                        <td>${r.window === undefined || r.window === '' ? n.lifetime : r.window}</td>
                        <td>${fmtNum(r.points ?? 0)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
      }
    </section>
    <section id="timeline">
      <h2>${n.timeline}</h2>
      ${timelineSvg(ctx.i18n, inv.window, inv.hourly, inv.scores)}
    </section>
    <section id="summary">
      <h2>${n.traffic}</h2>
      <table class="kv">
        <tbody>
          <tr>
            <th>${t.common.calls}</th>
            <td id="calls">${s.calls}</td>
            <th>${n.answered}</th>
            <td>${s.answered}</td>
            <th>${n.shortCalls}</th>
            <td>${s.shortCalls}</td>
          </tr>
          <tr>
            <th>${n.distinctCallees}</th>
            <td>${s.distinctCalled}</td>
            <th>${n.video}</th>
            <td>${s.videoCalls}</td>
            <th>${n.talkTime}</th>
            <td>${n.seconds(Math.round(s.totalDurationMs / 1000))}</td>
          </tr>
          <tr>
            <th>${t.common.first}</th>
            <td>${time(s.firstMs)}</td>
            <th>${t.common.last}</th>
            <td>${time(s.lastMs)}</td>
            <th>${n.devices}</th>
            <td>${s.devices.map((d) => html`<a href="${tracebackHref('device', d)}">${d}</a> `)}</td>
          </tr>
          <tr>
            <th>${n.carriers}</th>
            <td colspan="2">
              ${s.carriers.map((c) => html`<a href="${tracebackHref('carrier', c)}">${c}</a> `)}
            </td>
            <th>${n.trunks}</th>
            <td colspan="2">
              ${s.trunks.map((t) => html`<a href="${tracebackHref('trunk', t)}">${t}</a> `)}
            </td>
          </tr>
        </tbody>
      </table>
    </section>
    <section id="features">
      <h2>${n.features}</h2>
      ${
        evidence.length === 0
          ? html`<p class="muted">${n.noAlert}</p>`
          : html`<p class="muted">${time(inv.evidenceMs)}</p>
              <table>
                <tbody>
                  ${evidence.map(
                    ([k, val]) =>
                      html`<tr>
                        <th>${k}</th>
                        <td>${fmtNum(val)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
      }
    </section>
    <section id="callees">
      <h2>${n.callees}</h2>
      ${
        inv.callees.length === 0
          ? html`<p class="muted">${n.noneInWindow}</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>${n.callee}</th>
                  <th>${t.common.calls}</th>
                  <th>${t.common.last}</th>
                </tr>
              </thead>
              <tbody>
                ${inv.callees.map(
                  (c) =>
                    html`<tr>
                      <td class="callee">${tel(c.called)}</td>
                      <td>${c.calls}</td>
                      <td>${time(c.lastMs)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>
    <section id="complaints">
      <h2>${n.complaints}</h2>
      ${
        inv.complaints.length === 0
          ? html`<p class="muted">${t.common.none}</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>${n.when}</th>
                  <th>${n.reporter}</th>
                  <th>${n.category}</th>
                  <th>${n.call}</th>
                </tr>
              </thead>
              <tbody>
                ${inv.complaints.map(
                  (c) =>
                    html`<tr>
                      <td>${time(c.timeMs)}</td>
                      <td>${tel(c.reporter)}</td>
                      <td>${ctx.i18n.category(c.category)}</td>
                      <td>${c.callId}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>
    ${actionsPanel(ctx, 'number', inv.number, back, inv.actions, inv.decision)}`;
  return layout(ctx, n.title(forms?.national ?? inv.number), body);
}
