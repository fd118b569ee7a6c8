import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsRehash, verifyPassword } from '../src/password.js';
import { UserStore } from '../src/users.js';
import { legacyHash } from './legacy-hash.js';

const PASSWORD = 'alice-password-1';

async function storedHash(file: string, name: string): Promise<string | undefined> {
  const f = JSON.parse(await readFile(file, 'utf8')) as { users: { name: string; passwordHash: string }[] };
  return f.users.find((u) => u.name === name)?.passwordHash;
}

async function usersFileWithOldHash(): Promise<{ file: string; old: string }> {
  const file = join(await mkdtemp(join(tmpdir(), 'users-')), 'users.json');
  const old = legacyHash(PASSWORD, 2 ** 14);
  const users = [{ name: 'alice', role: 'analyst', passwordHash: old, tokenHashes: [], disabled: false }];
  await writeFile(file, JSON.stringify({ users }));
  return { file, old };
}

describe('UserStore re-hashes outdated passwords at login', () => {
  it('logs in with an N=2^14 hash and replaces it with a current one, in memory and in the file', async () => {
    const { file, old } = await usersFileWithOldHash();
    const store = await UserStore.open(file);
    expect(await store.authenticate('alice', `${PASSWORD}x`)).toBeUndefined();
    expect(await storedHash(file, 'alice')).toBe(old); // a failed login changes nothing
    expect(await store.authenticate('alice', PASSWORD)).toEqual({ name: 'alice', role: 'analyst' });
    const fresh = (await storedHash(file, 'alice')) ?? '';
    expect(fresh).not.toBe(old);
    expect(Number(fresh.split('$')[1])).toBeGreaterThanOrEqual(2 ** 17);
    expect(needsRehash(fresh)).toBe(false);
    expect(await verifyPassword(PASSWORD, fresh)).toBe(true);
    // Reopened, the new hash is the one in use.
    expect(await (await UserStore.open(file)).authenticate('alice', PASSWORD)).toEqual({
      name: 'alice',
      role: 'analyst',
    });
  });

  it('keeps what another process wrote to the file meanwhile', async () => {
    const { file } = await usersFileWithOldHash();
    const consoleStore = await UserStore.open(file);
    // `ringfence console user add` while the console runs.
    const bobPassword = await (await UserStore.open(file)).upsert('bob', 'auditor');
    await consoleStore.authenticate('alice', PASSWORD);
    const reopened = await UserStore.open(file);
    expect(
      reopened
        .list()
        .map((u) => u.name)
        .sort(),
    ).toEqual(['alice', 'bob']);
    expect(await reopened.authenticate('bob', bobPassword)).toEqual({ name: 'bob', role: 'auditor' });
  });

  it('does not undo a password reset made in the file meanwhile, and still lets the login through', async () => {
    const { file } = await usersFileWithOldHash();
    const consoleStore = await UserStore.open(file);
    await (await UserStore.open(file)).upsert('alice', 'analyst', 'reset-password-2');
    const reset = await storedHash(file, 'alice');
    expect(await consoleStore.authenticate('alice', PASSWORD)).toEqual({ name: 'alice', role: 'analyst' });
    expect(await storedHash(file, 'alice')).toBe(reset);
  });

  it('lets the login through when the file cannot be written, and says so', async () => {
    const { file } = await usersFileWithOldHash();
    const failures: string[] = [];
    const store = await UserStore.open(file, { onRehashFailed: (user) => failures.push(user) });
    await writeFile(file, '{ not json');
    expect(await store.authenticate('alice', PASSWORD)).toEqual({ name: 'alice', role: 'analyst' });
    expect(failures).toEqual(['alice']);
  });
});
