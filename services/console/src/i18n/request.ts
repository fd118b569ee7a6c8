import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ConsoleConfig } from '../config.js';
import { i18nFor, isLocale, type I18n } from './index.js';

declare module 'fastify' {
  interface FastifyRequest {
    i18n?: I18n;
  }
}

/** Holds the language a user picked; a browser-session cookie, so each sign-in starts from its choice. */
export const LANG_COOKIE = 'rf_lang';

/** The request's language (its cookie, else the configured default) and the configured time zone. */
export function requestI18n(req: FastifyRequest, config: ConsoleConfig): I18n {
  if (req.i18n !== undefined) return req.i18n;
  // Router-level errors reach us before the cookie plugin ran: read the header directly then.
  const chosen =
    req.cookies?.[LANG_COOKIE] ?? /(?:^|;\s*)rf_lang=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
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
