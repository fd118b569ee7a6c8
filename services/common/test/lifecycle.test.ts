import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (let i = 0; i < signals; i++) child.kill('SIGTERM');
  const code = await exited;
  return { code, ms: performance.now() - t0 };
}

describe('runService', () => {
  it('exits with status 1 after the grace period when signalled while start never finishes', async () => {
    const { code, ms } = await signalWhileStarting(1);
    expect(code).toBe(1);
    // Not before the grace period (800 ms here): a start that does finish gets its chance to stop.
    expect(ms).toBeGreaterThanOrEqual(700);
  });
});
