import { Registry, collectDefaultMetrics, Counter, Gauge, Histogram } from 'prom-client';

export { Counter, Gauge, Histogram, Registry } from 'prom-client';

const EVENT_LOOP_SAMPLE_MS = 100;

/** A Prometheus registry for one service, with process metrics and a `service` label on everything. */
export function createMetrics(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  // The event-loop delay histogram samples on a timer: at prom-client's default 10 ms it wakes an
  // idle process 100 times a second, about a third of an idle scorer's CPU; 10 samples a second
  // still fill a scrape interval's percentiles.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  return registry;
}

/** Creates (or returns the already registered) counter, so components can share one registry safely. */
export function counter<L extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly L[] = [],
): Counter<L> {
  const existing = registry.getSingleMetric(name);
  if (existing !== undefined) return existing as Counter<L>;
  return new Counter({ name, help, labelNames, registers: [registry] });
}

/**
 * Creates (or returns the already registered) gauge. With `collect`, the gauge is set by it at every
 * scrape: for figures read from elsewhere, which would otherwise need a timer of their own.
 */
export function gauge<L extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly L[] = [],
  collect?: (g: Gauge<L>) => void,
): Gauge<L> {
  const existing = registry.getSingleMetric(name);
  if (existing !== undefined) return existing as Gauge<L>;
  if (collect === undefined) return new Gauge({ name, help, labelNames, registers: [registry] });
  return new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      collect(this);
    },
  });
}

/** Creates (or returns the already registered) histogram. */
export function histogram<L extends string>(
  registry: Registry,
  name: string,
  help: string,
  buckets: number[],
  labelNames: readonly L[] = [],
): Histogram<L> {
  const existing = registry.getSingleMetric(name);
  if (existing !== undefined) return existing as Histogram<L>;
  return new Histogram({ name, help, buckets, labelNames, registers: [registry] });
}
