import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertRules, CLICKHOUSE_ALERT_RULES_FILE, parseExpr } from './support/alert-rules.js';

// The alerting rules shipped in deploy/prometheus, held to PromQL's grammar and to the operations
// guide. That every series they name is served by the running services is checked by the main-job
// test, which runs all six.
const SERVICES = ['ingest', 'scorer', 'sink', 'risk-api', 'console', 'exporter'];
const guide = readFileSync(join(import.meta.dirname, '..', 'docs', 'operations.md'), 'utf8');

describe('deploy/prometheus/ringfence-alerts.yaml', () => {
  const rules = alertRules();

  it('is a Prometheus rule file of uniquely named alerts', () => {
    expect(rules.length).toBeGreaterThan(10);
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
  });

  it('has expressions that parse as PromQL and name series of the six services', () => {
    for (const r of rules) {
      const parsed = parseExpr(r.expr);
      expect({ alert: r.alert, errors: parsed.errors }).toEqual({ alert: r.alert, errors: [] });
      expect(parsed.metrics.length, r.alert).toBeGreaterThan(0);
      for (const m of parsed.serviceMatchers) {
        const values = m.op === '=' ? [m.value] : m.value.split('|');
        for (const v of values) expect(SERVICES, `${r.alert}: service "${v}"`).toContain(v);
      }
    }
  });

  it('finds a syntax error where there is one', () => {
    expect(parseExpr('sum(rate(ringfence_sink_paused[5m])').errors).not.toEqual([]);
    expect(parseExpr('sum(rate(ringfence_sink_paused[5m]))').errors).toEqual([]);
  });

  it('points each alert at its section of docs/operations.md, and the guide has no section for an alert that is gone', () => {
    const all = [...rules, ...alertRules(CLICKHOUSE_ALERT_RULES_FILE)];
    const sections = [...guide.matchAll(/^### (Ringfence\w+)$/gm)].map((m) => m[1]);
    expect(sections.sort()).toEqual(all.map((r) => r.alert).sort());
    expect(new Set(all.map((r) => r.alert)).size).toBe(all.length);
    for (const r of all) expect(r.annotations.runbook).toBe(`docs/operations.md#${r.alert.toLowerCase()}`);
  });
});

// The replicated ClickHouse's own series (deploy/k8s): ClickHouse's Prometheus endpoint names them
// ClickHouseMetrics_<system.metrics>, ClickHouseAsyncMetrics_<system.asynchronous_metrics>.
describe('deploy/prometheus/clickhouse-alerts.yaml', () => {
  const rules = alertRules(CLICKHOUSE_ALERT_RULES_FILE);

  it('has expressions that parse as PromQL and name only ClickHouse series', () => {
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) {
      const parsed = parseExpr(r.expr);
      expect({ alert: r.alert, errors: parsed.errors }).toEqual({ alert: r.alert, errors: [] });
      expect(parsed.metrics.length, r.alert).toBeGreaterThan(0);
      for (const m of parsed.metrics)
        expect(m, r.alert).toMatch(/^ClickHouse(Metrics|AsyncMetrics)_[A-Za-z]+$/);
    }
  });
});
