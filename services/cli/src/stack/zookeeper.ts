import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { StackPaths } from './paths.js';
import { runningPid, startDaemon, stopDaemon, waitFor, type Daemon } from './process.js';

const run = promisify(execFile);

/** Pinned ZooKeeper version (also in services/cli/assets/zookeeper-pom.xml); it runs on Java 17. */
export const ZOOKEEPER_VERSION = '3.9.5';

function daemon(paths: StackPaths): Daemon {
  const dir = join(paths.stack, 'zookeeper');
  return { name: 'zookeeper', pidFile: join(dir, 'zookeeper.pid'), marker: join(dir, 'zoo.cfg') };
}

/** Resolves ZooKeeper's jars from Maven Central into the cache once; later calls reuse them. */
export async function fetchZookeeper(paths: StackPaths, log: (line: string) => void): Promise<string> {
  const libs = join(paths.cache, `zookeeper-${ZOOKEEPER_VERSION}`, 'libs');
  const done = join(libs, '.complete');
  if (existsSync(done)) return libs;
  log(`zookeeper: resolving org.apache.zookeeper:zookeeper:${ZOOKEEPER_VERSION} from Maven Central with mvn`);
  mkdirSync(libs, { recursive: true });
  await run(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      join(paths.assets, 'zookeeper-pom.xml'),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${libs}`,
      '-DincludeScope=runtime',
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  if (!readdirSync(libs).includes(`zookeeper-${ZOOKEEPER_VERSION}.jar`)) {
    throw new Error(`mvn finished but ${libs} holds no zookeeper-${ZOOKEEPER_VERSION}.jar`);
  }
  writeFileSync(done, `${ZOOKEEPER_VERSION}\n`);
  return libs;
}

/**
 * True when the server is serving: its `srvr` answer names a mode. (`ruok` answers `imok` as soon as
 * the port listens, even when the server then failed to load its data.)
 */
export async function zookeeperOk(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect({ host: '127.0.0.1', port }, () => socket.end('srvr'));
    socket.setTimeout(2_000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(/^Mode: /m.test(answer)));
  });
}

/** Starts a standalone ZooKeeper on 127.0.0.1:`port` with its data under the stack dir. Idempotent. */
export async function zookeeperUp(
  paths: StackPaths,
  port: number,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  const d = daemon(paths);
  if (runningPid(d) !== undefined) {
    await waitFor('zookeeper srvr', () => zookeeperOk(port), 60_000, signal);
    log(`zookeeper: already running on 127.0.0.1:${port}`);
    return;
  }
  const libs = await fetchZookeeper(paths, log);
  const dir = join(paths.stack, 'zookeeper');
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(
    d.marker,
    [
      'tickTime=2000',
      `dataDir=${join(dir, 'data')}`,
      `clientPort=${port}`,
      'clientPortAddress=127.0.0.1',
      // ClickHouse opens one session per server; the default of 60 per client address is enough, but
      // tests restart servers whose old sessions linger until they time out.
      'maxClientCnxns=0',
      'admin.enableServer=false',
      '4lw.commands.whitelist=srvr',
      'autopurge.purgeInterval=1',
      '',
    ].join('\n'),
  );
  signal?.throwIfAborted();
  const pid = startDaemon(
    d,
    'java',
    [
      '-Xms64m',
      '-Xmx256m',
      '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
      '-cp',
      `${libs}/*`,
      'org.apache.zookeeper.server.ZooKeeperServerMain',
      d.marker,
    ],
    join(dir, 'zookeeper.log'),
  );
  log(`zookeeper: started pid ${pid}, waiting for srvr on 127.0.0.1:${port}`);
  await waitFor('zookeeper srvr', () => zookeeperOk(port), 60_000, signal);
  log('zookeeper: ready');
}

/** True while the ZooKeeper this stack dir started runs. */
export function zookeeperRunning(paths: StackPaths): boolean {
  return runningPid(daemon(paths)) !== undefined;
}

export async function zookeeperDown(paths: StackPaths, log: (line: string) => void): Promise<void> {
  log((await stopDaemon(daemon(paths))) ? 'zookeeper: stopped' : 'zookeeper: was not running');
}

export async function zookeeperStatus(paths: StackPaths, port: number): Promise<string> {
  const pid = runningPid(daemon(paths));
  const ok = await zookeeperOk(port);
  return `zookeeper  ${ok ? 'healthy' : 'down'}  127.0.0.1:${port}${pid === undefined ? '' : `  pid ${pid}`}`;
}
