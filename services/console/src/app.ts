import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import { counter, histogram, toRingfenceError } from '@ringfence/common';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { isApi, resolvePrincipal } from './auth.js';
import type { ConsoleContext } from './context.js';
import { httpStatus } from './http-status.js';
import { registerAlertStream } from './routes/alerts-stream.js';
import { registerApiRoutes } from './routes/api-routes.js';
import { registerAuthRoutes } from './routes/auth-routes.js';
import { pageContext, registerPageRoutes } from './routes/page-routes.js';
import { CONSOLE_CSS, CONSOLE_JS } from './static-assets.js';
import { errorText } from './i18n/index.js';
import { registerLanguageRoute, requestI18n } from './i18n/request.js';
import { errorPage } from './views/layout.js';

/** Nothing inline, nothing from elsewhere: the one script and stylesheet come from /static. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Sent with every response. */
const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/** The console's HTTP application (not yet listening). */
export async function buildApp(ctx: ConsoleContext): Promise<FastifyInstance> {
  const httpLogger: FastifyBaseLogger = ctx.logger.child({ component: 'http' });
  const app = Fastify({
    loggerInstance: httpLogger,
    // Only the listed proxies' X-Forwarded-For is believed; anyone else could forge it.
    trustProxy: ctx.config.trustProxy.length === 0 ? false : [...ctx.config.trustProxy],
    bodyLimit: 256 * 1024,
    // Router-level refusals (a path parameter over 100 characters, a malformed URL) would otherwise
    // answer fastify's bare JSON echoing the path, without the console's error page and headers.
    frameworkErrors: (err, req, rawReply) => {
      // These replies skip the app's hooks: the headers are set here.
      const reply = (rawReply as unknown as FastifyReply).headers({
        ...SECURITY_HEADERS,
        'cache-control': 'no-store',
      });
      const status = err.statusCode ?? 400;
      const message = status === 414 ? 'address too long' : 'malformed address';
      if (isApi(req)) void reply.code(status).send({ error: { code: 'INVALID_ARGUMENT', message } });
      else {
        const t = requestI18n(req, ctx.config).t.errors;
        void reply
          .code(status)
          .type('text/html; charset=utf-8')
          .send(
            errorPage(pageContext(req, ctx.config), status, {
              message: status === 414 ? t.addressTooLong : t.malformedAddress,
            }),
          );
      }
    },
  });
  const requests = counter(
    ctx.registry,
    'ringfence_console_http_requests_total',
    'HTTP requests by route and status',
    ['route', 'status'],
  );
  const latency = histogram(
    ctx.registry,
    'ringfence_console_http_seconds',
    'HTTP request latency',
    [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    ['route'],
  );

  await app.register(cookie, { secret: ctx.cookieSecret });
  registerLanguageRoute(app, ctx.config);
  await app.register(formbody);
  app.addHook('onRequest', resolvePrincipal(ctx));
  await app.register(rateLimit, {
    max: ctx.config.requestsPerMinute,
    timeWindow: 60_000,
    hook: 'preHandler',
    keyGenerator: (req) => (req.principal === undefined ? `ip:${req.ip}` : `user:${req.principal.name}`),
  });

  app.addHook('onSend', async (req, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    if (!req.url.startsWith('/static/')) reply.header('cache-control', 'no-store');
    return payload;
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    requests.inc({ route, status: String(reply.statusCode) });
    latency.observe({ route }, reply.elapsedTime / 1000);
  });

  app.setErrorHandler(async (err, req, reply) => {
    const fastifyStatus = (err as { statusCode?: number }).statusCode;
    const rf = toRingfenceError(err);
    const status =
      rf.code === 'INTERNAL' && fastifyStatus !== undefined && fastifyStatus < 500
        ? fastifyStatus
        : httpStatus(rf.code);
    if (status >= 500) req.log.error({ err }, 'request failed');
    // Internal failures show a generic message: details stay in the log.
    const message = status >= 500 ? 'internal error' : rf.message;
    if (isApi(req)) return reply.code(status).send({ error: { code: rf.code, message } });
    const page = pageContext(req, ctx.config);
    const localised = status >= 500 ? undefined : errorText(page.i18n, rf.detail);
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(
        errorPage(
          page,
          status,
          localised !== undefined ? { message: localised } : status >= 500 ? {} : { detail: message },
        ),
      );
  });
  app.setNotFoundHandler(async (req, reply) => {
    if (isApi(req)) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'no such route' } });
    return reply
      .code(404)
      .type('text/html; charset=utf-8')
      .send(
        errorPage(pageContext(req, ctx.config), 404, {
          message: requestI18n(req, ctx.config).t.errors.noSuchPage,
        }),
      );
  });

  app.get('/static/console.css', async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'max-age=300').send(CONSOLE_CSS),
  );
  app.get('/static/console.js', async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'max-age=300').send(CONSOLE_JS),
  );

  registerAuthRoutes(app, ctx);
  registerPageRoutes(app, ctx);
  registerApiRoutes(app, ctx);
  registerAlertStream(app, ctx);
  return app;
}
