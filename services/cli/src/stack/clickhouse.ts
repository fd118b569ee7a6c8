import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { StackPaths } from './paths.js';
import { runningPid, startDaemon, stopDaemon, waitFor, type Daemon } from './process.js';

const run = promisify(execFile);

export interface ClickHouseStackOptions {
  httpPort: number;
  tcpPort: number;
}

const BINARIES = ['/usr/bin/clickhouse-server', '/usr/sbin/clickhouse-server', '/usr/bin/clickhouse'];

function daemon(paths: StackPaths): Daemon {
  const dir = join(paths.stack, 'clickhouse');
  return { name: 'clickhouse', pidFile: join(dir, 'clickhouse.pid'), marker: join(dir, 'config.xml') };
}

function findBinary(): string | undefined {
  return BINARIES.find((b) => existsSync(b));
}

/** Installs Debian's clickhouse-server package when no server binary is on the machine. */
export async function ensureClickHouse(log: (line: string) => void): Promise<string> {
  const found = findBinary();
  if (found !== undefined) return found;
  log('clickhouse: installing Debian package clickhouse-server (apt-get)');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = async (args: string[]): Promise<void> => {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
    await run(cmd ?? 'apt-get', rest, { env, maxBuffer: 64 * 1024 * 1024 });
  };
  await apt(['update', '-qq']);
  await apt(['install', '-y', '-qq', '--no-install-recommends', 'clickhouse-server']);
  const installed = findBinary();
  if (installed === undefined)
    throw new Error('apt-get installed clickhouse-server but no server binary was found');
  return installed;
}

/**
 * The server config of one local server; `extra` adds elements inside `<yandex>` (the cluster layout's
 * replication, macros and remote servers).
 */
export function configXml(dir: string, o: ClickHouseStackOptions, extra = ''): string {
  return `<?xml version="1.0"?>
<!-- Written by \`ringfence stack up\`: a loopback-only server whose data, logs and pid live under ${dir}. -->
<yandex>
  <logger>
    <level>warning</level>
    <log>${dir}/log/clickhouse-server.log</log>
    <errorlog>${dir}/log/clickhouse-server.err.log</errorlog>
    <size>100M</size>
    <count>3</count>
  </logger>
  <http_port>${o.httpPort}</http_port>
  <tcp_port>${o.tcpPort}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <max_connections>1024</max_connections>
  <keep_alive_timeout>10</keep_alive_timeout>
  <max_concurrent_queries>100</max_concurrent_queries>
  <uncompressed_cache_size>1073741824</uncompressed_cache_size>
  <mark_cache_size>1073741824</mark_cache_size>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
  <max_session_timeout>3600</max_session_timeout>
  <default_session_timeout>60</default_session_timeout>
${extra}</yandex>
`;
}

/** The users file; `profileExtra` adds settings to the default profile (the load balancing included). */
export function usersXml(profileExtra = '      <load_balancing>random</load_balancing>\n'): string {
  return `<?xml version="1.0"?>
<yandex>
  <profiles>
    <default>
      <max_memory_usage>6000000000</max_memory_usage>
${profileExtra}    </default>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas>
    <default>
      <interval>
        <duration>3600</duration>
        <queries>0</queries>
        <errors>0</errors>
        <result_rows>0</result_rows>
        <read_rows>0</read_rows>
        <execution_time>0</execution_time>
      </interval>
    </default>
  </quotas>
</yandex>
`;
}

/** The command line of a server whose config.xml is in `dir`. */
export function serverArgs(bin: string, dir: string): string[] {
  return bin.endsWith('/clickhouse')
    ? ['server', `--config-file=${dir}/config.xml`]
    : [`--config-file=${dir}/config.xml`];
}

/** True when the server at `url` answers `SELECT 1`. */
export async function answersSelect1(url: string): Promise<boolean> {
  const res = await fetch(`${url.replace(/\/$/, '')}/?query=SELECT%201`, {
    signal: AbortSignal.timeout(2_000),
  });
  return res.ok && (await res.text()).trim() === '1';
}

export async function clickhouseUp(
  paths: StackPaths,
  o: ClickHouseStackOptions,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  const url = `http://127.0.0.1:${o.httpPort}`;
  const d = daemon(paths);
  if (runningPid(d) !== undefined) {
    await waitFor('clickhouse SELECT 1', () => answersSelect1(url), 60_000, signal);
    log(`clickhouse: already running on ${url}`);
    return;
  }
  const bin = await ensureClickHouse(log);
  const dir = join(paths.stack, 'clickhouse');
  for (const sub of ['data', 'tmp', 'user_files', 'format_schemas', 'log'])
    mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'config.xml'), configXml(dir, o));
  writeFileSync(join(dir, 'users.xml'), usersXml());
  const args = serverArgs(bin, dir);
  // Stopped meanwhile (Ctrl-C): start nothing the caller would no longer stop.
  signal?.throwIfAborted();
  const pid = startDaemon(d, bin, args, join(dir, 'log', 'stdout.log'), { cwd: dir });
  log(`clickhouse: started pid ${pid}, waiting for SELECT 1 on ${url}`);
  await waitFor('clickhouse SELECT 1', () => answersSelect1(url), 60_000, signal);
  log('clickhouse: ready');
}

export async function clickhouseDown(paths: StackPaths, log: (line: string) => void): Promise<void> {
  log((await stopDaemon(daemon(paths))) ? 'clickhouse: stopped' : 'clickhouse: was not running');
}

export async function clickhouseStatus(paths: StackPaths, httpPort: number): Promise<string> {
  const pid = runningPid(daemon(paths));
  const url = `http://127.0.0.1:${httpPort}`;
  const ok = await answersSelect1(url).catch(() => false);
  return `clickhouse ${ok ? 'healthy' : 'down'}  ${url}${pid === undefined ? '' : `  pid ${pid}`}`;
}
