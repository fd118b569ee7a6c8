import { timelineSvg } from '../chart.js';
import { html } from '../html.js';
import type { Investigation } from '../investigation.js';
import { actionsPanel } from './actions-view.js';
import { fmtNum, fmtTime, subjectHref, tracebackHref } from './format.js';
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
  const body = html`<h1>Number <span id="subject">${inv.number}</span></h1>
    ${inv.query.trim() !== inv.number ? html`<p class="muted">Searched as “${inv.query}”.</p>` : html``}
    <p class="muted">
      Window ${fmtTime(inv.window.fromMs)} → ${fmtTime(inv.window.toMs)}.
      <a href="${tracebackHref('number', inv.number)}" id="traceback-link">Traceback</a>
    </p>
    <section id="verdict">
      <h2>Current verdict</h2>
      ${
        v === null
          ? html`<p>Never scored.</p>`
          : html`<p class="verdict level-${v.level}">
                <span id="level">${v.expired ? 'EXPIRED' : v.level}</span> · score <b>${v.score}</b> ·
                ${v.category === '' ? 'no category' : v.category} · updated ${fmtTime(v.updatedMs)} ·
                ${v.calls} calls${v.override === '' ? '' : ` · override ${v.override}`}
              </p>
              <table>
                <thead>
                  <tr>
                    <th>Reason</th>
                    <th>Measured</th>
                    <th>Threshold</th>
                    <th>Window</th>
                    <th>Points</th>
                  </tr>
                </thead>
                <tbody>
                  ${reasons.map(
                    (r) =>
                      html`<tr>
                        <td>${r.code ?? ''}</td>
                        <td>${fmtNum(r.value ?? 0)}</td>
                        <td>${fmtNum(r.threshold ?? 0)}</td>
                        <td>${r.window === undefined || r.window === '' ? 'lifetime' : r.window}</td>
                        <td>${fmtNum(r.points ?? 0)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
      }
    </section>
    <section id="timeline">
      <h2>Timeline</h2>
      ${timelineSvg(inv.window, inv.hourly, inv.scores)}
    </section>
    <section id="summary">
      <h2>Traffic in window</h2>
      <table class="kv">
        <tbody>
          <tr>
            <th>Calls</th>
            <td id="calls">${s.calls}</td>
            <th>Answered</th>
            <td>${s.answered}</td>
            <th>Short (&lt;10 s)</th>
            <td>${s.shortCalls}</td>
          </tr>
          <tr>
            <th>Distinct callees</th>
            <td>${s.distinctCalled}</td>
            <th>Video</th>
            <td>${s.videoCalls}</td>
            <th>Talk time</th>
            <td>${Math.round(s.totalDurationMs / 1000)} s</td>
          </tr>
          <tr>
            <th>First</th>
            <td>${fmtTime(s.firstMs)}</td>
            <th>Last</th>
            <td>${fmtTime(s.lastMs)}</td>
            <th>Devices</th>
            <td>${s.devices.map((d) => html`<a href="${tracebackHref('device', d)}">${d}</a> `)}</td>
          </tr>
          <tr>
            <th>Carriers</th>
            <td colspan="2">
              ${s.carriers.map((c) => html`<a href="${tracebackHref('carrier', c)}">${c}</a> `)}
            </td>
            <th>Trunks</th>
            <td colspan="2">
              ${s.trunks.map((t) => html`<a href="${tracebackHref('trunk', t)}">${t}</a> `)}
            </td>
          </tr>
        </tbody>
      </table>
    </section>
    <section id="features">
      <h2>Features at the latest alert</h2>
      ${
        evidence.length === 0
          ? html`<p class="muted">No alert stored.</p>`
          : html`<p class="muted">${fmtTime(inv.evidenceMs)}</p>
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
      <h2>Callees (sample)</h2>
      ${
        inv.callees.length === 0
          ? html`<p class="muted">None in window.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Callee</th>
                  <th>Calls</th>
                  <th>Last</th>
                </tr>
              </thead>
              <tbody>
                ${inv.callees.map(
                  (c) =>
                    html`<tr>
                      <td class="callee">${c.called}</td>
                      <td>${c.calls}</td>
                      <td>${fmtTime(c.lastMs)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>
    <section id="complaints">
      <h2>Complaints</h2>
      ${
        inv.complaints.length === 0
          ? html`<p class="muted">None.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>When</th>
                  <th>Reporter</th>
                  <th>Category</th>
                  <th>Call</th>
                </tr>
              </thead>
              <tbody>
                ${inv.complaints.map(
                  (c) =>
                    html`<tr>
                      <td>${fmtTime(c.timeMs)}</td>
                      <td>${c.reporter}</td>
                      <td>${c.category}</td>
                      <td>${c.callId}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>
    ${actionsPanel(ctx, 'number', inv.number, back, inv.actions, inv.decision)}`;
  return layout(ctx, inv.number, body);
}
