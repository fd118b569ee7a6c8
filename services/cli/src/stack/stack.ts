import { z } from 'zod';
import { cfg, loadConfig } from '@ringfence/common';
import { clickhouseDown, clickhouseStatus, clickhouseUp } from './clickhouse.js';
import { kafkaAddresses, kafkaDown, kafkaStatus, kafkaUp, type KafkaStackOptions } from './kafka.js';
import { stackPaths } from './paths.js';

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
  clickhouseHttpPort: cfg.port().default(8123),
  clickhouseTcpPort: cfg.port().default(9000),
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
  };
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
  brokers?: number,
): Promise<void> {
  const c = stackConfig();
  const paths = stackPaths();
  const want = selected(only);
  const tasks: Promise<void>[] = [];
  if (want.has('kafka')) {
    if (c.kafkaBrokers !== undefined) log(`kafka: external (${c.kafkaBrokers}), not started`);
    else tasks.push(kafkaUp(paths, kafkaOptions(c, brokers), log, signal));
  }
  if (want.has('clickhouse')) {
    if (c.clickhouseUrl !== undefined) log(`clickhouse: external (${c.clickhouseUrl}), not started`);
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

/** Stops only what `stackUp` started, by pid file. */
export async function stackDown(log: (line: string) => void, only?: readonly Component[]): Promise<void> {
  const c = stackConfig();
  const paths = stackPaths();
  const want = selected(only);
  if (want.has('kafka') && c.kafkaBrokers === undefined) await kafkaDown(paths, log);
  if (want.has('clickhouse') && c.clickhouseUrl === undefined) await clickhouseDown(paths, log);
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
  return { lines, healthy: lines.every((l) => !/\bdown\b/.test(l)) };
}
