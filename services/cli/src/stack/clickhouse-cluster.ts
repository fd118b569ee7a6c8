import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  answersSelect1,
  configXml,
  ensureClickHouse,
  serverArgs,
  usersXml,
  type ClickHouseStackOptions,
} from './clickhouse.js';
import type { StackPaths } from './paths.js';
import { runningPid, startDaemon, stopDaemon, waitFor, type Daemon } from './process.js';

/** The cluster's name in every server's `remote_servers`: services set CLICKHOUSE_CLUSTER to it. */
export const CLUSTER_NAME = 'ringfence';
export const SHARDS = 2;
export const REPLICAS = 2;

/** One server of the cluster: its ports, its shard (1-based) and its name (`s1r2`: shard 1, replica 2). */
export interface ClusterNode extends ClickHouseStackOptions {
  readonly name: string;
  readonly shard: number;
  readonly interserverPort: number;
}

export interface ClickHouseClusterOptions {
  readonly nodes: readonly ClusterNode[];
  readonly zookeeperPort: number;
}

/**
 * The 2 × 2 layout: node k (shard-major: s1r1, s1r2, s2r1, s2r2) takes the k-th (http, tcp,
 * interserver) triple of `ports` when given, else the base ports plus k (interserver from 9009).
 */
export function clusterNodes(
  base: { httpPort: number; tcpPort: number },
  ports: readonly number[] | undefined,
): ClusterNode[] {
  const nodes: ClusterNode[] = [];
  for (let s = 1; s <= SHARDS; s += 1) {
    for (let r = 1; r <= REPLICAS; r += 1) {
      const k = nodes.length;
      nodes.push({
        name: `s${s}r${r}`,
        shard: s,
        httpPort: ports?.[3 * k] ?? base.httpPort + k,
        tcpPort: ports?.[3 * k + 1] ?? base.tcpPort + k,
        interserverPort: ports?.[3 * k + 2] ?? 9009 + k,
      });
    }
  }
  return nodes;
}

function clusterDir(paths: StackPaths): string {
  return join(paths.stack, 'clickhouse-cluster');
}

function daemon(paths: StackPaths, node: ClusterNode): Daemon {
  const dir = join(clusterDir(paths), node.name);
  return {
    name: `clickhouse ${node.name}`,
    pidFile: join(dir, 'clickhouse.pid'),
    marker: join(dir, 'config.xml'),
  };
}

/** True when `stack up --clickhouse-cluster` made the cluster in this stack dir (down then stops it). */
export function clusterExists(paths: StackPaths): boolean {
  return existsSync(clusterDir(paths));
}

/** True while any server of the cluster runs. */
export function clusterRunning(paths: StackPaths, o: ClickHouseClusterOptions): boolean {
  return o.nodes.some((n) => runningPid(daemon(paths, n)) !== undefined);
}

function clusterXml(node: ClusterNode, o: ClickHouseClusterOptions): string {
  const shards = Array.from({ length: SHARDS }, (_, i) => {
    const replicas = o.nodes
      .filter((n) => n.shard === i + 1)
      .map((n) => `        <replica><host>127.0.0.1</host><port>${n.tcpPort}</port></replica>\n`)
      .join('');
    // Each replica is written once by the Distributed table; the Replicated engine copies it to the other.
    return `      <shard>\n        <internal_replication>true</internal_replication>\n${replicas}      </shard>\n`;
  }).join('');
  return `  <interserver_http_host>127.0.0.1</interserver_http_host>
  <interserver_http_port>${node.interserverPort}</interserver_http_port>
  <remote_servers>
    <${CLUSTER_NAME}>
${shards}    </${CLUSTER_NAME}>
  </remote_servers>
  <zookeeper>
    <node><host>127.0.0.1</host><port>${o.zookeeperPort}</port></node>
    <session_timeout_ms>10000</session_timeout_ms>
  </zookeeper>
  <macros>
    <shard>${String(node.shard).padStart(2, '0')}</shard>
    <replica>${node.name}</replica>
  </macros>
  <distributed_ddl>
    <path>/clickhouse/task_queue/ddl</path>
  </distributed_ddl>
`;
}

// Inserts into a Distributed table return once every shard has the rows (not when they are queued on
// the receiving server's disk), so a sink that commits its Kafka offsets after an insert commits
// stored rows. Writes and reads both go to the first live replica of each shard (in_order): the
// other replica fetches the parts asynchronously, and a read sent to it could miss a write that
// just returned. A replica lagging more than 2 s (back from a stop) is passed over for reads.
// `IN (subquery)` over two Distributed tables (the report's flagged numbers) runs the subquery once
// and ships its result to every shard (GLOBAL IN): the ids and the calls they filter live on
// different shards, so a per-shard subquery would miss some.
const PROFILE = `      <insert_distributed_sync>1</insert_distributed_sync>
      <distributed_product_mode>global</distributed_product_mode>
      <load_balancing>in_order</load_balancing>
      <max_replica_delay_for_distributed_queries>2</max_replica_delay_for_distributed_queries>
`;

async function nodeUp(
  paths: StackPaths,
  bin: string,
  node: ClusterNode,
  o: ClickHouseClusterOptions,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  const url = `http://127.0.0.1:${node.httpPort}`;
  const d = daemon(paths, node);
  const name = `clickhouse ${node.name}`;
  const dir = join(clusterDir(paths), node.name);
  if (runningPid(d) === undefined) {
    for (const sub of ['data', 'tmp', 'user_files', 'format_schemas', 'log'])
      mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(d.marker, configXml(dir, node, clusterXml(node, o)));
    writeFileSync(join(dir, 'users.xml'), usersXml(PROFILE));
    signal?.throwIfAborted();
    const pid = startDaemon(d, bin, serverArgs(bin, dir), join(dir, 'log', 'stdout.log'), { cwd: dir });
    log(`${name}: started pid ${pid}, waiting for SELECT 1 on ${url}`);
  }
  await waitFor(
    `${name} SELECT 1`,
    () => answersSelect1(url),
    60_000,
    signal,
    () => (runningPid(d) === undefined ? `the server exited; see ${join(dir, 'log')}` : undefined),
  );
  log(`${name}: ready on ${url}`);
}

/** Starts every server of the cluster that is not running (ZooKeeper must be up). Idempotent. */
export async function clickhouseClusterUp(
  paths: StackPaths,
  o: ClickHouseClusterOptions,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  const bin = await ensureClickHouse(log);
  const results = await Promise.allSettled(o.nodes.map((n) => nodeUp(paths, bin, n, o, log, signal)));
  for (const r of results) if (r.status === 'rejected') throw r.reason;
}

/** Stops the cluster's servers, or only those named. */
export async function clickhouseClusterDown(
  paths: StackPaths,
  o: ClickHouseClusterOptions,
  log: (line: string) => void,
  only?: readonly string[],
): Promise<void> {
  for (const n of o.nodes) {
    if (only !== undefined && only.length > 0 && !only.includes(n.name)) continue;
    log(
      (await stopDaemon(daemon(paths, n)))
        ? `clickhouse ${n.name}: stopped`
        : `clickhouse ${n.name}: was not running`,
    );
  }
}

export async function clickhouseClusterStatus(
  paths: StackPaths,
  o: ClickHouseClusterOptions,
): Promise<string[]> {
  return Promise.all(
    o.nodes.map(async (n) => {
      const pid = runningPid(daemon(paths, n));
      const url = `http://127.0.0.1:${n.httpPort}`;
      const ok = await answersSelect1(url).catch(() => false);
      return `clickhouse ${n.name} ${ok ? 'healthy' : 'down'}  ${url}${pid === undefined ? '' : `  pid ${pid}`}`;
    }),
  );
}
