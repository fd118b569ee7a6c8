import { html, type SafeHtml } from '../html.js';
import { LOCALES, i18nFor, type I18n } from '../i18n/index.js';
import type { Principal } from '../users.js';
import { can } from '../roles.js';

export interface PageContext {
  /** The reader's language and the configured time zone. */
  i18n: I18n;
  /** This page's path and query, where the language switch comes back to. */
  path?: string | undefined;
  principal?: Principal | undefined;
  csrf?: string | undefined;
}

/** A hidden field carrying the session's CSRF token; every POST form includes one. */
export function csrfField(ctx: PageContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf ?? ''}" />`;
}

/** Links to the other languages, each named in its own language. */
function languageSwitch(ctx: PageContext): SafeHtml {
  const next = encodeURIComponent(ctx.path ?? '/');
  const others = LOCALES.filter((l) => l !== ctx.i18n.locale);
  return html`<span class="lang" aria-label="${ctx.i18n.t.nav.language}"
    >${others.map(
      (l) =>
        html`<a href="/lang/${l}?next=${next}" id="lang-${l}" lang="${l}" hreflang="${l}"
          >${i18nFor(l, ctx.i18n.timeZone).t.languageName}</a
        >`,
    )}</span
  >`;
}

/** The page frame: navigation, the signed-in user, the language switch and a logout form. */
export function layout(
  ctx: PageContext,
  title: string,
  body: SafeHtml,
  options: { printable?: boolean } = {},
): string {
  const p = ctx.principal;
  const t = ctx.i18n.t;
  const nav =
    p === undefined
      ? html`<nav class="top">${languageSwitch(ctx)}</nav>`
      : html`<nav class="top">
          <a href="/">${t.nav.home}</a>
          <form class="search" method="get" action="/search">
            <input
              name="q"
              placeholder="${t.nav.searchPlaceholder}"
              aria-label="${t.nav.searchLabel}"
              required
            /><button type="submit">${t.nav.search}</button>
          </form>
          <a href="/campaigns">${t.nav.campaigns}</a> <a href="/alerts">${t.nav.alerts}</a>
          <a href="/redress">${t.nav.redress}</a>
          ${can(p.role, 'audit.read') ? html`<a href="/audit">${t.nav.audit}</a>` : html``}
          <span class="who">${p.name} (${t.roles[p.role]})</span>
          ${languageSwitch(ctx)}
          <form method="post" action="/logout" class="inline">
            ${csrfField(ctx)}<button type="submit" id="logout">${t.nav.logout}</button>
          </form>
        </nav>`;
  return html`<!doctype html>
    <html lang="${ctx.i18n.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Ringfence</title>
        <link rel="stylesheet" href="/static/console.css" />
      </head>
      <body class="${options.printable === true ? 'printable' : ''}">
        ${nav}
        <main>${body}</main>
        <script src="/static/console.js"></script>
      </body>
    </html>`.text;
}

/**
 * An error page in the reader's language: `message` (already in that language) or the status's own
 * text, then `detail`, the server's message (in English, as in the log) when it adds something.
 */
export function errorPage(
  ctx: PageContext,
  status: number,
  text: { message?: string; detail?: string } = {},
): string {
  const e = ctx.i18n.t.errors;
  const byStatus =
    status === 400 || status === 401 || status === 403 || status === 404 || status === 409 || status === 429
      ? e.byStatus[status]
      : e.byStatus.other;
  return layout(
    ctx,
    e.title(status),
    html`<h1>${e.title(status)}</h1>
      <p class="error">${text.message ?? byStatus}</p>
      ${text.detail === undefined ? html`` : html`<p class="muted">${e.detail}: ${text.detail}</p>`}`,
  );
}
