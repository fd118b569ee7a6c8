import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ConsoleConfig } from '../config.js';
import { i18nFor, isLocale, type I18n } from './index.js';

declare module 'fastify' {
  interface FastifyRequest {
    i18n?: I18n;
  }
}

/** The language a user picked; no Max-Age, so it lasts as long as the browser session. */
export const LANG_COOKIE = 'rf_lang';

const LANG_COOKIE_HEADER = new RegExp(`(?:^|;\\s*)${LANG_COOKIE}=([^;]*)`);

/** Where the language switch may send the reader back to: a page they can GET again. */
export function switchBackPath(req: FastifyRequest): string {
  return req.method === 'GET' ? req.url : '/';
}

/** The request's language (its cookie, else the configured default) and the configured time zone. */
export function requestI18n(req: FastifyRequest, config: ConsoleConfig): I18n {
  if (req.i18n !== undefined) return req.i18n;
  // Router-level errors reach us before the cookie plugin ran: read the header directly then.
  const chosen = req.cookies?.[LANG_COOKIE] ?? LANG_COOKIE_HEADER.exec(req.headers.cookie ?? '')?.[1];
  return i18nFor(isLocale(chosen) ? chosen : config.defaultLocale, config.timeZone);
}

/** Only same-site paths: a crafted `next` must not turn the switch into an open redirect. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : '/';
}

/** `/lang/<locale>?next=<path>`: sets the session's language and goes back to the page it came from. */
export function registerLanguageRoute(app: FastifyInstance, config: ConsoleConfig): void {
  app.addHook('onRequest', (req, _reply, done) => {
    req.i18n = requestI18n(req, config);
    done();
  });
  app.get<{ Params: { locale: string } }>('/lang/:locale', async (req, reply) => {
    const next = safeNext((req.query as Record<string, unknown>)['next']);
    if (!isLocale(req.params.locale)) return reply.redirect(next, 303);
    return reply
      .setCookie(LANG_COOKIE, req.params.locale, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
      })
      .redirect(next, 303);
  });
}
