import { randomBytes, scryptSync } from 'node:crypto';

/** A hash in the stored format, made independently of the module with the given N. */
export function legacyHash(password: string, N: number): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 64, { N, r: 8, p: 1 });
  return `scrypt$${N}$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}
