import { html } from '../html.js';
import { layout } from './layout.js';

export function loginPage(csrf: string, next: string, message?: string): string {
  return layout(
    {},
    'Sign in',
    html`<h1>Ringfence console</h1>
      <form method="post" action="/login" class="login">
        <input type="hidden" name="_csrf" value="${csrf}" /><input
          type="hidden"
          name="next"
          value="${next}"
        />
        ${message === undefined ? html`` : html`<p class="error" role="alert">${message}</p>`}
        <label>User <input name="username" id="username" autocomplete="username" required /></label>
        <label
          >Password
          <input name="password" id="password" type="password" autocomplete="current-password" required
        /></label>
        <button type="submit" id="login">Sign in</button>
      </form>`,
  );
}
