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

/** Brings up the local Kafka and ClickHouse (each skipped when configured as external). Idempotent. */
export async function stackUp(log: (line: string) => void, only?: readonly Component[]): Promise<void> {
  const c = stackConfig();
  const paths = stackPaths();
  const want = selected(only);
  const tasks: Promise<void>[] = [];
  if (want.has('kafka')) {
    if (c.kafkaBrokers !== undefined) log(`kafka: external (${c.kafkaBrokers}), not started`);
    else tasks.push(kafkaUp(paths, { port: c.kafkaPort, controllerPort: c.kafkaControllerPort }, log));
  }
  if (want.has('clickhouse')) {
    if (c.clickhouseUrl !== undefined) log(`clickhouse: external (${c.clickhouseUrl}), not started`);
    else
      tasks.push(clickhouseUp(paths, { httpPort: c.clickhouseHttpPort, tcpPort: c.clickhouseTcpPort }, log));
  }
  await Promise.all(tasks);
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
