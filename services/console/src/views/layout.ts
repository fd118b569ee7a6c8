import { html, type SafeHtml } from '../html.js';
import type { Principal } from '../users.js';
import { can } from '../roles.js';

export interface PageContext {
  principal?: Principal | undefined;
  csrf?: string | undefined;
}

/** A hidden field carrying the session's CSRF token; every POST form includes one. */
export function csrfField(ctx: PageContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf ?? ''}" />`;
}

/** The page frame: navigation, the signed-in user and a logout form. */
export function layout(
  ctx: PageContext,
  title: string,
  body: SafeHtml,
  options: { printable?: boolean } = {},
): string {
  const p = ctx.principal;
  const nav =
    p === undefined
      ? html``
      : html`<nav class="top">
          <a href="/">Ringfence console</a>
          <form class="search" method="get" action="/search">
            <input name="q" placeholder="Search a number (any format)" aria-label="number" required /><button
              type="submit"
            >
              Search
            </button>
          </form>
          <a href="/campaigns">Campaigns</a> <a href="/alerts">Alerts</a> <a href="/redress">Redress</a>
          ${can(p.role, 'audit.read') ? html`<a href="/audit">Audit log</a>` : html``}
          <span class="who">${p.name} (${p.role})</span>
          <form method="post" action="/logout" class="inline">
            ${csrfField(ctx)}<button type="submit" id="logout">Log out</button>
          </form>
        </nav>`;
  return html`<!doctype html>
    <html lang="en">
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

export function errorPage(ctx: PageContext, status: number, message: string): string {
  return layout(
    ctx,
    `Error ${status}`,
    html`<h1>Error ${status}</h1>
      <p class="error">${message}</p>`,
  );
}
