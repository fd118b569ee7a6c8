import type { FastifyInstance } from 'fastify';
import { requirePermission } from '../auth.js';
import type { ConsoleContext } from '../context.js';
import {
  actionOp,
  alertsOp,
  auditOp,
  campaignActionOp,
  campaignOp,
  campaignsOp,
  investigateOp,
  redressDecideOp,
  redressListOp,
  redressOpenOp,
  tracebackOp,
  undoOp,
} from '../operations.js';

/** The JSON API (docs/console-api.md): the same operations as the pages, same auth and audit. */
export function registerApiRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const view = requirePermission(ctx, 'view');
  const act = requirePermission(ctx, 'act');

  app.get('/api/v1/me', { preHandler: view }, (req) => ({
    user: req.principal?.name,
    role: req.principal?.role,
    auth: req.authVia,
    csrf: req.rfSession?.csrf,
  }));

  app.get<{ Params: { number: string } }>('/api/v1/numbers/:number', { preHandler: view }, (req) =>
    investigateOp(ctx, req, req.params.number, req.query),
  );

  app.get<{ Params: { kind: string; id: string } }>(
    '/api/v1/traceback/:kind/:id',
    { preHandler: view },
    (req) => tracebackOp(ctx, req, req.params.kind, req.params.id, req.query),
  );

  app.post('/api/v1/actions', { preHandler: act }, async (req, reply) => {
    const r = await actionOp(ctx, req, req.body);
    return reply.code(201).send(r);
  });

  app.post('/api/v1/actions/undo', { preHandler: act }, async (req, reply) => {
    const r = await undoOp(ctx, req, req.body);
    return reply.code(201).send(r);
  });

  app.get('/api/v1/campaigns', { preHandler: view }, (req) => campaignsOp(ctx, req));

  app.get<{ Params: { id: string } }>('/api/v1/campaigns/:id', { preHandler: view }, (req) =>
    campaignOp(ctx, req, req.params.id),
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/campaigns/:id/actions',
    { preHandler: act },
    async (req, reply) => {
      const r = await campaignActionOp(ctx, req, req.params.id, req.body);
      return reply.code(201).send(r);
    },
  );

  app.get('/api/v1/alerts', { preHandler: view }, async (req) => ({
    alerts: await alertsOp(ctx, req, req.query),
  }));

  app.get('/api/v1/redress', { preHandler: view }, async (req) => ({ cases: await redressListOp(ctx, req) }));

  app.post('/api/v1/redress', { preHandler: requirePermission(ctx, 'redress.open') }, async (req, reply) => {
    const c = await redressOpenOp(ctx, req, req.body);
    return reply.code(201).send(c);
  });

  app.post<{ Params: { caseId: string } }>(
    '/api/v1/redress/:caseId/decision',
    { preHandler: requirePermission(ctx, 'redress.decide') },
    (req) => redressDecideOp(ctx, req, req.params.caseId, req.body),
  );

  app.get('/api/v1/audit', { preHandler: requirePermission(ctx, 'audit.read') }, async (req) => ({
    entries: await auditOp(ctx, req, req.query),
  }));
}
