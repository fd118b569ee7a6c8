import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';
import { testStack, type TestStack } from './test-stack.js';
import { until } from './until.js';

const run = promisify(execFile);
// The `ringfence` CLI of this checkout (services/common/{src,dist}/ → services/cli/dist/).
const CLI = fileURLToPath(new URL('../../cli/dist/index.js', import.meta.url));

/** The servers of the cluster layout: shard 1 and 2, replica 1 and 2 of each. */
export const CLUSTER_NODES = ['s1r1', 's1r2', 's2r1', 's2r2'] as const;
export type ClusterNodeName = (typeof CLUSTER_NODES)[number];

/**
 * A PRIVATE ClickHouse cluster (2 shards × 2 replicas and its ZooKeeper) on free ports with its data
 * under a temp dir, started through `ringfence stack up --clickhouse-cluster` (RINGFENCE_STACK_DIR):
 * tests run the store on the cluster layout against it, and a fault test may stop its servers.
 */
export class PrivateClickHouseCluster {
  /** The cluster's name in the servers' `remote_servers` (CLICKHOUSE_CLUSTER). */
  readonly cluster = 'ringfence';
  readonly dir: string;

  private constructor(
    private readonly zookeeperPort: number,
    /** (http, tcp, interserver) of s1r1, s1r2, s2r1, s2r2 in turn. */
    private readonly ports: readonly number[],
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'rf-private-cluster-'));
  }

  /** Picks free ports and brings ZooKeeper and the four servers up. */
  static async start(): Promise<PrivateClickHouseCluster> {
    const ports: number[] = [];
    while (ports.length < 12) {
      const p = await freePort();
      if (!ports.includes(p)) ports.push(p);
    }
    const cluster = new PrivateClickHouseCluster(await freePort(), ports);
    try {
      await cluster.up();
    } catch (err) {
      await cluster.destroy();
      throw err;
    }
    return cluster;
  }

  /** A server's HTTP address. */
  urlOf(node: ClusterNodeName): string {
    return `http://127.0.0.1:${this.ports[3 * CLUSTER_NODES.indexOf(node)]}`;
  }

  /** Every server's HTTP address (CLICKHOUSE_CLUSTER_URLS): what runs once per shard reaches them. */
  get urls(): string[] {
    return CLUSTER_NODES.map((n) => this.urlOf(n));
  }

  /** The address services use: s1r1's (any server would do: each reaches every shard). */
  get clickhouseUrl(): string {
    return this.urlOf('s1r1');
  }

  /**
   * A test scope on this cluster (own database; Kafka is the shared stack's unless `brokers` is
   * given), whose `env()` sets CLICKHOUSE_CLUSTER and CLICKHOUSE_CLUSTER_URLS.
   */
  scope(brokers?: readonly string[]): TestStack {
    const s = testStack({ clickhouseUrl: this.clickhouseUrl, ...(brokers === undefined ? {} : { brokers }) });
    const cluster = { CLICKHOUSE_CLUSTER: this.cluster, CLICKHOUSE_CLUSTER_URLS: this.urls.join(',') };
    return { ...s, env: (extra = {}) => s.env({ ...cluster, ...extra }) };
  }

  private cliEnv(): NodeJS.ProcessEnv {
    return {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      ...(process.env['JAVA_HOME'] === undefined ? {} : { JAVA_HOME: process.env['JAVA_HOME'] }),
      RINGFENCE_STACK_DIR: this.dir,
      ZOOKEEPER_PORT: String(this.zookeeperPort),
      CLICKHOUSE_CLUSTER_PORTS: this.ports.join(','),
    };
  }

  /** Starts whatever of the cluster is not running (again): same ports, same data. */
  async up(): Promise<void> {
    await run(process.execPath, [CLI, 'stack', 'up', '--only', 'clickhouse', '--clickhouse-cluster'], {
      env: this.cliEnv(),
    });
  }

  /** Stops these servers gracefully (SIGTERM, then SIGKILL after the CLI's grace period). */
  async stop(...nodes: ClusterNodeName[]): Promise<void> {
    await run(process.execPath, [CLI, 'stack', 'down', '--clickhouse-node', ...nodes], {
      env: this.cliEnv(),
    });
  }

  private livePid(pidFile: string): number | undefined {
    try {
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(this.dir) ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Kills every server and ZooKeeper (SIGKILL: the data is thrown away) and removes the dir, unless
   * RINGFENCE_KEEP_FAULT_LOGS is set.
   */
  async destroy(): Promise<void> {
    try {
      const pidFiles = [
        join(this.dir, 'zookeeper', 'zookeeper.pid'),
        ...CLUSTER_NODES.map((n) => join(this.dir, 'clickhouse-cluster', n, 'clickhouse.pid')),
      ];
      for (const file of pidFiles) {
        const pid = this.livePid(file);
        if (pid === undefined) continue;
        process.kill(pid, 'SIGKILL');
        await until(`${file} gone`, () => Promise.resolve(this.livePid(file) === undefined), 30_000);
      }
    } finally {
      if (process.env['RINGFENCE_KEEP_FAULT_LOGS'] === undefined)
        rmSync(this.dir, { recursive: true, force: true });
      else process.stderr.write(`cluster logs kept in ${this.dir}\n`);
    }
  }
}
