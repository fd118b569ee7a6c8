import { createHmac } from 'node:crypto';

/**
 * Callee numbers never leave in clear: they are replaced by HMAC-SHA256 under a key only the carrier
 * holds, so the same callee links across reports without being readable. Truncated to 128 bits
 * (32 hex characters), ample against collisions within a report.
 */
export function calleeHash(key: string, number: string): string {
  return createHmac('sha256', key).update(number, 'utf8').digest('hex').slice(0, 32);
}
