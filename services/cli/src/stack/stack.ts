import { z } from 'zod';
import { cfg, loadConfig } from '@ringfence/common';
import { clickhouseDown, clickhouseStatus, clickhouseUp } from './clickhouse.js';
import { kafkaDown, kafkaStatus, kafkaUp } from './kafka.js';
import { stackPaths } from './paths.js';

export const COMPONENTS = ['kafka', 'clickhouse'] as const;
export type Component = (typeof COMPONENTS)[number];

const stackConfigShape = {
  kafkaPort: cfg.port().default(9092),
  kafkaControllerPort: cfg.port().default(9093),
  clickhouseHttpPort: cfg.port().default(8123),
  clickhouseTcpPort: cfg.port().default(9000),
  /** When set, Kafka is external and the local broker is neither started nor stopped. */
  kafkaBrokers: z.string().optional(),
  /** When set, ClickHouse is external and the local server is neither started nor stopped. */
  clickhouseUrl: z.string().optional(),
};

function stackConfig(): Readonly<z.infer<z.ZodObject<typeof stackConfigShape>>> {
  return loadConfig(z.object(stackConfigShape), { file: '' });
}

function selected(only: readonly Component[] | undefined): Set<Component> {
  return new Set(only === undefined || only.length === 0 ? COMPONENTS : only);
}

/**
 * Brings up the local Kafka and ClickHouse (each skipped when configured as external). Idempotent.
 * When `signal` aborts it stops waiting and starts no further process (the caller then stops what
 * was started, with {@link stackDown}).
 */
export async function stackUp(
  log: (line: string) => void,
  only?: readonly Component[],
  signal?: AbortSignal,
): Promise<void> {
  const c = stackConfig();
  const paths = stackPaths();
  const want = selected(only);
  const tasks: Promise<void>[] = [];
  if (want.has('kafka')) {
    if (c.kafkaBrokers !== undefined) log(`kafka: external (${c.kafkaBrokers}), not started`);
    else
      tasks.push(kafkaUp(paths, { port: c.kafkaPort, controllerPort: c.kafkaControllerPort }, log, signal));
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
    kafkaBrokers: c.kafkaBrokers ?? `127.0.0.1:${c.kafkaPort}`,
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
  const lines = [await kafkaStatus(paths, c.kafkaPort), await clickhouseStatus(paths, c.clickhouseHttpPort)];
  if (c.kafkaBrokers !== undefined) lines[0] = `kafka      external  ${c.kafkaBrokers}`;
  if (c.clickhouseUrl !== undefined) lines[1] = `clickhouse external  ${c.clickhouseUrl}`;
  return { lines, healthy: lines.every((l) => !/\bdown\b/.test(l)) };
}
