import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserStore } from '@ringfence/console';
import { registerConsole } from '../../src/commands/console.js';
import { mainJobFixture, type MainJobFixture } from '../main-job-fixture.js';
import { runCli } from '../run-cli.js';

let fx: MainJobFixture;
let own: string;
beforeEach(async () => {
  fx = await mainJobFixture();
  own = await mkdtemp(join(tmpdir(), 'rf-users-'));
  vi.stubEnv('RINGFENCE_STACK_DIR', fx.stackDir);
  for (const v of ['USERS_FILE', 'RINGFENCE_CONFIG']) vi.stubEnv(v, undefined);
  // What the main job's set-up step leaves: its `admin` supervisor.
  await (await UserStore.open(fx.files.usersFile)).upsert('admin', 'supervisor', 'admin-password-1');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(fx.stackDir, { recursive: true, force: true });
  await rm(own, { recursive: true, force: true });
});

describe('ringfence console user', () => {
  it("inside the checkout works on the main job's users when USERS_FILE is not set, and says so", async () => {
    const added = await runCli(registerConsole, ['console', 'user', 'add', 'bob', 'analyst']);
    expect(added.stderr).toMatch(
      /^ringfence: USERS_FILE not set: using the main job's, from \S*console-users\.json$/m,
    );
    const list = await runCli(registerConsole, ['console', 'user', 'list']);
    expect(list.stdout).toBe('admin\tsupervisor\nbob\tanalyst\n');
    expect((await UserStore.open(fx.files.usersFile)).list().map((u) => u.name)).toEqual(['admin', 'bob']);
  });

  it('uses USERS_FILE when set, without a word about the main job', async () => {
    vi.stubEnv('USERS_FILE', join(own, 'users.json'));
    await runCli(registerConsole, ['console', 'user', 'add', 'carol', 'auditor']);
    const list = await runCli(registerConsole, ['console', 'user', 'list']);
    expect(list.stdout).toBe('carol\tauditor\n');
    expect(list.stderr).toBe('');
  });
});
