import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, scrapeMetrics, sumMetric, until } from '@ringfence/common/testing';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

export type ServiceName = 'ingest' | 'scorer' | 'sink' | 'risk-api';

/**
 * One Ringfence service as a child process, exactly as it runs in production
 * (`node services/<name>/dist/index.js`, configured by environment), with its own ops port for
 * /metrics and /readyz. Its output goes to `<logDir>/<name>-<n>.log`.
 */
export class ServiceProcess {
  /** Every child started and not yet exited, so a failed test leaves no process behind. */
  private static readonly running = new Set<ChildProcess>();
  private static started = 0;
  private child: ChildProcess | undefined;
  private exit: Promise<number | null> | undefined;
  opsPort = 0;
  logFile = '';

  constructor(
    readonly name: ServiceName,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logDir: string = tmpdir(),
  ) {}

  async start(): Promise<void> {
    this.opsPort = await freePort();
    ServiceProcess.started += 1;
    this.logFile = join(this.logDir, `${this.name}-${ServiceProcess.started}.log`);
    const fd = openSync(this.logFile, 'a');
    const child = spawn(process.execPath, [join(REPO, 'services', this.name, 'dist', 'index.js')], {
      env: { ...this.env, OPS_PORT: String(this.opsPort), OPS_HOST: '127.0.0.1' },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    this.child = child;
    ServiceProcess.running.add(child);
    this.exit = new Promise((resolve) =>
      child.once('exit', (code) => {
        ServiceProcess.running.delete(child);
        resolve(code);
      }),
    );
  }

  /** The process id; the same one for the whole test proves nobody restarted the service. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** True while the child has not exited. */
  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Waits until /readyz answers 200 (fails early, with the log's tail, if the process exits). */
  async ready(timeoutMs = 90_000): Promise<void> {
    await until(
      `${this.name} ready`,
      async () => {
        if (!this.alive) throw new Error(`${this.name} exited while starting:\n${this.tail()}`);
        try {
          return (await fetch(`http://127.0.0.1:${this.opsPort}/readyz`)).status === 200;
        } catch {
          return false;
        }
      },
      timeoutMs,
    );
  }

  /** HTTP status of /healthz, or 0 while the ops server does not answer. */
  async healthz(): Promise<number> {
    try {
      return (await fetch(`http://127.0.0.1:${this.opsPort}/healthz`)).status;
    } catch {
      return 0;
    }
  }

  /**
   * The sum of a Prometheus series' samples whose label text contains every one of `labels`
   * (e.g. `table="cdr"`), or undefined while the service does not answer.
   */
  async metric(name: string, ...labels: string[]): Promise<number | undefined> {
    const text = await scrapeMetrics(this.opsPort);
    return text === undefined ? undefined : sumMetric(text, name, ...labels);
  }

  /** Sends `signal` and waits for the exit; resolves with the exit code (null when killed by a signal). */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child === undefined || this.exit === undefined) return null;
    if (this.alive) this.child.kill(signal);
    return this.exit;
  }

  /** Sends `signal` and returns at once (a fault to trigger, say). */
  signal(signal: NodeJS.Signals): void {
    if (this.alive) this.child?.kill(signal);
  }

  /** Resolves with the exit code once the process exits by itself (null when killed by a signal). */
  exited(): Promise<number | null> {
    return this.exit ?? Promise.resolve(null);
  }

  /** The last lines the service logged, for failure messages. */
  tail(lines = 30): string {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  /** Log lines containing `text`. */
  logLines(text: string): string[] {
    try {
      return readFileSync(this.logFile, 'utf8')
        .split('\n')
        .filter((l) => l.includes(text));
    } catch {
      return [];
    }
  }

  /** SIGKILLs every child still running (for afterAll). */
  static killAll(): void {
    for (const child of ServiceProcess.running) child.kill('SIGKILL');
  }
}
