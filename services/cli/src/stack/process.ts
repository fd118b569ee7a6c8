import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pollUntilTrue } from '@ringfence/common';

/** A process started by the stack and remembered by pid file, never looked up by name. */
export interface Daemon {
  readonly name: string;
  readonly pidFile: string;
  /** A string that must appear in the process's command line: guards against a recycled pid. */
  readonly marker: string;
}

function cmdline(pid: number): string | undefined {
  try {
    // A zombie has an empty command line: it is gone for our purposes.
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    return cmd === '' ? undefined : cmd;
  } catch {
    return undefined;
  }
}

/** The pid of the daemon if its pid file names a live process that is still ours. */
export function runningPid(d: Daemon): number | undefined {
  if (!existsSync(d.pidFile)) return undefined;
  const pid = Number(readFileSync(d.pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const cmd = cmdline(pid);
  return cmd !== undefined && cmd.includes(d.marker) ? pid : undefined;
}

/** Starts a detached process with stdout and stderr appended to `logFile`, and records its pid. */
export function startDaemon(
  d: Daemon,
  command: string,
  args: readonly string[],
  logFile: string,
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): number {
  mkdirSync(dirname(d.pidFile), { recursive: true });
  mkdirSync(dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'a');
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  if (child.pid === undefined) throw new Error(`could not start ${d.name} (${command})`);
  child.unref();
  writeFileSync(d.pidFile, `${child.pid}\n`);
  return child.pid;
}

/** Stops the daemon named by its pid file: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopDaemon(d: Daemon, graceMs = 20_000): Promise<boolean> {
  const pid = runningPid(d);
  if (pid === undefined) {
    rmSync(d.pidFile, { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && cmdline(pid) !== undefined) await sleep(200);
  if (cmdline(pid) !== undefined) {
    process.kill(pid, 'SIGKILL');
    while (cmdline(pid) !== undefined) await sleep(100);
  }
  rmSync(d.pidFile, { force: true });
  return true;
}

/**
 * Polls `check` until it resolves true or the timeout passes; gives up at once when `signal` aborts,
 * or when `exited` says the process being waited for is gone (a port taken, a bad config).
 */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  signal?: AbortSignal,
  exited?: () => string | undefined,
): Promise<void> {
  await pollUntilTrue(what, check, {
    timeoutMs,
    ...(signal && { signal }),
    ...(exited && { giveUp: exited }),
  });
}

/**
 * The end of a log worth showing to say why a process failed: with `errors`, its last lines that
 * match (at most 10), each with the line under it when that one is not a new entry (the exception
 * that names the cause: a port taken, a bad setting); else, or when none match, its last `lines`.
 * Empty when the log cannot be read.
 */
export function logTail(file: string, lines: number, errors?: RegExp): string {
  let all: string[];
  try {
    all = readFileSync(file, 'utf8').trimEnd().split('\n');
  } catch {
    return '';
  }
  const matched =
    errors === undefined
      ? []
      : all.flatMap((l, i) => {
          if (!errors.test(l)) return [];
          const next = all[i + 1];
          return next !== undefined && !next.startsWith('[') && !next.startsWith('\t') ? [l, next] : [l];
        });
  return (matched.length > 0 ? matched.slice(-10) : all.slice(-lines)).join('\n');
}
