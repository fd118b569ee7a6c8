import { hash, timingSafeEqual } from 'node:crypto';
import type { Metadata, ServerInterceptingCallInterface } from '@grpc/grpc-js';
import { RingfenceError } from '@ringfence/common';

interface TokenEntry {
  readonly digest: Buffer;
  readonly switchId: string;
}

// One-shot: a Hash object per call (createHash) costs several times the digest itself.
function digestOf(token: string): Buffer {
  return hash('sha256', token, 'buffer');
}

/**
 * The bearer tokens switches present, held only as SHA-256 digests. A lookup compares the
 * presented token's digest with every entry in constant time and never stops early, so neither
 * the time taken nor a hash-map probe says how much of a guess was right.
 */
export class TokenSet {
  private entries: readonly TokenEntry[] = [];

  constructor(tokens: Readonly<Record<string, string>> = {}) {
    this.replace(tokens);
  }

  /** Swaps in a new token → switch id table at once (calls in flight see the old or the new one). */
  replace(tokens: Readonly<Record<string, string>>): void {
    this.entries = Object.freeze(
      Object.entries(tokens).map(([token, switchId]) => Object.freeze({ digest: digestOf(token), switchId })),
    );
  }

  /** The switch id a token belongs to, or undefined. */
  switchFor(token: string): string | undefined {
    const presented = digestOf(token);
    let found: string | undefined;
    for (const e of this.entries) {
      if (timingSafeEqual(presented, e.digest)) found = e.switchId;
    }
    return found;
  }

  get size(): number {
    return this.entries.length;
  }
}

export interface AuthConfig {
  /** Bearer tokens → switch ids; may be replaced while serving (token file reload). */
  readonly tokens: TokenSet;
  /** Client-certificate CNs accepted as switch ids (mTLS). */
  readonly mtlsSwitches: readonly string[];
}

/** Identifies the calling switch: bearer token first, then the client certificate's CN. */
export type Authenticate = (metadata: Metadata, call: ServerInterceptingCallInterface) => string;

/**
 * Builds the authenticator. No credentials, a malformed header or a token that is not configured
 * → UNAUTHENTICATED (the caller has not proven who it is); a certificate verified against the CA
 * whose CN is not a configured switch → PERMISSION_DENIED (known, but not allowed).
 */
export function createAuthenticator(config: AuthConfig): Authenticate {
  const switches = new Set(config.mtlsSwitches);
  return (metadata, call) => {
    const header = metadata.get('authorization')[0];
    if (header !== undefined) {
      const value = typeof header === 'string' ? header : header.toString('utf8');
      if (!value.startsWith('Bearer ')) {
        throw new RingfenceError('UNAUTHENTICATED', 'authorization must be "Bearer <token>"');
      }
      const switchId = config.tokens.switchFor(value.slice(7).trim());
      if (switchId === undefined) throw new RingfenceError('UNAUTHENTICATED', 'unknown token');
      return switchId;
    }
    const cn = call.getAuthContext().sslPeerCertificate?.subject?.CN;
    if (typeof cn === 'string' && cn !== '') {
      if (!switches.has(cn)) {
        throw new RingfenceError('PERMISSION_DENIED', `switch ${cn} is not allowed`, {
          detail: { switch: cn },
        });
      }
      return cn;
    }
    throw new RingfenceError(
      'UNAUTHENTICATED',
      'no credentials: send a bearer token or a client certificate',
    );
  };
}
