import { listAlerts } from '@ringfence/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requirePermission } from '../auth.js';
import type { ConsoleContext } from '../context.js';
import { requestI18n } from '../i18n/request.js';
import { can } from '../roles.js';
import { alertCells } from '../views/alerts-view.js';

const POLL_MS = 2_000;

/**
 * Whether the one who opened a stream may still see it. The guard ran once, at connect; a stream
 * lives for hours, so logout, session expiry and a disabled user must be noticed on the way.
 */
function stillAllowed(ctx: ConsoleContext, req: FastifyRequest): () => boolean {
  const sessionId = req.rfSession?.id;
  const name = req.principal?.name;
  return () => {
    if (name === undefined) return false;
    if (sessionId !== undefined && ctx.sessions.peek(sessionId) === undefined) return false;
    const p = ctx.users.current(name);
    return p !== undefined && can(p.role, 'view');
  };
}

/**
 * Server-sent events of new alerts, polled from ClickHouse (the alerts table the sink fills from
 * alerts.v1), so any number of console replicas share one source and need no Kafka consumer group.
 */
export function registerAlertStream(app: FastifyInstance, ctx: ConsoleContext): void {
  app.get('/alerts/stream', { preHandler: requirePermission(ctx, 'view') }, (req, reply) => {
    const allowed = stillAllowed(ctx, req);
    const i18n = requestI18n(req, ctx.config);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    let since = Date.now() - 60_000;
    const seen = new Set<string>();
    let busy = false;
    let ended = false;
    const tick = async (): Promise<void> => {
      if (busy) return;
      busy = true;
      try {
        const alerts = await listAlerts(ctx.db, { from: since, to: Date.now() + 86_400_000, limit: 200 });
        if (ended) return;
        for (const a of alerts.reverse()) {
          if (seen.has(a.alertId)) continue;
          seen.add(a.alertId);
          // `view` carries the cells already in the session's language and time zone, so the page's
          // script only places text.
          res.write(
            `event: alert\nid: ${a.alertId}\ndata: ${JSON.stringify({ ...a, view: alertCells(i18n, a) })}\n\n`,
          );
        }
        if (seen.size > 5_000) seen.clear();
        since = Math.max(since, Date.now() - 60_000);
        res.write(': keep-alive\n\n');
      } catch (err) {
        req.log.warn({ err }, 'alert stream poll failed');
      } finally {
        busy = false;
      }
    };
    const stop = (): void => {
      ended = true;
      clearInterval(poll);
      clearInterval(recheck);
    };
    const poll = setInterval(() => void tick(), POLL_MS);
    const recheck = setInterval(() => {
      if (allowed()) return;
      stop();
      // Tells the page to stop: a browser's EventSource reconnects after a plain close.
      res.end('event: end\ndata: {"reason":"signed out"}\n\n');
    }, ctx.config.alertStreamSessionCheckMs);
    void tick();
    req.raw.on('close', stop);
  });
}
