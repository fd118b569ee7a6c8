import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requirePermission } from '../auth.js';
import type { ConsoleConfig } from '../config.js';
import type { ConsoleContext } from '../context.js';
import { requestI18n, switchBackPath } from '../i18n/request.js';
import { subjectNumber } from '../investigation.js';
import {
  actionOp,
  alertsOp,
  auditOp,
  campaignActionOp,
  campaignsOp,
  investigateOp,
  redressDecideOp,
  redressListOp,
  redressOpenOp,
  tracebackOp,
  undoOp,
} from '../operations.js';
import { alertsPage } from '../views/alerts-view.js';
import { auditPage } from '../views/audit-view.js';
import { campaignsPage } from '../views/campaigns-view.js';
import { errorPage, type PageContext } from '../views/layout.js';
import { numberPage } from '../views/number-view.js';
import { redressPage } from '../views/redress-view.js';
import { tracebackPage } from '../views/traceback-view.js';

export function pageContext(req: FastifyRequest, config: ConsoleConfig): PageContext {
  return {
    i18n: requestI18n(req, config),
    path: switchBackPath(req),
    principal: req.principal,
    csrf: req.rfSession?.csrf,
  };
}

async function sendPage(reply: FastifyReply, page: string): Promise<void> {
  await reply.type('text/html; charset=utf-8').send(page);
}

/** Back to the page the form was on; only the console's own subject pages are accepted. */
function backTo(body: unknown): string {
  const b = (body ?? {}) as Record<string, unknown>;
  const back = typeof b['back'] === 'string' ? b['back'] : '/';
  return /^\/(numbers|traceback)\/[^/]/.test(back) && !back.includes('//') ? back : '/';
}

/** The server-rendered pages (forms post here; every write needs the session's CSRF token). */
export function registerPageRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const view = requirePermission(ctx, 'view');
  const act = requirePermission(ctx, 'act');

  app.get('/', { preHandler: view }, async (req, reply) => {
    const alerts = await alertsOp(ctx, req, { limit: 25 });
    await sendPage(reply, alertsPage(pageContext(req, ctx.config), alerts, 'recent'));
  });

  app.get('/search', { preHandler: view }, async (req, reply) => {
    const q = (req.query as Record<string, unknown>)['q'];
    if (typeof q !== 'string' || q.trim() === '' || q.length > 64) {
      const pc = pageContext(req, ctx.config);
      return reply
        .code(400)
        .type('text/html; charset=utf-8')
        .send(errorPage(pc, 400, { message: pc.i18n.t.errors.enterNumber }));
    }
    return reply.redirect(
      `/numbers/${encodeURIComponent(subjectNumber(q, ctx.config.region))}?q=${encodeURIComponent(q)}`,
      303,
    );
  });

  app.get<{ Params: { number: string } }>('/numbers/:number', { preHandler: view }, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const inv = await investigateOp(ctx, req, typeof q['q'] === 'string' ? q['q'] : req.params.number, q);
    await sendPage(reply, numberPage(pageContext(req, ctx.config), inv));
  });

  app.get<{ Params: { kind: string; id: string } }>(
    '/traceback/:kind/:id',
    { preHandler: view },
    async (req, reply) => {
      const q = req.query as Record<string, unknown>;
      const report = await tracebackOp(ctx, req, req.params.kind, req.params.id, q);
      await sendPage(reply, tracebackPage(pageContext(req, ctx.config), report, q['print'] === '1'));
    },
  );

  app.post('/actions', { preHandler: act }, async (req, reply) => {
    await actionOp(ctx, req, req.body);
    return reply.redirect(backTo(req.body), 303);
  });

  app.post('/actions/undo', { preHandler: act }, async (req, reply) => {
    await undoOp(ctx, req, req.body);
    return reply.redirect(backTo(req.body), 303);
  });

  app.get('/campaigns', { preHandler: view }, async (req, reply) => {
    await sendPage(reply, campaignsPage(pageContext(req, ctx.config), await campaignsOp(ctx, req)));
  });

  app.post<{ Params: { id: string } }>('/campaigns/:id/actions', { preHandler: act }, async (req, reply) => {
    const r = await campaignActionOp(ctx, req, req.params.id, req.body);
    return reply.redirect(`/campaigns#${r.campaignId}`, 303);
  });

  app.get('/alerts', { preHandler: view }, async (req, reply) => {
    await sendPage(reply, alertsPage(pageContext(req, ctx.config), await alertsOp(ctx, req, req.query)));
  });

  app.get('/redress', { preHandler: view }, async (req, reply) => {
    await sendPage(reply, redressPage(pageContext(req, ctx.config), await redressListOp(ctx, req)));
  });

  app.post('/redress', { preHandler: requirePermission(ctx, 'redress.open') }, async (req, reply) => {
    await redressOpenOp(ctx, req, req.body);
    return reply.redirect('/redress', 303);
  });

  app.post<{ Params: { caseId: string } }>(
    '/redress/:caseId/decision',
    { preHandler: requirePermission(ctx, 'redress.decide') },
    async (req, reply) => {
      await redressDecideOp(ctx, req, req.params.caseId, req.body);
      return reply.redirect('/redress', 303);
    },
  );

  app.get('/audit', { preHandler: requirePermission(ctx, 'audit.read') }, async (req, reply) => {
    await sendPage(reply, auditPage(pageContext(req, ctx.config), await auditOp(ctx, req, req.query)));
  });
}
