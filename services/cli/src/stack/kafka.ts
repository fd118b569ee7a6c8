import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { RingfenceError } from '@ringfence/common';
import type { StackPaths } from './paths.js';
import { logTail, runningPid, startDaemon, stopDaemon, waitFor, type Daemon } from './process.js';

const run = promisify(execFile);

/** Pinned broker version; kafkajs 2.2.4 speaks to 4.x (its protocol versions are above those 4.0 removed). */
export const KAFKA_VERSION = '4.1.1';

export interface KafkaStackOptions {
  /** Node 1's client and controller ports. */
  port: number;
  controllerPort: number;
  /** Nodes to run; undefined: as many as the stack was formatted with (1 for a new stack). */
  brokers?: number | undefined;
  /** Every node's client and controller ports; undefined: node i (from 0) on port + 100·i. */
  ports?: readonly number[] | undefined;
  controllerPorts?: readonly number[] | undefined;
  /** The JVM's heap flags; undefined: -Xms256m -Xmx1g for one broker, -Xms128m -Xmx512m each for several. */
  heapOpts?: string | undefined;
  /** `group.initial.rebalance.delay.ms` of every node (written at each start); undefined: 0. */
  groupInitialRebalanceDelayMs?: number | undefined;
}

/** What a stack's Kafka was formatted as: its node count and ports are fixed from then on. */
interface Layout {
  brokers: number;
  ports: number[];
  controllerPorts: number[];
}

/** Node 1 keeps the single broker's place (`.stack/kafka`), so one broker stays as it always was. */
function nodeDir(paths: StackPaths, node: number): string {
  return join(paths.stack, node === 1 ? 'kafka' : `kafka-${node}`);
}

function daemon(paths: StackPaths, node: number): Daemon {
  const dir = nodeDir(paths, node);
  // The trailing space keeps node 1's dir from matching node 2's (`.../kafka` vs `.../kafka-2`).
  return { name: `kafka-${node}`, pidFile: join(dir, 'kafka.pid'), marker: `-Dringfence.stack=${dir} ` };
}

function layoutFile(paths: StackPaths): string {
  return join(nodeDir(paths, 1), 'layout.json');
}

/** The layout of a stack whose storage is formatted; a single broker formatted before layouts existed is one node. */
function formattedLayout(paths: StackPaths): Layout | undefined {
  if (existsSync(layoutFile(paths))) return JSON.parse(readFileSync(layoutFile(paths), 'utf8')) as Layout;
  return existsSync(join(nodeDir(paths, 1), 'data', 'meta.properties'))
    ? { brokers: 1, ports: [], controllerPorts: [] }
    : undefined;
}

/** The nodes and ports this `up` runs: a formatted stack's own, else those asked for. */
function layoutFor(paths: StackPaths, o: KafkaStackOptions): Layout {
  const formatted = formattedLayout(paths);
  if (formatted !== undefined && o.brokers !== undefined && o.brokers !== formatted.brokers) {
    throw new Error(
      `kafka: ${paths.stack} holds a ${formatted.brokers}-broker Kafka, not ${o.brokers}: ` +
        `stop it (ringfence stack down --only kafka) and delete its kafka* directories, or set RINGFENCE_STACK_DIR to another directory`,
    );
  }
  const brokers = formatted?.brokers ?? o.brokers ?? 1;
  // One broker follows KAFKA_PORT as it always has; several keep the ports their quorum was formatted with.
  if (brokers === 1) return { brokers, ports: [o.port], controllerPorts: [o.controllerPort] };
  if (formatted !== undefined) return formatted;
  const nth = (list: readonly number[] | undefined, base: number, what: string): number[] => {
    if (list !== undefined && list.length < brokers)
      throw new Error(`kafka: ${brokers} brokers need ${brokers} ${what}, got ${list.join(',')}`);
    return Array.from({ length: brokers }, (_, i) => list?.[i] ?? base + 100 * i);
  };
  return {
    brokers,
    ports: nth(o.ports, o.port, 'client ports (KAFKA_PORTS)'),
    controllerPorts: nth(o.controllerPorts, o.controllerPort, 'controller ports (KAFKA_CONTROLLER_PORTS)'),
  };
}

/** Client addresses of every node of the stack's Kafka (node 1 first). */
export function kafkaAddresses(paths: StackPaths, o: KafkaStackOptions): string[] {
  return layoutFor(paths, { ...o, brokers: undefined }).ports.map((p) => `127.0.0.1:${p}`);
}

/** Resolves the broker's jars from Maven Central into the cache once; later calls reuse them. */
export async function fetchKafka(paths: StackPaths, log: (line: string) => void): Promise<string> {
  const libs = join(paths.cache, `kafka-${KAFKA_VERSION}`, 'libs');
  const done = join(libs, '.complete');
  const pom = join(paths.assets, 'kafka-pom.xml');
  // The pom's digest marks a complete resolution: a changed pom resolves again.
  const stamp = `${KAFKA_VERSION} ${createHash('sha256').update(readFileSync(pom)).digest('hex')}\n`;
  if (existsSync(done) && readFileSync(done, 'utf8') === stamp) return libs;
  log(`kafka: resolving org.apache.kafka:kafka_2.13:${KAFKA_VERSION} from Maven Central with mvn`);
  rmSync(libs, { recursive: true, force: true });
  mkdirSync(libs, { recursive: true });
  await run(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      pom,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${libs}`,
      '-DincludeScope=runtime',
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  if (!readdirSync(libs).some((f) => f.startsWith(`kafka_2.13-${KAFKA_VERSION}`))) {
    throw new Error(`mvn finished but ${libs} holds no kafka_2.13-${KAFKA_VERSION} jar`);
  }
  writeFileSync(done, stamp);
  return libs;
}

function serverProperties(dir: string, layout: Layout, node: number, groupDelayMs: number): string {
  const port = layout.ports[node - 1]!;
  const controllerPort = layout.controllerPorts[node - 1]!;
  const single = layout.brokers === 1;
  // Several nodes: every topic on 3 of them (or all, when fewer), and a write needs all but one in
  // sync, so one node may die without losing an acknowledged record or stopping writes.
  const factor = Math.min(layout.brokers, 3);
  const minInsync = Math.max(1, factor - 1);
  return [
    'process.roles=broker,controller',
    `node.id=${node}`,
    single
      ? `controller.quorum.bootstrap.servers=127.0.0.1:${controllerPort}`
      : `controller.quorum.voters=${layout.controllerPorts.map((p, i) => `${i + 1}@127.0.0.1:${p}`).join(',')}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${join(dir, 'data')}`,
    // Internal topics cannot have more replicas than brokers, or groups never find a coordinator.
    `default.replication.factor=${factor}`,
    `min.insync.replicas=${minInsync}`,
    `offsets.topic.replication.factor=${factor}`,
    'offsets.topic.num.partitions=6',
    `transaction.state.log.replication.factor=${factor}`,
    `transaction.state.log.min.isr=${minInsync}`,
    `share.coordinator.state.topic.replication.factor=${factor}`,
    `share.coordinator.state.topic.min.isr=${minInsync}`,
    `group.initial.rebalance.delay.ms=${groupDelayMs}`,
    'num.partitions=3',
    'auto.create.topics.enable=false',
    'log.retention.hours=168',
    'log.cleaner.backoff.ms=5000',
    'message.max.bytes=10485760',
    '',
  ].join('\n');
}

/** True when the node on `port` answers metadata listing at least `brokers` live brokers. */
async function answersMetadata(port: number, brokers = 1): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'ringfence-stack',
    brokers: [`127.0.0.1:${port}`],
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 1_000,
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length >= brokers;
  } finally {
    await admin.disconnect();
  }
}

/** A Kafka node's log end: its last errors with their exception lines, else its last lines. */
function nodeLogTail(file: string): string {
  return logTail(file, 12, / (ERROR|FATAL) /) || '(no log)';
}

/** Why waiting for the quorum is pointless: a node that exited, with the end of its log. */
function exitedNode(paths: StackPaths, nodes: readonly number[]): string | undefined {
  const dead = nodes.find((n) => runningPid(daemon(paths, n)) === undefined);
  if (dead === undefined) return undefined;
  const file = join(nodeDir(paths, dead), 'kafka.log');
  return `kafka node ${dead} exited; the end of ${file}:\n${nodeLogTail(file)}`;
}

export async function kafkaUp(
  paths: StackPaths,
  o: KafkaStackOptions,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  const layout = layoutFor(paths, o);
  const nodes = Array.from({ length: layout.brokers }, (_, i) => i + 1);
  const ready = (): Promise<boolean> =>
    Promise.all(layout.ports.map((p) => answersMetadata(p, layout.brokers))).then((r) => r.every(Boolean));
  const stopped = nodes.filter((n) => runningPid(daemon(paths, n)) === undefined);
  const where = layout.ports.map((p) => `127.0.0.1:${p}`).join(', ');
  if (stopped.length === 0) {
    await waitFor('kafka metadata', ready, 60_000, signal);
    log(`kafka: already running on ${where}`);
    return;
  }
  const libs = await fetchKafka(paths, log);
  const heap = (o.heapOpts ?? (layout.brokers === 1 ? '-Xms256m -Xmx1g' : '-Xms128m -Xmx512m'))
    .split(/\s+/)
    .filter((f) => f !== '');
  const tool = ['-Xmx256m', '-cp', `${libs}/*`];
  const formatted = formattedLayout(paths) !== undefined;
  let clusterId = '';
  if (!formatted) {
    const { stdout } = await run('java', [...tool, 'kafka.tools.StorageTool', 'random-uuid']);
    clusterId = stdout.trim().split('\n').pop() ?? '';
    log(`kafka: formatting KRaft storage of ${layout.brokers} node(s) (cluster ${clusterId})`);
  }
  await Promise.all(
    stopped.map(async (node) => {
      const dir = nodeDir(paths, node);
      mkdirSync(dir, { recursive: true });
      const props = join(dir, 'server.properties');
      writeFileSync(props, serverProperties(dir, layout, node, o.groupInitialRebalanceDelayMs ?? 0));
      copyFileSync(join(paths.assets, 'kafka-log4j2.properties'), join(dir, 'log4j2.properties'));
      if (formatted) return;
      // One node formats a quorum of itself; several share the static voters of server.properties.
      const standalone = layout.brokers === 1 ? ['--standalone'] : [];
      await run('java', [
        ...tool,
        'kafka.tools.StorageTool',
        'format',
        ...standalone,
        '--ignore-formatted',
        '-t',
        clusterId,
        '-c',
        props,
      ]);
    }),
  );
  if (!formatted && layout.brokers > 1) writeFileSync(layoutFile(paths), `${JSON.stringify(layout)}\n`);
  // Stopped meanwhile (Ctrl-C): start nothing the caller would no longer stop.
  signal?.throwIfAborted();
  for (const node of stopped) {
    const dir = nodeDir(paths, node);
    const pid = startDaemon(
      daemon(paths, node),
      'java',
      [
        ...heap,
        `-Dlog4j2.configurationFile=${join(dir, 'log4j2.properties')}`,
        '-cp',
        `${libs}/*`,
        `-Dringfence.stack=${dir}`,
        'kafka.Kafka',
        join(dir, 'server.properties'),
      ],
      join(dir, 'kafka.log'),
    );
    log(`kafka: node ${node} started, pid ${pid}, 127.0.0.1:${layout.ports[node - 1]!}`);
  }
  log(`kafka: waiting for ${layout.brokers} broker(s) to answer metadata on ${where}`);
  try {
    await waitFor('kafka metadata', ready, 120_000, signal, () => exitedNode(paths, nodes));
  } catch (err) {
    if (signal?.aborted === true || exitedNode(paths, nodes) !== undefined) throw err;
    // A quorum that never formed says why only in its nodes' logs, which a test's temp dir loses.
    const silent = await Promise.all(
      nodes.map(async (n) => ((await answersMetadata(layout.ports[n - 1]!).catch(() => false)) ? [] : [n])),
    );
    const logs = silent.flat().map((n) => {
      const file = join(nodeDir(paths, n), 'kafka.log');
      return `kafka node ${n} does not answer; the end of ${file}:\n${nodeLogTail(file)}`;
    });
    if (logs.length === 0) throw err;
    throw new RingfenceError('UNAVAILABLE', `${(err as Error).message}\n${logs.join('\n')}`, { cause: err });
  }
  log('kafka: ready');
}

export async function kafkaDown(paths: StackPaths, log: (line: string) => void): Promise<void> {
  const brokers = formattedLayout(paths)?.brokers ?? 1;
  const nodes = Array.from({ length: brokers }, (_, i) => i + 1);
  const stopped = await Promise.all(nodes.map((n) => stopDaemon(daemon(paths, n))));
  for (const [i, was] of stopped.entries()) {
    const name = brokers === 1 ? 'kafka' : `kafka node ${i + 1}`;
    log(`${name}: ${was ? 'stopped' : 'was not running'}`);
  }
}

/** One line per node: `kafka` for a single broker, `kafka-N` for each node of several. */
export async function kafkaStatus(paths: StackPaths, o: KafkaStackOptions): Promise<string[]> {
  const layout = layoutFor(paths, { ...o, brokers: undefined });
  return Promise.all(
    layout.ports.map(async (port, i) => {
      const pid = runningPid(daemon(paths, i + 1));
      const ok = await answersMetadata(port).catch(() => false);
      const name = layout.brokers === 1 ? 'kafka' : `kafka-${i + 1}`;
      return `${name.padEnd(10)} ${ok ? 'healthy' : 'down'}  127.0.0.1:${port}${pid === undefined ? '' : `  pid ${pid}`}`;
    }),
  );
}
