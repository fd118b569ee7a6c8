// node-rdkafka for the Kafka client bench. It is a native build (librdkafka) kept out of `npm ci`:
// installed on demand into .cache/kafka-candidates (git-ignored), compiled against the headers of
// the Node the project runs, which the npm registry's `node` package ships beside its binary
// (include/node). The types below are the part of node-rdkafka's API the bench uses.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const RDKAFKA_VERSION = '3.6.1';

export interface RdError {
  message: string;
  code: number;
}
export interface RdMessage {
  value: Buffer | null;
  key?: Buffer | string | null;
  topic: string;
  partition: number;
  offset: number;
}
type Callback<T = unknown> = (err: RdError | null | undefined, value: T) => void;
interface RdClient {
  connect(options: Record<string, unknown>, cb: Callback<unknown>): unknown;
  disconnect(cb: Callback<unknown>): unknown;
  on(event: 'event.error', listener: (err: RdError) => void): unknown;
  on(event: 'delivery-report', listener: (err: RdError | null | undefined) => void): unknown;
  queryWatermarkOffsets(
    topic: string,
    partition: number,
    timeout: number,
    cb: Callback<{ lowOffset: number; highOffset: number }>,
  ): unknown;
}
export interface RdProducer extends RdClient {
  produce(topic: string, partition: number | null, value: Buffer, key: Buffer | null): unknown;
  flush(timeout: number, cb: Callback): unknown;
  poll(): unknown;
  setPollInterval(ms: number): unknown;
}
export interface RdConsumer extends RdClient {
  subscribe(topics: string[]): unknown;
  assign(assignments: { topic: string; partition: number; offset: number }[]): unknown;
  consume(n: number, cb: Callback<RdMessage[]>): void;
  commit(offsets: { topic: string; partition: number; offset: number }[]): unknown;
  setDefaultConsumeTimeout(ms: number): void;
}
export interface RdKafka {
  librdkafkaVersion: string;
  Producer: new (conf: Record<string, unknown>, topicConf?: Record<string, unknown>) => RdProducer;
  KafkaConsumer: new (conf: Record<string, unknown>, topicConf: Record<string, unknown>) => RdConsumer;
  CODES: { ERRORS: Record<string, number> };
}

/** Where the bench keeps candidates that are not the project's dependencies. */
export function candidatesDir(repo: string): string {
  return join(repo, '.cache', 'kafka-candidates');
}

function loads(dir: string): boolean {
  const r = spawnSync(process.execPath, ['-e', "require('node-rdkafka')"], { cwd: dir, stdio: 'ignore' });
  return r.status === 0;
}

/** The directory holding include/node/common.gypi for the Node running this process. */
function nodeHeaders(repo: string): string {
  const candidates = [
    process.env['npm_config_nodedir'],
    dirname(dirname(process.execPath)),
    join(repo, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`),
  ];
  for (const c of candidates) {
    if (c !== undefined && c !== '' && existsSync(join(c, 'include', 'node', 'common.gypi'))) return c;
  }
  throw new Error(
    `node-rdkafka: no Node ${process.version} headers (include/node/common.gypi) in ${candidates.filter(Boolean).join(', ')}; set npm_config_nodedir`,
  );
}

/**
 * Loads node-rdkafka, building it first (about 3 minutes: g++, make, python3, libssl-dev) when
 * .cache/kafka-candidates has no copy that loads under this Node.
 */
export function loadRdkafka(repo: string): RdKafka {
  const dir = candidatesDir(repo);
  if (!loads(dir)) {
    mkdirSync(dir, { recursive: true });
    // Its install script is the native build; npm 12 skips install scripts a project has not approved.
    writeFileSync(join(dir, 'package.json'), '{"private":true,"allowScripts":{"node-rdkafka":true}}\n');
    process.stderr.write(`building node-rdkafka ${RDKAFKA_VERSION} into ${dir} (a few minutes)\n`);
    const r = spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--foreground-scripts', `node-rdkafka@${RDKAFKA_VERSION}`],
      {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, npm_config_nodedir: nodeHeaders(repo) },
      },
    );
    if (r.status !== 0 || !loads(dir))
      throw new Error(`node-rdkafka ${RDKAFKA_VERSION} did not build in ${dir}`);
  }
  return createRequire(join(dir, 'package.json'))('node-rdkafka') as RdKafka;
}
