import { html, type SafeHtml } from '../html.js';
import type { Share, TracebackReport } from '../traceback.js';
import { actionsPanel } from './actions-view.js';
import { fmtPct, fmtTime, subjectHref, tracebackHref } from './format.js';
import { layout, type PageContext } from './layout.js';

function shareTable(title: string, kind: string, list: readonly Share[]): SafeHtml {
  return html`<h3>${title}</h3>
    <table>
      <thead>
        <tr>
          <th>${title}</th>
          <th>Calls</th>
          <th>Share</th>
          <th>First</th>
          <th>Last</th>
        </tr>
      </thead>
      <tbody>
        ${list.map(
          (s) =>
            html`<tr>
              <td>
                ${kind === '' || s.id === '' ? s.id : html`<a href="${tracebackHref(kind, s.id)}">${s.id}</a>`}
              </td>
              <td>${s.calls}</td>
              <td>${fmtPct(s.share)}</td>
              <td>${fmtTime(s.firstMs)}</td>
              <td>${fmtTime(s.lastMs)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

/** The traceback page; with `printable` it is the report to hand to an upstream provider. */
export function tracebackPage(ctx: PageContext, r: TracebackReport, printable: boolean): string {
  const { kind, id } = r.subject;
  const base = tracebackHref(kind, id);
  const sig = r.signalling;
  const body = html`<h1>Traceback: ${kind} <span id="subject">${id}</span></h1>
    <p class="muted">
      Window ${fmtTime(r.window.fromMs)} → ${fmtTime(r.window.toMs)} · generated ${fmtTime(r.generatedMs)} by
      ${r.generatedBy}
      ${printable ? html`` : html` · <a href="${base}?print=1" id="print-link">Printable report</a> · <a href="/api/v1${base}" id="json-link">JSON</a>${kind === 'number' ? html` · <a href="${subjectHref('number', id)}">Investigation</a>` : html``}`}
    </p>
    <section id="tb-summary">
      <h2>Summary</h2>
      <table class="kv">
        <tbody>
          <tr>
            <th>Calls</th>
            <td id="tb-calls">${r.totalCalls}</td>
            <th>First seen</th>
            <td>${fmtTime(r.firstMs)}</td>
            <th>Last seen</th>
            <td>${fmtTime(r.lastMs)}</td>
          </tr>
          <tr>
            <th>Verdict</th>
            <td>
              ${r.verdict === null ? 'none' : `${r.verdict.level} (${r.verdict.score}) ${r.verdict.category}`}
            </td>
            <th>Calling numbers</th>
            <td>${sig.distinctCalling}</td>
            <th>Called numbers</th>
            <td>${sig.distinctCalled}</td>
          </tr>
          <tr>
            <th>Answered</th>
            <td>${sig.answered}</td>
            <th>Short answered</th>
            <td>${sig.shortAnswered}</td>
            <th>Attestation</th>
            <td>${Object.entries(r.attestationMix).map(([a, n]) => `${a}: ${n} `)}</td>
          </tr>
        </tbody>
      </table>
    </section>
    <section id="anomalies">
      <h2>Signalling anomalies</h2>
      ${
        r.anomalies.length === 0
          ? html`<p>None found.</p>`
          : html`<ul>
              ${r.anomalies.map((a) => html`<li>${a}</li>`)}
            </ul>`
      }
    </section>
    <section id="path">
      <h2>Path into the network</h2>
      <table>
        <thead>
          <tr>
            <th>Switch</th>
            <th>Upstream carrier</th>
            <th>Trunk</th>
            <th>Attestation</th>
            <th>Calls</th>
            <th>Share</th>
            <th>First</th>
            <th>Last</th>
          </tr>
        </thead>
        <tbody>
          ${r.path.map(
            (p) =>
              html`<tr>
                <td>${p.switchId}</td>
                <td>${p.ingressCarrier}</td>
                <td>${p.ingressTrunk}</td>
                <td>${p.attestation}</td>
                <td>${p.calls}</td>
                <td>${fmtPct(p.share)}</td>
                <td>${fmtTime(p.firstMs)}</td>
                <td>${fmtTime(p.lastMs)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <h2>Providers in the path</h2>
      ${shareTable('Carrier', printable ? '' : 'carrier', r.providers.carriers)}${shareTable('Trunk', printable ? '' : 'trunk', r.providers.trunks)}${shareTable('Switch', '', r.providers.switches)}
    </section>
    <section id="same-way">
      <h2>
        ${kind === 'number' ? 'Other numbers that came the same way' : 'Numbers that came through this source'}
      </h2>
      ${
        r.sameWay.length === 0
          ? html`<p class="muted">None.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Number</th>
                  <th>Calls</th>
                  <th>First</th>
                  <th>Last</th>
                </tr>
              </thead>
              <tbody>
                ${r.sameWay.map(
                  (n) =>
                    html`<tr>
                      <td>
                        ${printable ? n.number : html`<a href="${subjectHref('number', n.number)}">${n.number}</a>`}
                      </td>
                      <td>${n.calls}</td>
                      <td>${fmtTime(n.firstMs)}</td>
                      <td>${fmtTime(n.lastMs)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>
    <section id="cdrs">
      <h2>CDR extract (first ${r.cdrs.length})</h2>
      <table class="small">
        <thead>
          <tr>
            <th>Call</th>
            <th>Setup</th>
            <th>Calling</th>
            <th>Called</th>
            <th>Asserted</th>
            <th>Switch</th>
            <th>Carrier</th>
            <th>Trunk</th>
            <th>Att.</th>
            <th>Answered</th>
            <th>Dur. s</th>
            <th>Cause</th>
          </tr>
        </thead>
        <tbody>
          ${r.cdrs.map(
            (c) =>
              html`<tr>
                <td>${c.callId}</td>
                <td>${fmtTime(c.setupMs)}</td>
                <td>${c.calling}</td>
                <td class="callee">${c.called}</td>
                <td>${c.asserted}</td>
                <td>${c.switchId}</td>
                <td>${c.ingressCarrier}</td>
                <td>${c.ingressTrunk}</td>
                <td>${c.attestation}</td>
                <td>${c.answerMs > 0 ? 'yes' : 'no'}</td>
                <td>${c.answerMs > 0 ? Math.round((c.releaseMs - c.answerMs) / 1000) : 0}</td>
                <td>${c.releaseCause}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>
    ${printable ? html`` : actionsPanel(ctx, kind, id, base, r.actions, r.decision)}`;
  return layout(ctx, `Traceback ${id}`, body, { printable });
}
