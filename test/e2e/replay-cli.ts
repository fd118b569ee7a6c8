import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { TestStack } from '@ringfence/common/testing';
import { REPO } from '../support/service-process.js';

/** `ringfence <args>` on the test stack, as an operator runs it: exit code, stdout, stderr. */
export async function ringfenceCli(
  stack: TestStack,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(REPO, 'services/cli/dist/index.js'), ...args], {
    env: stack.env(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout, stderr };
}

/** `ringfence replay` on the test stack: exit code, stdout summary counts, stderr. */
export async function replayCli(
  stack: TestStack,
  file: string,
  args: string[] = [],
): Promise<{ code: number | null; counts: Record<string, number>; stderr: string }> {
  const { code, stdout, stderr } = await ringfenceCli(stack, ['replay', file, ...args]);
  const counts: Record<string, number> = {};
  for (const m of stdout.matchAll(/^\s*([A-Za-z_]+) (\d+)$/gm)) counts[m[1]!] = Number(m[2]);
  return { code, counts, stderr };
}
