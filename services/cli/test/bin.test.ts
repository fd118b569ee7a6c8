import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cliDir = fileURLToPath(new URL('..', import.meta.url));
const repo = join(cliDir, '..', '..');
const pkg = JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8')) as { bin: Record<string, string> };
const bin = pkg.bin['ringfence'] ?? '';

describe('the ringfence command', () => {
  it('is a committed file outside dist/, so npm can link it at install, before anything is built', () => {
    expect(bin).not.toBe('');
    expect(normalize(bin).split(/[\\/]/)[0]).not.toBe('dist');
  });

  it('runs the built CLI', () => {
    const r = spawnSync(process.execPath, [join(cliDir, bin), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: ringfence');
  });

  it('is what the checkout root resolves `ringfence` to (node_modules/.bin, as npx finds it)', () => {
    expect(realpathSync(join(repo, 'node_modules', '.bin', 'ringfence'))).toBe(
      realpathSync(join(cliDir, bin)),
    );
  });

  it('says how to build when the CLI is not built yet', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rf-bin-'));
    await mkdir(join(dir, 'bin'));
    await copyFile(join(cliDir, bin), join(dir, 'bin', 'ringfence.mjs'));
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'ringfence.mjs'), '--help'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npm run build');
    await rm(dir, { recursive: true, force: true });
  });
});
