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

export type StackComponent = 'kafka' | 'clickhouse';

export interface PrivateStackOptions {
  /** Kafka nodes (combined broker+controller; 3 give replication factor 3, min.insync.replicas 2). */
  brokers?: number;
  /** Each broker JVM's heap flags (KAFKA_HEAP_OPTS); the CLI's default when unset. */
  kafkaHeapOpts?: string;
}

/**
 * A PRIVATE Kafka (one broker, or several) and ClickHouse server on free ports with their data under
 * a temp dir, started and stopped through `ringfence stack` (RINGFENCE_STACK_DIR), so a fault test may
 * stop, restart or freeze them, or one chosen broker, while the shared servers everyone else uses
 * stay untouched. Kafka nodes are numbered from 1, as their `node.id`.
 */
export class PrivateStack {
  readonly dir: string;
  private readonly frozen = new Set<string>();

  private constructor(
    private readonly ports: {
      kafka: number[];
      kafkaController: number[];
      clickhouseHttp: number;
      clickhouseTcp: number;
    },
    readonly components: readonly StackComponent[],
    private readonly options: PrivateStackOptions,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'rf-private-stack-'));
  }

  /** Picks free ports and brings the components up (Kafka's first start formats its storage). */
  static async start(
    components: readonly StackComponent[] = ['kafka', 'clickhouse'],
    options: PrivateStackOptions = {},
  ): Promise<PrivateStack> {
    const nodes = options.brokers ?? 1;
    const ports = async (): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < nodes; i++) out.push(await freePort());
      return out;
    };
    const stack = new PrivateStack(
      {
        kafka: await ports(),
        kafkaController: await ports(),
        clickhouseHttp: await freePort(),
        clickhouseTcp: await freePort(),
      },
      components,
      options,
    );
    try {
      await stack.up(...components);
    } catch (err) {
      await stack.destroy();
      throw err;
    }
    return stack;
  }

  /** Every Kafka node's address, node 1 first. */
  get brokers(): string[] {
    return this.ports.kafka.map((p) => `127.0.0.1:${p}`);
  }

  /** Kafka node numbers (1..brokers), as their `node.id`. */
  get kafkaNodes(): number[] {
    return this.ports.kafka.map((_, i) => i + 1);
  }

  get clickhouseUrl(): string {
    return `http://127.0.0.1:${this.ports.clickhouseHttp}`;
  }

  /** A test scope (own topic prefix and database) on this stack, as `testStack()` gives on the shared one. */
  scope(): TestStack {
    return testStack({ brokers: this.brokers, clickhouseUrl: this.clickhouseUrl });
  }

  // Only what the CLI needs: an inherited KAFKA_BROKERS or CLICKHOUSE_URL would make it treat the
  // component as external and leave it alone.
  private cliEnv(): NodeJS.ProcessEnv {
    return {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      ...(process.env['JAVA_HOME'] === undefined ? {} : { JAVA_HOME: process.env['JAVA_HOME'] }),
      ...(this.options.kafkaHeapOpts === undefined ? {} : { KAFKA_HEAP_OPTS: this.options.kafkaHeapOpts }),
      RINGFENCE_STACK_DIR: this.dir,
      KAFKA_PORT: String(this.ports.kafka[0]),
      KAFKA_CONTROLLER_PORT: String(this.ports.kafkaController[0]),
      KAFKA_PORTS: this.ports.kafka.join(','),
      KAFKA_CONTROLLER_PORTS: this.ports.kafkaController.join(','),
      CLICKHOUSE_HTTP_PORT: String(this.ports.clickhouseHttp),
      CLICKHOUSE_TCP_PORT: String(this.ports.clickhouseTcp),
    };
  }

  private async cli(command: 'up' | 'down', only: readonly StackComponent[]): Promise<void> {
    const brokers = command === 'up' ? ['--brokers', String(this.ports.kafka.length)] : [];
    await run(process.execPath, [CLI, 'stack', command, ...brokers, '--only', ...only], {
      env: this.cliEnv(),
    });
  }

  /** Starts the components (again), every Kafka node that is not running: same ports, same data. */
  async up(...only: StackComponent[]): Promise<void> {
    await this.cli('up', only);
  }

  /** Stops the components gracefully (SIGTERM, then SIGKILL after the CLI's grace period). */
  async down(...only: StackComponent[]): Promise<void> {
    for (const c of only) for (const n of this.nodes(c)) this.thaw(c, n);
    await this.cli('down', only);
  }

  /** Stops one Kafka node gracefully (SIGTERM: controlled shutdown moves its leaderships first). */
  async stopBroker(node: number): Promise<void> {
    this.thaw('kafka', node);
    const pid = this.livePid('kafka', node);
    if (pid === undefined) return;
    process.kill(pid, 'SIGTERM');
    await until(
      `kafka node ${node} stopped`,
      () => Promise.resolve(this.livePid('kafka', node) === undefined),
      60_000,
    );
  }

  /** The pid the CLI recorded for a component (for Kafka, of one node: node 1 unless told). */
  pid(component: StackComponent, node = 1): number {
    const file = join(
      this.dir,
      component === 'kafka' && node > 1 ? `kafka-${node}` : component,
      `${component}.pid`,
    );
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no pid in ${file}`);
    return pid;
  }

  /**
   * SIGKILL: the server dies as in a power cut (no clean shutdown); `up` starts it again on its data.
   * For Kafka, one node when `node` is given, else every node.
   */
  async crash(component: StackComponent, node?: number): Promise<void> {
    for (const n of node === undefined ? this.nodes(component) : [node]) {
      this.frozen.delete(`${component}:${n}`);
      const pid = this.livePid(component, n);
      if (pid === undefined) continue;
      process.kill(pid, 'SIGKILL');
      await until(
        `${component} ${n} gone`,
        () => Promise.resolve(this.livePid(component, n) === undefined),
        30_000,
      );
    }
  }

  /** SIGSTOP: the server hangs (connections stay open, nothing answers), as a wedged server would. */
  freeze(component: StackComponent, node = 1): void {
    process.kill(this.pid(component, node), 'SIGSTOP');
    this.frozen.add(`${component}:${node}`);
  }

  /** SIGCONT after `freeze`. */
  thaw(component: StackComponent, node = 1): void {
    if (!this.frozen.delete(`${component}:${node}`)) return;
    process.kill(this.pid(component, node), 'SIGCONT');
  }

  private nodes(component: StackComponent): number[] {
    return component === 'kafka' ? this.kafkaNodes : [1];
  }

  /** The live pid of a component's server, only if its command line names this stack's dir (never a recycled pid). */
  private livePid(component: StackComponent, node = 1): number | undefined {
    try {
      const pid = this.pid(component, node);
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return cmdline.includes(this.dir) ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Kills every server (SIGKILL: their data is thrown away, a graceful stop would only cost time)
   * and removes the dir, unless RINGFENCE_KEEP_FAULT_LOGS is set (servers' and services' logs are in it).
   */
  async destroy(): Promise<void> {
    try {
      for (const c of ['kafka', 'clickhouse'] as const) await this.crash(c);
    } finally {
      if (process.env['RINGFENCE_KEEP_FAULT_LOGS'] === undefined)
        rmSync(this.dir, { recursive: true, force: true });
      else process.stderr.write(`fault test logs kept in ${this.dir}\n`);
    }
  }
}
