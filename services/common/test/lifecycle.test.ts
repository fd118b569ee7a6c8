import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { until } from '../src/until.js';

const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));

/** Runs runService in a child whose start never finishes, signals it, and returns its exit code. */
async function signalWhileStarting(signals: number): Promise<{ code: number | null; ms: number }> {
  const script = `
    const { runService, createLogger } = await import(${JSON.stringify(DIST)});
    runService(createLogger('t', 'silent'), () => new Promise(() => { setInterval(() => {}, 1000); }), 800);
    process.stdout.write('started\\n');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const t0 = performance.now();
  const exited = exitCode(child);
  for (let i = 0; i < signals; i++) child.kill('SIGTERM');
  const code = await exited;
  return { code, ms: performance.now() - t0 };
}

/**
 * Runs `body` with a marker file that a child service's stop writes: `stop` is the source of a stop
 * function to return from the service's start, `stopped` the marker's path.
 */
async function withStopMarker(body: (stop: string, stopped: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rf-lifecycle-'));
  const stopped = join(dir, 'stopped');
  const stop = `async () => (await import('node:fs')).writeFileSync(${JSON.stringify(stopped)}, 'stopped')`;
  try {
    await body(stop, stopped);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('runService', () => {
  it('exits with status 1 after the grace period when signalled while start never finishes', async () => {
    const { code, ms } = await signalWhileStarting(1);
    expect(code).toBe(1);
    // Not before the grace period (800 ms here): a start that does finish gets its chance to stop.
    expect(ms).toBeGreaterThanOrEqual(700);
  });

  it('stops like on SIGTERM once the job that started it is gone, killed outright', async () => {
    await withStopMarker(async (stop, stopped) => {
      // The service: runService whose stop records that it ran.
      const service = `
        const { runService, createLogger } = await import(${JSON.stringify(DIST)});
        runService(createLogger('t', 'silent'), async () => {
          setInterval(() => {}, 1000);
          return ${stop};
        });`;
      // The job: starts the service in a process group of its own, as ringfence run does, and
      // reports its pid.
      const job = `
        const { spawn } = await import('node:child_process');
        const { SUPERVISOR_PID_ENV } = await import(${JSON.stringify(DIST)});
        const child = spawn(process.execPath, ['--input-type=module', '-e', ${JSON.stringify(service)}], {
          env: { ...process.env, [SUPERVISOR_PID_ENV]: String(process.pid) },
          stdio: 'ignore',
          detached: true,
        });
        child.unref();
        process.stdout.write(child.pid + '\\n');
        setInterval(() => {}, 1000);`;
      const parent = spawn(process.execPath, ['--input-type=module', '-e', job], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => parent.stdout.once('data', () => resolve()));
      // Alive and watching while its job runs.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(existsSync(stopped)).toBe(false);
      const gone = new Promise((resolve) => parent.once('exit', resolve));
      parent.kill('SIGKILL');
      await gone;
      await until('the service stopped by itself', () => Promise.resolve(existsSync(stopped)), 10_000);
      expect(readFileSync(stopped, 'utf8')).toBe('stopped');
    });
  });

  it('refuses a supervising job id that is not a process id', async () => {
    const script = `
      const { runService, createLogger } = await import(${JSON.stringify(DIST)});
      runService(createLogger('t', 'silent'), async () => async () => {});`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, RINGFENCE_SUPERVISOR_PID: 'the-job' },
      stdio: 'ignore',
    });
    expect(await exitCode(child)).toBe(1);
  });

  it('stops as on SIGTERM and exits with status 1 when the service calls fail', async () => {
    await withStopMarker(async (stop, stopped) => {
      const script = `
        const { runService, createLogger } = await import(${JSON.stringify(DIST)});
        runService(createLogger('t', 'silent'), async (fail) => {
          setInterval(() => {}, 1000);
          setTimeout(() => fail(new Error('stalled')), 200);
          return ${stop};
        });`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
      expect(await exitCode(child)).toBe(1);
      // Its stop ran first: buffered work is flushed and committed as on any stop.
      expect(readFileSync(stopped, 'utf8')).toBe('stopped');
    });
  });
});
