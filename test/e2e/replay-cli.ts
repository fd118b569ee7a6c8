import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { TestStack } from '@ringfence/common/testing';
import { REPO } from '../support/service-process.js';

/** `ringfence replay` on the test stack: exit code, stdout summary counts, stderr. */
export async function replayCli(
  stack: TestStack,
  file: string,
  args: string[] = [],
): Promise<{ code: number | null; counts: Record<string, number>; stderr: string }> {
  const child = spawn(process.execPath, [join(REPO, 'services/cli/dist/index.js'), 'replay', file, ...args], {
    env: stack.env(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const counts: Record<string, number> = {};
  for (const m of out.matchAll(/^\s*([A-Za-z_]+) (\d+)$/gm)) counts[m[1]!] = Number(m[2]);
  return { code, counts, stderr };
}
