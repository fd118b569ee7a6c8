import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 64;

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** What new hashes get: N = 2^17 with r = 8, p = 1 (OWASP's floor for scrypt). */
export const SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

/**
 * The most memory a stored hash may make one check use. The users file is trusted, but a mistyped N
 * or r must not take the process down: twice what today's parameters need.
 */
const MAX_MEMORY = 256 * 1024 * 1024;

/** OpenSSL's own accounting, which Node's `maxmem` is checked against: V is 128·r·(N+2), B is 128·r·p. */
function memoryFor(o: ScryptParams): number {
  return 128 * o.r * (o.N + 2) + 128 * o.r * o.p;
}

function derive(password: string, salt: Buffer, o: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...o, maxmem: MAX_MEMORY }, (err, key) =>
      err === null ? resolve(key) : reject(err),
    );
  });
}

interface ParsedHash extends ScryptParams {
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![N, r, p].every((x) => Number.isSafeInteger(x) && x > 0)) return undefined;
  // scrypt itself refuses an N that is not a power of two above 1; refusing here keeps a bad file a
  // failed login rather than a thrown error.
  if (N < 2 || (N & (N - 1)) !== 0 || r > 64 || p > 16) return undefined;
  if (memoryFor({ N, r, p }) > MAX_MEMORY) return undefined;
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (key.length !== KEY_LENGTH) return undefined;
  return { N, r, p, salt: Buffer.from(parts[4] ?? '', 'base64url'), key };
}

/** scrypt hash in the self-describing form `scrypt$N$r$p$salt$hash` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = SCRYPT_PARAMS;
  const key = await derive(password, salt, SCRYPT_PARAMS);
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Constant-time check of a password against a stored hash; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parseHash(stored);
  if (h === undefined) return false;
  const key = await derive(password, h.salt, h);
  return timingSafeEqual(key, h.key);
}

/** True when a stored hash is weaker than what {@link hashPassword} makes today (re-hash it at login). */
export function needsRehash(stored: string): boolean {
  const h = parseHash(stored);
  return h === undefined || h.N < SCRYPT_PARAMS.N || h.r < SCRYPT_PARAMS.r || h.p < SCRYPT_PARAMS.p;
}

let dummy: Promise<string> | undefined;

/**
 * A hash of a random password, verified against when the user is unknown so timing does not tell.
 * Made on first use: every `ringfence` command loads this module, and only a login needs it.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}
