import { html, type SafeHtml } from '../html.js';
import type { Share, TracebackReport } from '../traceback.js';
import { actionsPanel } from './actions-view.js';
import { phoneForms, type I18n } from '../i18n/index.js';
import { fmtPct, kindText, subjectHref, tel, tracebackHref, word } from './format.js';
import { layout, type PageContext } from './layout.js';

function shareTable(i18n: I18n, title: string, kind: string, list: readonly Share[]): SafeHtml {
  const c = i18n.t.common;
  return html`<h3>${title}</h3>
    <table>
      <thead>
        <tr>
          <th>${title}</th>
          <th>${c.calls}</th>
          <th>${c.share}</th>
          <th>${c.first}</th>
          <th>${c.last}</th>
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
              <td>${i18n.time(s.firstMs)}</td>
              <td>${i18n.time(s.lastMs)}</td>
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
  const i18n = ctx.i18n;
  const { t, time } = i18n;
  const tb = t.traceback;
  const c = t.common;
  const national = kind === 'number' ? phoneForms(id)?.national : undefined;
  const body = html`<h1>
      ${tb.heading(kindText(i18n, kind))}
      ${national === undefined ? html`` : html`<span class="nat">${national}</span>`}
      <span id="subject" class="${national === undefined ? '' : 'e164'}">${id}</span>
    </h1>
    <p class="muted">
      ${c.window} ${time(r.window.fromMs)} → ${time(r.window.toMs)} · ${tb.generated} ${time(r.generatedMs)} ·
      ${tb.by} ${r.generatedBy}
      ${printable ? html`` : html` · <a href="${base}?print=1" id="print-link">${tb.printable}</a> · <a href="/api/v1${base}" id="json-link">${tb.json}</a>${kind === 'number' ? html` · <a href="${subjectHref('number', id)}">${tb.investigation}</a>` : html``}`}
    </p>
    <section id="tb-summary">
      <h2>${tb.summary}</h2>
      <table class="kv">
        <tbody>
          <tr>
            <th>${c.calls}</th>
            <td id="tb-calls">${r.totalCalls}</td>
            <th>${tb.firstSeen}</th>
            <td>${time(r.firstMs)}</td>
            <th>${tb.lastSeen}</th>
            <td>${time(r.lastMs)}</td>
          </tr>
          <tr>
            <th>${tb.verdict}</th>
            <td id="tb-verdict">
              ${r.verdict === null ? c.none : `${word(t.levels, r.verdict.level)} (${r.verdict.score}) ${r.verdict.category === '' ? '' : i18n.category(r.verdict.category)}`}
            </td>
            <th>${tb.callingNumbers}</th>
            <td>${sig.distinctCalling}</td>
            <th>${tb.calledNumbers}</th>
            <td>${sig.distinctCalled}</td>
          </tr>
          <tr>
            <th>${tb.answered}</th>
            <td>${sig.answered}</td>
            <th>${tb.shortAnswered}</th>
            <td>${sig.shortAnswered}</td>
            <th>${tb.attestation}</th>
            <td>${Object.entries(r.attestationMix).map(([a, n]) => `${word(t.attestation, a)}: ${n} `)}</td>
          </tr>
        </tbody>
      </table>
    </section>
    <section id="anomalies">
      <h2>${tb.anomalies}</h2>
      ${
        r.anomalyFacts.length === 0
          ? html`<p>${tb.noAnomalies}</p>`
          : html`<ul>
              ${r.anomalyFacts.map((a) => html`<li>${tb.anomaly(a)}</li>`)}
            </ul>`
      }
    </section>
    <section id="path">
      <h2>${tb.path}</h2>
      <table>
        <thead>
          <tr>
            <th>${tb.switchCol}</th>
            <th>${tb.upstreamCarrier}</th>
            <th>${tb.trunk}</th>
            <th>${tb.attestation}</th>
            <th>${c.calls}</th>
            <th>${c.share}</th>
            <th>${c.first}</th>
            <th>${c.last}</th>
          </tr>
        </thead>
        <tbody>
          ${r.path.map(
            (p) =>
              html`<tr>
                <td>${p.switchId}</td>
                <td>${p.ingressCarrier}</td>
                <td>${p.ingressTrunk}</td>
                <td>${word(t.attestation, p.attestation)}</td>
                <td>${p.calls}</td>
                <td>${fmtPct(p.share)}</td>
                <td>${time(p.firstMs)}</td>
                <td>${time(p.lastMs)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <h2>${tb.providers}</h2>
      ${shareTable(i18n, tb.carrier, printable ? '' : 'carrier', r.providers.carriers)}${shareTable(i18n, tb.trunk, printable ? '' : 'trunk', r.providers.trunks)}${shareTable(i18n, tb.switchCol, '', r.providers.switches)}
    </section>
    <section id="same-way">
      <h2>${kind === 'number' ? tb.sameWayNumber : tb.sameWaySource}</h2>
      ${
        r.sameWay.length === 0
          ? html`<p class="muted">${c.none}</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>${tb.numberCol}</th>
                  <th>${c.calls}</th>
                  <th>${c.first}</th>
                  <th>${c.last}</th>
                </tr>
              </thead>
              <tbody>
                ${r.sameWay.map(
                  (n) =>
                    html`<tr>
                      <td>
                        ${printable ? tel(n.number) : html`<a href="${subjectHref('number', n.number)}">${tel(n.number)}</a>`}
                      </td>
                      <td>${n.calls}</td>
                      <td>${time(n.firstMs)}</td>
                      <td>${time(n.lastMs)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>
    <section id="cdrs">
      <h2>${tb.cdrs(r.cdrs.length)}</h2>
      <table class="small">
        <thead>
          <tr>
            <th>${tb.callCol}</th>
            <th>${tb.setup}</th>
            <th>${tb.calling}</th>
            <th>${tb.called}</th>
            <th>${tb.asserted}</th>
            <th>${tb.switchCol}</th>
            <th>${tb.carrier}</th>
            <th>${tb.trunk}</th>
            <th>${tb.attShort}</th>
            <th>${tb.answered}</th>
            <th>${tb.durationS}</th>
            <th>${tb.cause}</th>
          </tr>
        </thead>
        <tbody>
          ${r.cdrs.map(
            (x) =>
              html`<tr>
                <td>${x.callId}</td>
                <td>${time(x.setupMs)}</td>
                <td>${tel(x.calling)}</td>
                <td class="callee">${tel(x.called)}</td>
                <td>${tel(x.asserted)}</td>
                <td>${x.switchId}</td>
                <td>${x.ingressCarrier}</td>
                <td>${x.ingressTrunk}</td>
                <td>${word(t.attestation, x.attestation)}</td>
                <td>${x.answerMs > 0 ? c.yes : c.no}</td>
                <td>${x.answerMs > 0 ? Math.round((x.releaseMs - x.answerMs) / 1000) : 0}</td>
                <td>${x.releaseCause}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>
    ${printable ? html`` : actionsPanel(ctx, kind, id, base, r.actions, r.decision)}`;
  return layout(ctx, tb.title(id), body, { printable });
}
