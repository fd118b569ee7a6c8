import { z } from 'zod';
import { cfg, loadConfig } from '@ringfence/common';
import { clickhouseDown, clickhouseStatus, clickhouseUp } from './clickhouse.js';
import { kafkaAddresses, kafkaDown, kafkaStatus, kafkaUp, type KafkaStackOptions } from './kafka.js';
import {
  CLUSTER_NAME,
  clickhouseClusterDown,
  clickhouseClusterStatus,
  clickhouseClusterUp,
  clusterExists,
  clusterNodes,
  clusterRunning,
  type ClickHouseClusterOptions,
} from './clickhouse-cluster.js';
import { stackPaths } from './paths.js';
import { zookeeperDown, zookeeperRunning, zookeeperStatus, zookeeperUp } from './zookeeper.js';

export const COMPONENTS = ['kafka', 'clickhouse'] as const;
export type Component = (typeof COMPONENTS)[number];

function portList() {
  return z
    .preprocess(
      (v) =>
        typeof v === 'string'
          ? v
              .split(',')
              .map((x) => x.trim())
              .filter((x) => x !== '')
          : v,
      z.array(cfg.port()).min(1),
    )
    .optional();
}

const stackConfigShape = {
  kafkaPort: cfg.port().default(9092),
  kafkaControllerPort: cfg.port().default(9093),
  /** Several brokers: each node's client port (default: KAFKA_PORT + 100 per node). */
  kafkaPorts: portList(),
  /** Several brokers: each node's controller port (default: KAFKA_CONTROLLER_PORT + 100 per node). */
  kafkaControllerPorts: portList(),
  /** Each broker JVM's heap flags, as Kafka's own scripts read them. */
  kafkaHeapOpts: z.string().optional(),
  /**
   * The brokers' `group.initial.rebalance.delay.ms`: 0 by default, so tests' groups form at once;
   * 3000 is Kafka's own default (production), where a new consumer group's first join waits 3 s.
   */
  kafkaGroupInitialRebalanceDelayMs: cfg.int(0, 300_000).default(0),
  clickhouseHttpPort: cfg.port().default(8123),
  clickhouseTcpPort: cfg.port().default(9000),
  /** The cluster layout's ZooKeeper. */
  zookeeperPort: cfg.port().default(2181),
  /**
   * The cluster layout's ports, (http, tcp, interserver) for s1r1, s1r2, s2r1, s2r2 in turn; default:
   * CLICKHOUSE_HTTP_PORT + k, CLICKHOUSE_TCP_PORT + k and 9009 + k for the k-th server.
   */
  clickhouseClusterPorts: z
    .preprocess(
      (v) => (typeof v === 'string' ? v.split(',').map((p) => Number(p.trim())) : v),
      z.array(cfg.port()).length(12),
    )
    .optional(),
  /** When set, Kafka is external and the local broker is neither started nor stopped. */
  kafkaBrokers: z.string().optional(),
  /** When set, ClickHouse is external and the local server is neither started nor stopped. */
  clickhouseUrl: z.string().optional(),
};

type StackConfig = Readonly<z.infer<z.ZodObject<typeof stackConfigShape>>>;

function stackConfig(): StackConfig {
  return loadConfig(z.object(stackConfigShape), { file: '' });
}

function kafkaOptions(c: StackConfig, brokers?: number): KafkaStackOptions {
  return {
    port: c.kafkaPort,
    controllerPort: c.kafkaControllerPort,
    brokers,
    ports: c.kafkaPorts,
    controllerPorts: c.kafkaControllerPorts,
    heapOpts: c.kafkaHeapOpts,
    groupInitialRebalanceDelayMs: c.kafkaGroupInitialRebalanceDelayMs,
  };
}

function clusterOptions(c: ReturnType<typeof stackConfig>): ClickHouseClusterOptions {
  return {
    nodes: clusterNodes(
      { httpPort: c.clickhouseHttpPort, tcpPort: c.clickhouseTcpPort },
      c.clickhouseClusterPorts,
    ),
    zookeeperPort: c.zookeeperPort,
  };
}

/** How `stack up` runs: Kafka nodes (one by default), and ClickHouse as one server or 2 shards × 2 replicas with ZooKeeper. */
export interface StackUpOptions {
  brokers?: number;
  clickhouseCluster?: boolean;
}

async function clusterUp(
  c: ReturnType<typeof stackConfig>,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  const paths = stackPaths();
  await zookeeperUp(paths, c.zookeeperPort, log, signal);
  const o = clusterOptions(c);
  await clickhouseClusterUp(paths, o, log, signal);
  // `ringfence db` reaches one server of each shard through these (CLICKHOUSE_CLUSTER_URLS).
  const urls = o.nodes.map((n) => `http://127.0.0.1:${n.httpPort}`);
  log(
    `clickhouse cluster: CLICKHOUSE_URL=${urls[0]} CLICKHOUSE_CLUSTER=${CLUSTER_NAME} CLICKHOUSE_CLUSTER_URLS=${urls.join(',')}`,
  );
}

function selected(only: readonly Component[] | undefined): Set<Component> {
  return new Set(only === undefined || only.length === 0 ? COMPONENTS : only);
}

/**
 * Brings up the local Kafka and ClickHouse (each skipped when configured as external). Idempotent.
 * `brokers` runs that many Kafka nodes (a new stack only; undefined: as formatted, else one).
 * When `signal` aborts it stops waiting and starts no further process (the caller then stops what
 * was started, with {@link stackDown}).
 */
export async function stackUp(
  log: (line: string) => void,
  only?: readonly Component[],
  signal?: AbortSignal,
  options: StackUpOptions = {},
): Promise<void> {
  const c = stackConfig();
  const paths = stackPaths();
  const want = selected(only);
  const tasks: Promise<void>[] = [];
  if (want.has('kafka')) {
    if (c.kafkaBrokers !== undefined) log(`kafka: external (${c.kafkaBrokers}), not started`);
    else tasks.push(kafkaUp(paths, kafkaOptions(c, options.brokers), log, signal));
  }
  if (want.has('clickhouse')) {
    if (c.clickhouseUrl !== undefined) log(`clickhouse: external (${c.clickhouseUrl}), not started`);
    else if (options.clickhouseCluster === true) tasks.push(clusterUp(c, log, signal));
    else
      tasks.push(
        clickhouseUp(paths, { httpPort: c.clickhouseHttpPort, tcpPort: c.clickhouseTcpPort }, log, signal),
      );
  }
  // Both settle before this returns, so a caller stopping after a failure stops a finished start.
  const results = await Promise.allSettled(tasks);
  for (const r of results) if (r.status === 'rejected') throw r.reason;
}

/**
 * Where services reach the stack: the configured external servers, else the local ones on their
 * configured ports (KAFKA_PORT, CLICKHOUSE_HTTP_PORT).
 */
export function stackAddresses(): { kafkaBrokers: string; clickhouseUrl: string } {
  const c = stackConfig();
  return {
    kafkaBrokers: c.kafkaBrokers ?? kafkaAddresses(stackPaths(), kafkaOptions(c)).join(','),
    clickhouseUrl: c.clickhouseUrl ?? `http://127.0.0.1:${c.clickhouseHttpPort}`,
  };
}

/**
 * Stops only what `stackUp` started, by pid file: the single server and, when it was made, the
 * cluster. `nodes` (e.g. `s1r2`) stops only those servers of the cluster, as a fault test does.
 */
export async function stackDown(
  log: (line: string) => void,
  only?: readonly Component[],
  nodes?: readonly string[],
): Promise<void> {
  const c = stackConfig();
  const paths = stackPaths();
  if (nodes !== undefined && nodes.length > 0) {
    await clickhouseClusterDown(paths, clusterOptions(c), log, nodes);
    return;
  }
  const want = selected(only);
  if (want.has('kafka') && c.kafkaBrokers === undefined) await kafkaDown(paths, log);
  if (want.has('clickhouse') && c.clickhouseUrl === undefined) {
    await clickhouseDown(paths, log);
    if (clusterExists(paths)) {
      await clickhouseClusterDown(paths, clusterOptions(c), log);
      await zookeeperDown(paths, log);
    }
  }
}

export async function stackStatus(): Promise<{ lines: string[]; healthy: boolean }> {
  const c = stackConfig();
  const paths = stackPaths();
  const lines = [
    ...(c.kafkaBrokers === undefined
      ? await kafkaStatus(paths, kafkaOptions(c))
      : [`kafka      external  ${c.kafkaBrokers}`]),
    c.clickhouseUrl === undefined
      ? await clickhouseStatus(paths, c.clickhouseHttpPort)
      : `clickhouse external  ${c.clickhouseUrl}`,
  ];
  if (
    c.clickhouseUrl === undefined &&
    (clusterRunning(paths, clusterOptions(c)) || zookeeperRunning(paths))
  ) {
    // The cluster layout is in use in place of the single server: report its servers and ZooKeeper.
    lines.splice(
      lines.length - 1,
      1,
      await zookeeperStatus(paths, c.zookeeperPort),
      ...(await clickhouseClusterStatus(paths, clusterOptions(c))),
    );
  }
  return { lines, healthy: lines.every((l) => !/\bdown\b/.test(l)) };
}
