import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { parse } from 'yaml';
import { z } from 'zod';

const repo = join(import.meta.dirname, '..', '..');
export const ALERT_RULES_FILE = join(repo, 'deploy', 'prometheus', 'ringfence-alerts.yaml');
/** The replicated ClickHouse's rules (deploy/k8s): series its servers and Keeper nodes serve. */
export const CLICKHOUSE_ALERT_RULES_FILE = join(repo, 'deploy', 'prometheus', 'clickhouse-alerts.yaml');

const ruleSchema = z.strictObject({
  alert: z.string().regex(/^Ringfence[A-Za-z]+$/),
  expr: z.string().min(1),
  for: z
    .string()
    .regex(/^\d+[smh]$/)
    .optional(),
  labels: z.strictObject({ severity: z.enum(['critical', 'warning']) }),
  annotations: z.strictObject({ summary: z.string(), description: z.string(), runbook: z.string() }),
});

/** The rule file's shape as Prometheus loads it: groups of alerting rules, nothing else. */
const rulesFileSchema = z.strictObject({
  groups: z.array(z.strictObject({ name: z.string(), rules: z.array(ruleSchema).min(1) })).min(1),
});

export type AlertRule = z.infer<typeof ruleSchema>;

/** Every alerting rule of a rule file (the services' by default); throws where it is not that shape. */
export function alertRules(path = ALERT_RULES_FILE): AlertRule[] {
  const file = rulesFileSchema.parse(parse(readFileSync(path, 'utf8')));
  return file.groups.flatMap((g) => g.rules);
}

export interface ParsedExpr {
  /** Where PromQL's grammar found no valid syntax (offsets into the expression). */
  errors: number[];
  /** The metric names of its selectors. */
  metrics: string[];
  /** Each equality or regex matcher on `service`: its operator and value. */
  serviceMatchers: { op: string; value: string }[];
}

/** Parses a PromQL expression with Prometheus's own grammar (the one its UI uses). */
export function parseExpr(expr: string): ParsedExpr {
  const out: ParsedExpr = { errors: [], metrics: [], serviceMatchers: [] };
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError) out.errors.push(node.from);
      if (node.name === 'VectorSelector') {
        const name = node.node.getChild('Identifier');
        if (name !== null) out.metrics.push(expr.slice(name.from, name.to));
      }
      if (node.name === 'UnquotedLabelMatcher') {
        const text = expr.slice(node.from, node.to);
        const m = /^service\s*(=~|=)\s*"([^"]*)"$/.exec(text);
        if (m !== null) out.serviceMatchers.push({ op: m[1]!, value: m[2]! });
      }
    },
  });
  return out;
}

/** The name a series of `metric` is declared under: histograms serve `_bucket`, `_sum` and `_count`. */
export function declaredName(metric: string, declared: ReadonlyMap<string, string>): string | undefined {
  if (declared.has(metric)) return metric;
  const base = metric.replace(/_(bucket|sum|count)$/, '');
  return declared.get(base) === 'histogram' ? base : undefined;
}
