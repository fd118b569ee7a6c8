import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { RingfenceError } from '@ringfence/common';
import { z } from 'zod';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password.js';
import { ROLES, type Role } from './roles.js';

const NAME = /^[a-z][a-z0-9._-]{1,31}$/;

const userSchema = z.object({
  name: z.string().regex(NAME),
  role: z.enum(ROLES),
  passwordHash: z.string(),
  /** sha256 (hex) of each API token; the token itself is shown once and never stored. */
  tokenHashes: z.array(z.string()).default([]),
  disabled: z.boolean().default(false),
});
const fileSchema = z.object({ users: z.array(userSchema) });

export type StoredUser = z.infer<typeof userSchema>;

/** Who made a request. */
export interface Principal {
  name: string;
  role: Role;
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function readUsers(file: string): Promise<StoredUser[] | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const parsed = fileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new RingfenceError('CONFIG_INVALID', `users file ${file}: ${parsed.error.message}`);
  }
  return parsed.data.users;
}

export interface UserStoreOptions {
  /**
   * Told when an outdated password hash could not be replaced after a good login (a read-only users
   * file, a full disk): the login still succeeds and the next one tries again.
   */
  onRehashFailed?: (user: string, err: unknown) => void;
}

/** Users of the console, kept in a JSON file (written atomically) and in memory. */
export class UserStore {
  private users = new Map<string, StoredUser>();
  /** Writes go one at a time: they share the temporary file name. */
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly options: UserStoreOptions,
  ) {}

  /** Loads the file; a missing file is an empty store. */
  static async open(file: string, options: UserStoreOptions = {}): Promise<UserStore> {
    const store = new UserStore(file, options);
    for (const u of (await readUsers(file)) ?? []) store.users.set(u.name, u);
    return store;
  }

  get size(): number {
    return this.users.size;
  }

  list(): Principal[] {
    return [...this.users.values()].map((u) => ({ name: u.name, role: u.role }));
  }

  private write(users: () => Promise<StoredUser[] | undefined>): Promise<void> {
    const next = this.writing.then(async () => {
      const list = await users();
      if (list === undefined) return;
      await mkdir(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      await writeFile(tmp, `${JSON.stringify({ users: list }, null, 2)}\n`, { mode: 0o600 });
      await rename(tmp, this.file);
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  private save(): Promise<void> {
    return this.write(() => Promise.resolve([...this.users.values()]));
  }

  /** Creates or replaces a user; returns the password (generated when not given). */
  async upsert(name: string, role: Role, password?: string): Promise<string> {
    if (!NAME.test(name)) {
      throw new RingfenceError(
        'INVALID_ARGUMENT',
        'user name: 2-32 chars, lower case letters, digits, . _ -',
      );
    }
    const pw = password ?? randomBytes(12).toString('base64url');
    if (pw.length < 10) throw new RingfenceError('INVALID_ARGUMENT', 'password: at least 10 characters');
    const existing = this.users.get(name);
    this.users.set(name, {
      name,
      role,
      passwordHash: await hashPassword(pw),
      tokenHashes: existing?.tokenHashes ?? [],
      disabled: false,
    });
    await this.save();
    return pw;
  }

  /** Issues a new API token for a user and returns it (only its hash is kept). */
  async issueToken(name: string): Promise<string> {
    const u = this.users.get(name);
    if (u === undefined) throw new RingfenceError('NOT_FOUND', `no user ${name}`);
    const token = `rft_${randomBytes(24).toString('base64url')}`;
    u.tokenHashes.push(tokenHash(token));
    await this.save();
    return token;
  }

  /**
   * Checks a login; the same work is done for unknown users so timing does not reveal them. A good
   * login over a hash made with weaker parameters than today's replaces it.
   */
  async authenticate(name: string, password: string): Promise<Principal | undefined> {
    const u = this.users.get(name);
    const ok = await verifyPassword(password, u?.passwordHash ?? (await dummyHash()));
    if (!ok || u === undefined || u.disabled) return undefined;
    if (needsRehash(u.passwordHash)) await this.rehash(u, password);
    return { name: u.name, role: u.role };
  }

  private async rehash(u: StoredUser, password: string): Promise<void> {
    const old = u.passwordHash;
    const fresh = await hashPassword(password);
    u.passwordHash = fresh;
    try {
      // Read, change one hash, write: the file may have gained users (`ringfence console user add`)
      // since this process loaded it, and a password reset there must not be undone here.
      await this.write(async () => {
        const onDisk = (await readUsers(this.file)) ?? [];
        const mine = onDisk.find((x) => x.name === u.name);
        if (mine?.passwordHash !== old) return undefined;
        mine.passwordHash = fresh;
        return onDisk;
      });
    } catch (err) {
      this.options.onRehashFailed?.(u.name, err);
    }
  }

  /** Disables a user: logins, tokens and live sessions stop working at once. */
  async disable(name: string): Promise<void> {
    const u = this.users.get(name);
    if (u === undefined) throw new RingfenceError('NOT_FOUND', `no user ${name}`);
    u.disabled = true;
    await this.save();
  }

  /** The user an API bearer token belongs to. */
  byToken(token: string): Principal | undefined {
    const h = Buffer.from(tokenHash(token), 'hex');
    for (const u of this.users.values()) {
      if (u.disabled) continue;
      for (const t of u.tokenHashes) {
        if (timingSafeEqual(Buffer.from(t, 'hex'), h)) return { name: u.name, role: u.role };
      }
    }
    return undefined;
  }

  /** The user's current role (a role change or disabling applies to live sessions at once). */
  current(name: string): Principal | undefined {
    const u = this.users.get(name);
    return u === undefined || u.disabled ? undefined : { name: u.name, role: u.role };
  }
}
