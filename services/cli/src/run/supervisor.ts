import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { SUPERVISOR_PID_ENV, backoffDelay } from '@ringfence/common';

export interface ChildSpec {
  name: string;
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Restart after a crash (services); one-shot jobs (a replay) are not restarted. */
  restart: boolean;
}

/** Something that happened to a child: what the status view shows and the plain mode prints. */
export interface SupervisorEvent {
  name: string;
  kind: 'exited' | 'restarting' | 'finished' | 'stopped';
  /** Exit code or signal. */
  status: string;
  /** Set on `restarting`: the backoff before the next start. */
  delayMs?: number;
}

export interface SupervisorOptions {
  /** Each child's output is written to `<logDir>/<name>.log` (`#n` of numbered jobs dropped), new every run. */
  logDir: string;
  /** Also hands every output line here, prefixed with the child's name (`--verbose`). */
  echo?: ((line: string) => void) | undefined;
  onEvent?: ((event: SupervisorEvent) => void) | undefined;
  graceMs?: number;
}

/** What the supervisor knows about a restartable service. */
export interface ServiceState {
  name: string;
  /** Running now (it may still be starting: ask its /readyz). */
  running: boolean;
  restarts: number;
}

interface Running {
  spec: ChildSpec;
  child: ChildProcess;
  restarts: number;
}

/** The log file of a child: numbered one-shot jobs (`replay#3`) share their kind's file. */
export function logName(child: string): string {
  return child.replace(/#\d+$/, '');
}

/**
 * Starts child processes, writes their output to one log file per child, restarts crashed services
 * with backoff, and stops them all (SIGTERM, then SIGKILL after a grace period) in reverse start order.
 */
export class Supervisor {
  private readonly running = new Map<string, Running>();
  private readonly services = new Map<string, ServiceState>();
  private readonly logs = new Map<string, WriteStream>();
  private stopping = false;
  private readonly graceMs: number;

  constructor(private readonly options: SupervisorOptions) {
    this.graceMs = options.graceMs ?? 15_000;
    mkdirSync(options.logDir, { recursive: true });
  }

  private log(name: string): WriteStream {
    const file = logName(name);
    let stream = this.logs.get(file);
    if (stream === undefined) {
      // Truncated once per run, so a log holds this run only; restarts and later jobs append.
      stream = createWriteStream(join(this.options.logDir, `${file}.log`), { flags: 'w' });
      this.logs.set(file, stream);
    }
    return stream;
  }

  /** Starts `spec`; does nothing once stopping, so a job started late cannot outlive the stop. */
  start(spec: ChildSpec, restarts = 0): void {
    if (this.stopping) return;
    // Own process group: a terminal's Ctrl-C reaches only the supervisor, which then stops each child
    // once with SIGTERM (a child that saw SIGINT and then SIGTERM would treat it as a forced second signal).
    const child = spawn(spec.command, [...spec.args], {
      // A child that outlives this process (killed outright) stops by itself (runService).
      env: { ...spec.env, [SUPERVISOR_PID_ENV]: String(process.pid) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const log = this.log(spec.name);
    const echo = this.options.echo;
    for (const stream of [child.stdout, child.stderr]) {
      if (stream === null) continue;
      createInterface({ input: stream }).on('line', (line) => {
        if (!log.writableEnded) log.write(`${line}\n`);
        echo?.(`[${spec.name}] ${line}`);
      });
    }
    const entry: Running = { spec, child, restarts };
    this.running.set(spec.name, entry);
    if (spec.restart) this.services.set(spec.name, { name: spec.name, running: true, restarts });
    child.on('exit', (code, signal) => {
      if (this.stopping || this.running.get(spec.name) !== entry) return;
      this.running.delete(spec.name);
      const status = String(signal ?? code);
      if (!spec.restart) {
        this.options.onEvent?.({ name: spec.name, kind: 'finished', status });
        return;
      }
      const delayMs = backoffDelay(restarts + 1, 500, 30_000);
      this.services.set(spec.name, { name: spec.name, running: false, restarts: restarts + 1 });
      this.options.onEvent?.({ name: spec.name, kind: 'restarting', status, delayMs });
      void sleep(delayMs).then(() => {
        this.start(spec, restarts + 1);
      });
    });
  }

  /** The restartable services started so far, in start order. */
  serviceStates(): ServiceState[] {
    return [...this.services.values()];
  }

  /** Restarts of every service so far. */
  restarts(): number {
    return this.serviceStates().reduce((n, s) => n + s.restarts, 0);
  }

  /** Resolves when the named one-shot child exits, with its exit code. */
  async wait(name: string): Promise<number> {
    const entry = this.running.get(name);
    if (entry === undefined) return 0;
    if (entry.child.exitCode !== null) return entry.child.exitCode;
    if (entry.child.signalCode !== null) return 1;
    return new Promise((resolve) => entry.child.once('exit', (code) => resolve(code ?? 1)));
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    const all = [...this.running.values()].reverse();
    await Promise.all(
      all.map(async ({ spec, child }) => {
        if (child.exitCode === null && child.signalCode === null) {
          // 'close', not 'exit': the last lines are in the log before it is closed below.
          const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), this.graceMs);
          await exited;
          clearTimeout(timer);
        }
        this.options.onEvent?.({
          name: spec.name,
          kind: 'stopped',
          status: String(child.signalCode ?? child.exitCode),
        });
      }),
    );
    this.running.clear();
    for (const s of this.services.values()) s.running = false;
    await Promise.all(
      [...this.logs.values()].map((s) => new Promise<void>((resolve) => s.end(() => resolve()))),
    );
    this.logs.clear();
  }
}
