import type { CampaignReport } from '../campaign-report.js';
import { html, type SafeHtml } from '../html.js';
import type { I18n } from '../i18n/index.js';
import { can } from '../roles.js';
import type { TrackedCampaign } from '../campaign-tracker.js';
import { kindText, subjectHref, tel, tracebackHref, word } from './format.js';
import { csrfField, layout, type PageContext } from './layout.js';

/** A tiny per-day bar chart of a source's flagged calls (inline SVG, no script). */
function sparkline(
  i18n: I18n,
  days: readonly { dayMs: number; calls: number }[],
  window: { fromMs: number; toMs: number },
): SafeHtml {
  const n = Math.max(1, Math.ceil((window.toMs - window.fromMs) / 86_400_000));
  const max = Math.max(1, ...days.map((d) => d.calls));
  const w = 6;
  return html`<svg
    class="spark"
    xmlns="http://www.w3.org/2000/svg"
    width="${n * w}"
    height="20"
    viewBox="0 0 ${n * w} 20"
  >
    ${days.map((d) => {
      const i = Math.floor((d.dayMs - window.fromMs) / 86_400_000);
      const h = Math.max(1, (d.calls / max) * 20);
      return html`<rect
        class="bar"
        x="${Math.max(0, i) * w}"
        y="${(20 - h).toFixed(1)}"
        width="${w - 1}"
        height="${h.toFixed(1)}"
        ><title>${i18n.time(d.dayMs)}: ${i18n.t.chart.barTitle(d.calls)}</title></rect
      >`;
    })}
  </svg>`;
}

/** Why numbers were grouped, in words: a shared source (`trunk tr-1`) or a similarity. */
function linkText(i18n: I18n, link: string): string {
  const t = i18n.t.campaigns;
  if (link === 'overlapping callees') return t.linkCallees;
  if (link === 'synchronised timing') return t.linkTiming;
  const space = link.indexOf(' ');
  return space < 0 ? link : `${kindText(i18n, link.slice(0, space))} ${link.slice(space + 1)}`;
}

/** The decisions an operator takes on a whole campaign; blocklist only for roles that may list. */
function campaignActions(ctx: PageContext, c: TrackedCampaign): SafeHtml | string {
  const role = ctx.principal?.role;
  if (role === undefined || !can(role, 'act')) return '';
  const ac = ctx.i18n.t.actions;
  const button = (action: string, label: string): SafeHtml =>
    html`<button type="submit" name="action" value="${action}">${label}</button>`;
  return html`<form
    method="post"
    action="/campaigns/${c.id}/actions"
    class="actions"
    title="${ctx.i18n.t.campaigns.actOnCampaign}"
  >
    ${csrfField(ctx)}
    <input name="note" placeholder="${ac.notePlaceholder}" aria-label="${ac.noteCol}" maxlength="2000" />
    ${button('confirm', ac.confirm)} ${button('false_positive', ac.falsePositive)} ${button('note', ac.note)}
    ${can(role, 'list') ? button('blocklist', ac.blocklist) : ''}
  </form>`;
}

export function campaignsPage(ctx: PageContext, r: CampaignReport): string {
  const i18n = ctx.i18n;
  const { t, time } = i18n;
  const cp = t.campaigns;
  return layout(
    ctx,
    cp.title,
    html`<h1>${cp.heading}</h1>
      <p class="muted">
        ${cp.flagged(r.flaggedNumbers)} · ${t.common.window} ${time(r.window.fromMs)} → ${time(r.window.toMs)}
      </p>
      <section id="campaigns">
        <h2>${cp.list}</h2>
        ${
          r.campaigns.length === 0
            ? html`<p class="muted">${cp.noCampaigns}</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th>${cp.campaign}</th>
                    <th>${cp.numbers}</th>
                    <th>${t.common.calls}</th>
                    <th>${cp.complaints}</th>
                    <th>${cp.harm}</th>
                    <th>${cp.categories}</th>
                    <th>${cp.linkedBy}</th>
                    <th>${cp.sources}</th>
                  </tr>
                </thead>
                <tbody>
                  ${r.campaigns.map(
                    (c) =>
                      html`<tr>
                        <td id="${c.id}">
                          <strong>${c.id}</strong><br /><span class="muted"
                            >${cp.firstSeen} ${time(c.firstSeenMs)}</span
                          >${campaignActions(ctx, c)}
                        </td>
                        <td>
                          ${c.numbers.slice(0, 12).map((n) => html`<a href="${subjectHref('number', n.number)}">${tel(n.number)}</a> (${word(t.levels, n.level)} ${n.score})<br />`)}${c.numbers.length > 12 ? t.common.more(c.numbers.length - 12) : ''}
                        </td>
                        <td>${c.calls}</td>
                        <td>${c.complaints}</td>
                        <td>${c.harm}</td>
                        <td>${c.categories.map((x) => i18n.category(x)).join(', ')}</td>
                        <td>${c.links.map((x) => linkText(i18n, x)).join('; ')}</td>
                        <td>
                          ${c.trunks.map((t) => html`<a href="${tracebackHref('trunk', t)}">${t}</a> `)}${c.carriers.map((t) => html`<a href="${tracebackHref('carrier', t)}">${t}</a> `)}
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
        }
      </section>
      ${
        r.ended.length === 0
          ? ''
          : html`<section id="ended">
              <h2>${cp.ended}</h2>
              <table>
                <thead>
                  <tr>
                    <th>${cp.campaign}</th>
                    <th>${cp.firstSeen}</th>
                    <th>${cp.lastSeen}</th>
                    <th>${cp.numbers}</th>
                    <th>${cp.categories}</th>
                    <th>${cp.sources}</th>
                  </tr>
                </thead>
                <tbody>
                  ${r.ended.map(
                    (c) =>
                      html`<tr>
                        <td>${c.campaignId}</td>
                        <td>${time(c.firstSeenMs)}</td>
                        <td>${time(c.lastSeenMs)}</td>
                        <td>${c.numbers.length}</td>
                        <td>${c.categories.map((x) => i18n.category(x)).join(', ')}</td>
                        <td>${c.sources.join(' ')}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </section>`
      }
      <section id="leaderboard">
        <h2>${cp.leaderboard}</h2>
        <table>
          <thead>
            <tr>
              <th>${cp.kind}</th>
              <th>${cp.source}</th>
              <th>${cp.flaggedCalls}</th>
              <th>${cp.perDay}</th>
              <th>${cp.trend}</th>
              <th>${cp.ownVerdict}</th>
            </tr>
          </thead>
          <tbody>
            ${r.leaderboard.map(
              (s) =>
                html`<tr>
                  <td>${kindText(i18n, s.kind)}</td>
                  <td><a href="${tracebackHref(s.kind, s.id)}">${s.id}</a></td>
                  <td>${s.flaggedCalls}</td>
                  <td>${sparkline(i18n, s.days, r.window)}</td>
                  <td>
                    ${s.trendPct === null ? '-' : `${s.trendPct > 0 ? '▲' : s.trendPct < 0 ? '▼' : '='} ${s.trendPct}%`}
                  </td>
                  <td>${s.level === 'NONE' ? '-' : `${word(t.levels, s.level)} (${s.score})`}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>`,
  );
}
