import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ChildSpec {
  name: string;
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Restart after a crash (services); one-shot jobs (a replay) are not restarted. */
  restart: boolean;
}

interface Running {
  spec: ChildSpec;
  child: ChildProcess;
  restarts: number;
}

/**
 * Starts child processes, prefixes their output with their name, restarts crashed services with
 * backoff, and stops them all (SIGTERM, then SIGKILL after a grace period) in reverse start order.
 */
export class Supervisor {
  private readonly running = new Map<string, Running>();
  private stopping = false;

  constructor(
    private readonly out: (line: string) => void,
    private readonly graceMs = 15_000,
  ) {}

  start(spec: ChildSpec, restarts = 0): ChildProcess {
    // Own process group: a terminal's Ctrl-C reaches only the supervisor, which then stops each child
    // once with SIGTERM (a child that saw SIGINT and then SIGTERM would treat it as a forced second signal).
    const child = spawn(spec.command, [...spec.args], {
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    for (const stream of [child.stdout, child.stderr]) {
      if (stream !== null)
        createInterface({ input: stream }).on('line', (l) => this.out(`[${spec.name}] ${l}`));
    }
    const entry: Running = { spec, child, restarts };
    this.running.set(spec.name, entry);
    child.on('exit', (code, signal) => {
      if (this.stopping || this.running.get(spec.name) !== entry) return;
      this.running.delete(spec.name);
      if (!spec.restart) {
        this.out(`[supervisor] ${spec.name} finished (${signal ?? code})`);
        return;
      }
      const delay = Math.min(30_000, 500 * 2 ** restarts);
      this.out(`[supervisor] ${spec.name} exited (${signal ?? code}); restarting in ${delay} ms`);
      void sleep(delay).then(() => {
        if (!this.stopping) this.start(spec, restarts + 1);
      });
    });
    return child;
  }

  /** Resolves when the named one-shot child exits, with its exit code. */
  async wait(name: string): Promise<number> {
    const entry = this.running.get(name);
    if (entry === undefined) return 0;
    if (entry.child.exitCode !== null) return entry.child.exitCode;
    return new Promise((resolve) => entry.child.once('exit', (code) => resolve(code ?? 1)));
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    const all = [...this.running.values()].reverse();
    await Promise.all(
      all.map(async ({ spec, child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), this.graceMs);
        await exited;
        clearTimeout(timer);
        this.out(`[supervisor] ${spec.name} stopped`);
      }),
    );
    this.running.clear();
  }
}
