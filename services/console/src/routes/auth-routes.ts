import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PRELOGIN_COOKIE, SESSION_COOKIE, audit, requirePermission, sameToken } from '../auth.js';
import type { ConsoleContext } from '../context.js';
import { requestI18n, safeNext } from '../i18n/request.js';
import type { Messages } from '../i18n/index.js';
import { loginPage } from '../views/login-view.js';

const loginSchema = z.object({
  username: z.string().max(64).default(''),
  password: z.string().max(1024).default(''),
  _csrf: z.string().max(128).optional(),
  next: z.string().max(2048).optional(),
});

/** Login (double-submit CSRF before a session exists, throttled per IP and per user) and logout. */
export function registerAuthRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const cookieBase = { httpOnly: true, sameSite: 'strict' as const, secure: ctx.config.cookieSecure };

  const showLogin = async (
    req: FastifyRequest,
    reply: FastifyReply,
    next: string,
    status: number,
    message?: (t: Messages) => string,
  ): Promise<void> => {
    const i18n = requestI18n(req, ctx.config);
    const pre = randomBytes(24).toString('base64url');
    await reply
      .code(status)
      .setCookie(PRELOGIN_COOKIE, pre, { ...cookieBase, path: '/login' })
      .type('text/html; charset=utf-8')
      .send(
        loginPage({ i18n, path: `/login?next=${encodeURIComponent(next)}` }, pre, next, message?.(i18n.t)),
      );
  };

  app.get('/login', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    await showLogin(req, reply, safeNext(q['next']), 200);
  });

  app.post('/login', async (req, reply) => {
    const parsed = loginSchema.safeParse(req.body ?? {});
    const body = parsed.success
      ? parsed.data
      : { username: '', password: '', _csrf: undefined, next: undefined };
    const next = safeNext(body.next);
    const asApi =
      req.headers.accept?.includes('application/json') === true && !req.headers.accept.includes('text/html');
    if (!sameToken(body._csrf, req.cookies[PRELOGIN_COOKIE])) {
      await audit(ctx, req, {
        actor: body.username || 'anonymous',
        action: 'login',
        outcome: 'denied',
        detail: { why: 'csrf' },
      });
      return showLogin(req, reply, next, 403, (t) => t.login.formExpired);
    }
    if (!ctx.throttle.attempt(req.ip, body.username)) {
      await audit(ctx, req, {
        actor: body.username || 'anonymous',
        action: 'login',
        outcome: 'denied',
        detail: { why: 'rate-limited' },
      });
      return showLogin(req, reply, next, 429, (t) => t.login.tooManyAttempts);
    }
    const principal = await ctx.users.authenticate(body.username, body.password);
    if (principal === undefined) {
      ctx.throttle.failed(body.username);
      await audit(ctx, req, {
        actor: body.username || 'anonymous',
        action: 'login',
        outcome: 'denied',
        detail: { why: 'bad credentials' },
      });
      return showLogin(req, reply, next, 401, (t) => t.login.wrongCredentials);
    }
    ctx.throttle.succeeded(body.username);
    const s = ctx.sessions.create(principal.name);
    await audit(ctx, req, { actor: principal.name, action: 'login', outcome: 'ok' });
    reply
      .clearCookie(PRELOGIN_COOKIE, { path: '/login' })
      .setCookie(SESSION_COOKIE, s.id, { ...cookieBase, path: '/', signed: true });
    if (asApi) return reply.send({ user: principal.name, role: principal.role, csrf: s.csrf });
    return reply.redirect(next, 303);
  });

  app.post('/logout', { preHandler: requirePermission(ctx, 'view') }, async (req, reply) => {
    if (req.rfSession !== undefined) ctx.sessions.destroy(req.rfSession.id);
    await audit(ctx, req, { action: 'logout' });
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).redirect('/login', 303);
  });
}
