import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stackServerCpuSeconds } from '../src/server-cpu.js';

const dirs: string[] = [];
afterEach(() => {
  delete process.env['RINGFENCE_STACK_DIR'];
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function stackWithPid(pid: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'rf-stack-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'kafka'));
  writeFileSync(join(dir, 'kafka', 'kafka.pid'), `${pid}\n`);
  process.env['RINGFENCE_STACK_DIR'] = dir;
}

describe('stackServerCpuSeconds', () => {
  it("reads the CPU time of the process named by the stack's pid file", () => {
    stackWithPid(String(process.pid));
    // Burn some CPU, then the reading must cover at least what this process says it used.
    const until = Date.now() + 300;
    let x = 0;
    while (Date.now() < until) x += Math.sqrt(x + 1);
    const own = process.cpuUsage();
    const read = stackServerCpuSeconds('kafka');
    expect(read).toBeDefined();
    expect(read!).toBeGreaterThanOrEqual((own.user + own.system) / 1e6 - 0.05 + (x < 0 ? 1 : 0));
  });

  it('is undefined without a pid file or a live process', () => {
    stackWithPid('999999999');
    expect(stackServerCpuSeconds('kafka')).toBeUndefined();
    expect(stackServerCpuSeconds('clickhouse')).toBeUndefined();
  });
});
