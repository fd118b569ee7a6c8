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

/**
 * A PRIVATE Kafka broker and ClickHouse server on free ports with their data under a temp dir,
 * started and stopped through `ringfence stack` (RINGFENCE_STACK_DIR), so a fault test may stop,
 * restart or freeze them while the shared servers everyone else uses stay untouched.
 */
export class PrivateStack {
  readonly dir: string;
  private readonly frozen = new Set<StackComponent>();

  private constructor(
    private readonly ports: {
      kafka: number;
      kafkaController: number;
      clickhouseHttp: number;
      clickhouseTcp: number;
    },
    readonly components: readonly StackComponent[],
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'rf-private-stack-'));
  }

  /** Picks free ports and brings the components up (Kafka's first start formats its storage). */
  static async start(components: readonly StackComponent[] = ['kafka', 'clickhouse']): Promise<PrivateStack> {
    const stack = new PrivateStack(
      {
        kafka: await freePort(),
        kafkaController: await freePort(),
        clickhouseHttp: await freePort(),
        clickhouseTcp: await freePort(),
      },
      components,
    );
    try {
      await stack.up(...components);
    } catch (err) {
      await stack.destroy();
      throw err;
    }
    return stack;
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.ports.kafka}`];
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
      RINGFENCE_STACK_DIR: this.dir,
      KAFKA_PORT: String(this.ports.kafka),
      KAFKA_CONTROLLER_PORT: String(this.ports.kafkaController),
      CLICKHOUSE_HTTP_PORT: String(this.ports.clickhouseHttp),
      CLICKHOUSE_TCP_PORT: String(this.ports.clickhouseTcp),
    };
  }

  private async cli(command: 'up' | 'down', only: readonly StackComponent[]): Promise<void> {
    await run(process.execPath, [CLI, 'stack', command, '--only', ...only], { env: this.cliEnv() });
  }

  /** Starts the components (again): same ports, same data, so clients find what they left. */
  async up(...only: StackComponent[]): Promise<void> {
    await this.cli('up', only);
  }

  /** Stops the components gracefully (SIGTERM, then SIGKILL after the CLI's grace period). */
  async down(...only: StackComponent[]): Promise<void> {
    for (const c of only) this.thaw(c);
    await this.cli('down', only);
  }

  /** The pid the CLI recorded for a component. */
  pid(component: StackComponent): number {
    const file = join(this.dir, component, `${component}.pid`);
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no pid in ${file}`);
    return pid;
  }

  /** SIGKILL: the server dies as in a power cut (no clean shutdown); `up` starts it again on its data. */
  async crash(component: StackComponent): Promise<void> {
    this.frozen.delete(component);
    const pid = this.livePid(component);
    if (pid === undefined) return;
    process.kill(pid, 'SIGKILL');
    await until(`${component} gone`, () => Promise.resolve(this.livePid(component) === undefined), 30_000);
  }

  /** SIGSTOP: the server hangs (connections stay open, nothing answers), as a wedged server would. */
  freeze(component: StackComponent): void {
    process.kill(this.pid(component), 'SIGSTOP');
    this.frozen.add(component);
  }

  /** SIGCONT after `freeze`. */
  thaw(component: StackComponent): void {
    if (!this.frozen.delete(component)) return;
    process.kill(this.pid(component), 'SIGCONT');
  }

  /** The live pid of a component's server, only if its command line names this stack's dir (never a recycled pid). */
  private livePid(component: StackComponent): number | undefined {
    try {
      const pid = this.pid(component);
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return cmdline.includes(this.dir) ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Kills both servers (SIGKILL: their data is thrown away, a graceful stop would only cost time)
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
