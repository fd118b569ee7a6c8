import { html } from '../html.js';
import { layout, type PageContext } from './layout.js';

export function loginPage(ctx: PageContext, csrf: string, next: string, message?: string): string {
  const t = ctx.i18n.t;
  return layout(
    ctx,
    t.login.title,
    html`<h1>${t.appName}</h1>
      <form method="post" action="/login" class="login">
        <input type="hidden" name="_csrf" value="${csrf}" /><input
          type="hidden"
          name="next"
          value="${next}"
        />
        ${message === undefined ? html`` : html`<p class="error" role="alert">${message}</p>`}
        <label
          >${t.login.user} <input name="username" id="username" autocomplete="username" required
        /></label>
        <label
          >${t.login.password}
          <input name="password" id="password" type="password" autocomplete="current-password" required
        /></label>
        <button type="submit" id="login">${t.login.submit}</button>
      </form>`,
  );
}
