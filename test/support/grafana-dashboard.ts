import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const repo = join(import.meta.dirname, '..', '..');
export const DASHBOARD_FILE = join(repo, 'deploy', 'grafana', 'ringfence-overview.json');

const gridPos = z.strictObject({
  h: z.number().int().positive(),
  w: z.number().int().positive().max(24),
  x: z.number().int().min(0).max(23),
  y: z.number().int().min(0),
});
const datasource = z.strictObject({ type: z.literal('prometheus'), uid: z.literal('${datasource}') });
const rowPanel = z.object({
  id: z.number().int(),
  type: z.literal('row'),
  title: z.string().min(1),
  gridPos,
});
const queryPanel = z.object({
  id: z.number().int(),
  type: z.enum(['timeseries', 'stat']),
  title: z.string().min(1),
  description: z.string().min(1),
  datasource,
  gridPos,
  targets: z
    .array(
      z.strictObject({ refId: z.string(), datasource, expr: z.string().min(1), legendFormat: z.string() }),
    )
    .min(1),
});
const dashboardSchema = z.object({
  uid: z.string().min(1),
  title: z.string().min(1),
  schemaVersion: z.number().int(),
  templating: z.object({
    list: z.array(z.object({ name: z.string(), type: z.string(), query: z.string().optional() })),
  }),
  panels: z.array(
    z.discriminatedUnion('type', [
      rowPanel,
      queryPanel.extend({ type: z.literal('timeseries') }),
      queryPanel.extend({ type: z.literal('stat') }),
    ]),
  ),
});

export type Dashboard = z.infer<typeof dashboardSchema>;
export type QueryPanel = z.infer<typeof queryPanel>;

/** deploy/grafana/ringfence-overview.json; throws where it is not a dashboard of Prometheus panels. */
export function dashboard(): Dashboard {
  return dashboardSchema.parse(JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8')));
}

/** The panels that query Prometheus (not the rows that group them). */
export function queryPanels(d: Dashboard): QueryPanel[] {
  return d.panels.filter((p): p is QueryPanel => p.type !== 'row');
}
