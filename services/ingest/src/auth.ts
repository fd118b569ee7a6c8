import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * Checks `Authorization: Bearer <token>` against the configured tokens in constant time (tokens
 * are compared as SHA-256 digests, so their lengths leak nothing either).
 */
export function bearerChecker(tokens: readonly string[]): (header: string | undefined) => boolean {
  const known = tokens.map(digest);
  return (header) => {
    if (header === undefined) return false;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (m === null) return false;
    const given = digest(m[1]!);
    let ok = false;
    for (const k of known) if (timingSafeEqual(k, given)) ok = true;
    return ok;
  };
}
