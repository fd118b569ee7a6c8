/**
 * Helpers for integration tests against the real servers: a scope (own topics and database) on the
 * shared local stack, a private stack a fault test may stop, and polling, port and metrics helpers.
 */
export {
  CLICKHOUSE_LAYOUTS,
  type ClickHouseLayout,
  type LayoutDb,
  type LayoutScope,
  type LayoutTarget,
} from './clickhouse-layouts.js';
export { freePort } from './free-port.js';
export { countSeries, declaredMetrics, scrapeMetrics, sumMetric } from './ops-metrics.js';
export {
  CLUSTER_NODES,
  PrivateClickHouseCluster,
  type ClusterNodeName,
} from './private-clickhouse-cluster.js';
export { PrivateStack, type PrivateStackOptions, type StackComponent } from './private-stack.js';
export { seededRandom } from './seeded-random.js';
export { processCpuSeconds, processPeakRssBytes, stackServerCpuSeconds } from './server-cpu.js';
export {
  readTopics,
  sweepTestScopes,
  testStack,
  type TestStack,
  type TestStackOptions,
} from './test-stack.js';
export { until } from './until.js';
