import type { AlertRecord } from '@ringfence/store';
import { html, type SafeHtml } from '../html.js';
import { phoneForms, type I18n } from '../i18n/index.js';
import { kindText, subjectHref, subjectText, word } from './format.js';
import { layout, type PageContext } from './layout.js';

/** An alert's cells as text in the reader's language (the page's rows and the live stream's). */
export function alertCells(
  i18n: I18n,
  a: AlertRecord,
): { time: string; kind: string; subject: string; levels: string; category: string; reasons: string } {
  const t = i18n.t;
  const forms = a.kind === 'number' ? phoneForms(a.id) : undefined;
  return {
    time: i18n.time(a.timeMs),
    kind: kindText(i18n, a.kind),
    subject: forms === undefined ? a.id : `${forms.national} ${forms.e164}`,
    levels: `${word(t.levels, a.fromLevel)} → ${word(t.levels, a.toLevel)}`,
    category: a.category === '' ? '' : i18n.category(a.category),
    reasons: a.reasonCodes.join(', '),
  };
}

export function alertRows(i18n: I18n, alerts: readonly AlertRecord[]): SafeHtml {
  return html`${alerts.map((a) => {
    const c = alertCells(i18n, a);
    return html`<tr>
      <td>${c.time}</td>
      <td>${c.kind}</td>
      <td><a href="${subjectHref(a.kind, a.id)}">${subjectText(a.kind, a.id)}</a></td>
      <td>${c.levels}</td>
      <td>${a.score}</td>
      <td>${c.category}</td>
      <td>
        ${a.reasonCodes.map((code, i) => html`${i > 0 ? ', ' : ''}<abbr title="${i18n.reason(code) ?? ''}">${code}</abbr>`)}
      </td>
    </tr>`;
  })}`;
}

/** Alerts, newest first; the page's script appends new ones from /alerts/stream as they arrive. */
export function alertsPage(
  ctx: PageContext,
  alerts: readonly AlertRecord[],
  title: 'all' | 'recent' = 'all',
): string {
  const a = ctx.i18n.t.alerts;
  const heading = title === 'recent' ? a.recent : a.title;
  return layout(
    ctx,
    heading,
    html`<h1>${heading}</h1>
      <p class="muted">
        ${a.live} (<span
          id="live-status"
          data-live="${a.streaming}"
          data-reconnecting="${a.reconnecting}"
          data-ended="${a.signedOut}"
          >${a.connecting}</span
        >).
      </p>
      <table id="alerts" data-stream="/alerts/stream">
        <thead>
          <tr>
            <th>${a.when}</th>
            <th>${a.kind}</th>
            <th>${a.subject}</th>
            <th>${a.level}</th>
            <th>${a.score}</th>
            <th>${a.category}</th>
            <th>${a.reasons}</th>
          </tr>
        </thead>
        <tbody>
          ${alertRows(ctx.i18n, alerts)}
        </tbody>
      </table>`,
  );
}
