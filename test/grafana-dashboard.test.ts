import { describe, expect, it } from 'vitest';
import { parseExpr } from './support/alert-rules.js';
import { dashboard, queryPanels } from './support/grafana-dashboard.js';

// The Grafana dashboard shipped in deploy/grafana: every query held to PromQL's grammar and to the
// services' namespace, and a layout Grafana draws without overlaps. That every series it names is
// served by the running services is checked by the main-job test.
describe('deploy/grafana/ringfence-overview.json', () => {
  const d = dashboard();
  const panels = queryPanels(d);

  it('queries through the datasource it lets the user pick, with unique panel ids', () => {
    expect(d.templating.list).toContainEqual(
      expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
    );
    expect(panels.length).toBeGreaterThan(10);
    expect(new Set(d.panels.map((p) => p.id)).size).toBe(d.panels.length);
  });

  it('has queries that parse as PromQL and name Ringfence, process or Node.js series', () => {
    for (const p of panels) {
      for (const t of p.targets) {
        const parsed = parseExpr(t.expr);
        expect({ panel: p.title, errors: parsed.errors }).toEqual({ panel: p.title, errors: [] });
        expect(parsed.metrics.length, p.title).toBeGreaterThan(0);
        for (const m of parsed.metrics)
          expect(m, p.title).toMatch(/^(ringfence_[a-z]+(_api)?_|process_|nodejs_)/);
      }
    }
  });

  it('finds a query that does not parse', () => {
    expect(parseExpr('sum by (topic (ringfence_scorer_consumer_lag)').errors).not.toEqual([]);
  });

  it('lays its panels out on the 24-column grid without overlaps', () => {
    const boxes = d.panels.map((p) => ({ title: p.title, ...p.gridPos }));
    for (const b of boxes) expect(b.x + b.w, b.title).toBeLessThanOrEqual(24);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${a.title} / ${b.title}`).toBe(false);
      }
  });
});
