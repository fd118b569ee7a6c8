import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import type { StackPaths } from './paths.js';
import { runningPid, startDaemon, stopDaemon, waitFor, type Daemon } from './process.js';

const run = promisify(execFile);

/** Pinned broker version; kafkajs 2.2.4 speaks to 4.x (its protocol versions are above those 4.0 removed). */
export const KAFKA_VERSION = '4.1.1';

export interface KafkaStackOptions {
  port: number;
  controllerPort: number;
}

function daemon(paths: StackPaths): Daemon {
  return {
    name: 'kafka',
    pidFile: join(paths.stack, 'kafka', 'kafka.pid'),
    marker: join(paths.stack, 'kafka'),
  };
}

/** Resolves the broker's jars from Maven Central into the cache once; later calls reuse them. */
export async function fetchKafka(paths: StackPaths, log: (line: string) => void): Promise<string> {
  const libs = join(paths.cache, `kafka-${KAFKA_VERSION}`, 'libs');
  const done = join(libs, '.complete');
  if (existsSync(done)) return libs;
  log(`kafka: resolving org.apache.kafka:kafka_2.13:${KAFKA_VERSION} from Maven Central with mvn`);
  mkdirSync(libs, { recursive: true });
  const pom = join(paths.assets, 'kafka-pom.xml');
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
  writeFileSync(done, `${KAFKA_VERSION}\n`);
  return libs;
}

function serverProperties(dir: string, o: KafkaStackOptions): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.bootstrap.servers=127.0.0.1:${o.controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${o.port},CONTROLLER://127.0.0.1:${o.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${o.port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${join(dir, 'data')}`,
    // One node: internal topics cannot have more replicas than brokers, or groups never find a coordinator.
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=6',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'num.partitions=3',
    'auto.create.topics.enable=false',
    'log.retention.hours=168',
    'log.cleaner.backoff.ms=5000',
    'message.max.bytes=10485760',
    '',
  ].join('\n');
}

async function answersMetadata(port: number): Promise<boolean> {
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
    return cluster.brokers.length > 0;
  } finally {
    await admin.disconnect();
  }
}

export async function kafkaUp(
  paths: StackPaths,
  o: KafkaStackOptions,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  const d = daemon(paths);
  if (runningPid(d) !== undefined) {
    await waitFor('kafka metadata', () => answersMetadata(o.port), 60_000, signal);
    log(`kafka: already running on 127.0.0.1:${o.port}`);
    return;
  }
  const libs = await fetchKafka(paths, log);
  const dir = join(paths.stack, 'kafka');
  mkdirSync(dir, { recursive: true });
  const props = join(dir, 'server.properties');
  writeFileSync(props, serverProperties(dir, o));
  const log4j = join(dir, 'log4j2.properties');
  copyFileSync(join(paths.assets, 'kafka-log4j2.properties'), log4j);
  const classpath = `${libs}/*`;
  const jvm = ['-Xms256m', '-Xmx1g', `-Dlog4j2.configurationFile=${log4j}`, '-cp', classpath];
  if (!existsSync(join(dir, 'data', 'meta.properties'))) {
    const { stdout } = await run('java', [...jvm, 'kafka.tools.StorageTool', 'random-uuid']);
    const clusterId = stdout.trim().split('\n').pop() ?? '';
    log(`kafka: formatting KRaft storage (cluster ${clusterId})`);
    await run('java', [
      ...jvm,
      'kafka.tools.StorageTool',
      'format',
      '--standalone',
      '--ignore-formatted',
      '-t',
      clusterId,
      '-c',
      props,
    ]);
  }
  // Stopped meanwhile (Ctrl-C): start nothing the caller would no longer stop.
  signal?.throwIfAborted();
  const pid = startDaemon(
    d,
    'java',
    [...jvm, `-Dringfence.stack=${dir}`, 'kafka.Kafka', props],
    join(dir, 'kafka.log'),
  );
  log(`kafka: started pid ${pid}, waiting for a metadata answer on 127.0.0.1:${o.port}`);
  await waitFor('kafka metadata', () => answersMetadata(o.port), 120_000, signal);
  log('kafka: ready');
}

export async function kafkaDown(paths: StackPaths, log: (line: string) => void): Promise<void> {
  log((await stopDaemon(daemon(paths))) ? 'kafka: stopped' : 'kafka: was not running');
}

export async function kafkaStatus(paths: StackPaths, port: number): Promise<string> {
  const pid = runningPid(daemon(paths));
  const ok = await answersMetadata(port).catch(() => false);
  return `kafka      ${ok ? 'healthy' : 'down'}  127.0.0.1:${port}${pid === undefined ? '' : `  pid ${pid}`}`;
}
