import { timingSafeEqual } from 'node:crypto';
import { appendAudit, type AuditEntry } from '@ringfence/store';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { ConsoleContext } from './context.js';
import { requestI18n, switchBackPath } from './i18n/request.js';
import { can, type Permission } from './roles.js';
import type { Session } from './sessions.js';
import type { Principal } from './users.js';
import { errorPage } from './views/layout.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    rfSession?: Session;
    authVia?: 'session' | 'token';
  }
}

export const SESSION_COOKIE = 'rf_sid';
export const PRELOGIN_COOKIE = 'rf_pre';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isApi(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/');
}

/** Constant-time string comparison (false for different lengths or empty values). */
export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || a === '' || b === '') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Writes one audit entry for the request's principal (or 'anonymous'), address and user agent. */
export async function audit(
  ctx: ConsoleContext,
  req: FastifyRequest,
  entry: Omit<AuditEntry, 'actor' | 'sourceIp' | 'userAgent'> & { actor?: string },
): Promise<void> {
  await appendAudit(ctx.db, [
    {
      ...entry,
      actor: entry.actor ?? req.principal?.name ?? 'anonymous',
      sourceIp: req.ip,
      userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300),
    },
  ]);
}

/** onRequest: who is calling, from a bearer API token or the signed session cookie. */
export function resolvePrincipal(ctx: ConsoleContext): (req: FastifyRequest) => Promise<void> {
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (req) => {
    const header = req.headers.authorization;
    if (header !== undefined && /^Bearer /i.test(header)) {
      const p = ctx.users.byToken(header.slice(7).trim());
      if (p !== undefined) {
        req.principal = p;
        req.authVia = 'token';
      }
      return;
    }
    const raw = req.cookies[SESSION_COOKIE];
    if (raw === undefined) return;
    const unsigned = req.unsignCookie(raw);
    if (!unsigned.valid || unsigned.value === null) return;
    const s = ctx.sessions.get(unsigned.value);
    if (s === undefined) return;
    const p = ctx.users.current(s.user);
    if (p === undefined) {
      ctx.sessions.destroy(s.id);
      return;
    }
    req.principal = p;
    req.rfSession = s;
    req.authVia = 'session';
  };
}

function csrfFrom(req: FastifyRequest): string | undefined {
  const h = req.headers['x-csrf-token'];
  if (typeof h === 'string') return h;
  const body = req.body as Record<string, unknown> | undefined;
  const v = body?.['_csrf'];
  return typeof v === 'string' ? v : undefined;
}

const CSRF_REFUSED = 'missing or wrong CSRF token';

async function deny(
  ctx: ConsoleContext,
  req: FastifyRequest,
  reply: FastifyReply,
  status: 401 | 403,
  why: string,
): Promise<void> {
  if (status === 403) {
    await audit(ctx, req, {
      action: 'access.denied',
      outcome: 'denied',
      detail: { route: req.routeOptions.url ?? '', method: req.method, why },
    });
  }
  if (isApi(req)) {
    await reply
      .code(status)
      .send({ error: { code: status === 401 ? 'UNAUTHENTICATED' : 'PERMISSION_DENIED', message: why } });
    return;
  }
  if (status === 403) {
    const i18n = requestI18n(req, ctx.config);
    const page = { i18n, path: switchBackPath(req), principal: req.principal, csrf: req.rfSession?.csrf };
    await reply
      .code(403)
      .type('text/html; charset=utf-8')
      .send(errorPage(page, 403, why === CSRF_REFUSED ? { message: i18n.t.errors.csrf } : {}));
    return;
  }
  await reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
}

/**
 * preHandler for every route that needs a user: 401 (API) or a redirect to the login page without
 * one; 403 when the role lacks the permission or a cookie-authenticated write lacks its CSRF token.
 */
export function requirePermission(ctx: ConsoleContext, permission: Permission): preHandlerAsyncHookHandler {
  return async function guard(req, reply) {
    if (req.principal === undefined) return deny(ctx, req, reply, 401, 'sign in first');
    if (
      req.authVia === 'session' &&
      UNSAFE.has(req.method) &&
      !sameToken(csrfFrom(req), req.rfSession?.csrf)
    ) {
      return deny(ctx, req, reply, 403, CSRF_REFUSED);
    }
    if (!can(req.principal.role, permission)) {
      return deny(ctx, req, reply, 403, `role ${req.principal.role} may not ${permission}`);
    }
  };
}
