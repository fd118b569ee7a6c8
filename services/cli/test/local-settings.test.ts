import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mainJobFile, withMainJobSettings } from '../src/local-settings.js';
import { stackPaths } from '../src/stack/paths.js';
import { mainJobFixture, type MainJobFixture } from './main-job-fixture.js';

let fx: MainJobFixture;
let stderr: string[];
beforeEach(async () => {
  fx = await mainJobFixture();
  await writeFile(fx.files.usersFile, JSON.stringify({ users: [] }));
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(fx.stackDir, { recursive: true, force: true });
});

/** Inside the checkout, with the fixture as the local stack and nothing else set. */
function inCheckout(env: NodeJS.ProcessEnv = {}) {
  const ctxEnv = { RINGFENCE_STACK_DIR: fx.stackDir, ...env };
  return { env: ctxEnv, cwd: join(stackPaths(ctxEnv).repo, 'services') };
}

describe("the main job's local settings", () => {
  it('fill every key the user has not set, and each one taken is said on stderr', () => {
    const env = withMainJobSettings(['signingKey', 'calleeHashKey', 'usersFile', 'authTokens'], inCheckout());
    expect(env['SIGNING_KEY']).toBe(fx.files.signingKey);
    expect(env['CALLEE_HASH_KEY']).toBe(fx.calleeHashKey);
    expect(env['USERS_FILE']).toBe(fx.files.usersFile);
    expect(env['AUTH_TOKENS']).toBe(`${fx.riskToken}=demo-switch`);
    const said = stderr.join('');
    for (const v of ['SIGNING_KEY', 'CALLEE_HASH_KEY', 'USERS_FILE', 'AUTH_TOKENS']) {
      expect(said).toMatch(new RegExp(`^ringfence: ${v} not set: using the main job's, from \\S+`, 'm'));
    }
    // The secret itself never reaches the terminal, only where it came from.
    expect(said).not.toContain(fx.calleeHashKey);
    expect(said).toContain(fx.files.calleeHashKey);
  });

  it('leave what the user set, in the environment or in $RINGFENCE_CONFIG, alone', async () => {
    const config = join(fx.stackDir, 'config.json');
    await writeFile(config, JSON.stringify({ calleeHashKey: 'from-the-config-file-0123' }));
    const env = withMainJobSettings(
      ['signingKey', 'calleeHashKey'],
      inCheckout({ SIGNING_KEY: '/etc/ringfence/export.pem', RINGFENCE_CONFIG: config }),
    );
    expect(env['SIGNING_KEY']).toBe('/etc/ringfence/export.pem');
    expect(env['CALLEE_HASH_KEY']).toBeUndefined(); // loadConfig reads it from the file
    expect(stderr.join('')).toBe('');
  });

  it('are not used outside the checkout, nor when the main job has not written them', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'rf-elsewhere-'));
    const env = withMainJobSettings(['signingKey'], { ...inCheckout(), cwd: outside });
    expect(env['SIGNING_KEY']).toBeUndefined();
    await rm(fx.files.signingKey);
    expect(withMainJobSettings(['signingKey'], inCheckout())['SIGNING_KEY']).toBeUndefined();
    expect(mainJobFile('signingKey', inCheckout())).toBeUndefined();
    expect(mainJobFile('publicKey', inCheckout())).toBe(fx.files.publicKey);
    expect(stderr.join('')).toBe('');
    await rm(outside, { recursive: true, force: true });
  });
});
