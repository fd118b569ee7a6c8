import { listAlerts } from '@ringfence/store';
import type { FastifyInstance } from 'fastify';
import { requirePermission } from '../auth.js';
import type { ConsoleContext } from '../context.js';

const POLL_MS = 2_000;

/**
 * Server-sent events of new alerts, polled from ClickHouse (the alerts table the sink fills from
 * alerts.v1), so any number of console replicas share one source and need no Kafka consumer group.
 */
export function registerAlertStream(app: FastifyInstance, ctx: ConsoleContext): void {
  app.get('/alerts/stream', { preHandler: requirePermission(ctx, 'view') }, (req, reply) => {
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
    const tick = async (): Promise<void> => {
      if (busy) return;
      busy = true;
      try {
        const alerts = await listAlerts(ctx.db, { from: since, to: Date.now() + 86_400_000, limit: 200 });
        for (const a of alerts.reverse()) {
          if (seen.has(a.alertId)) continue;
          seen.add(a.alertId);
          res.write(`event: alert\nid: ${a.alertId}\ndata: ${JSON.stringify(a)}\n\n`);
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
    const timer = setInterval(() => void tick(), POLL_MS);
    void tick();
    req.raw.on('close', () => clearInterval(timer));
  });
}
