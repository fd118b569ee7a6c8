import type { Metadata, ServerInterceptingCallInterface } from '@grpc/grpc-js';
import { RingfenceError } from '@ringfence/common';

export interface AuthConfig {
  /** Bearer token → switch id. */
  readonly tokens: Readonly<Record<string, string>>;
  /** Client-certificate CNs accepted as switch ids (mTLS). */
  readonly mtlsSwitches: readonly string[];
}

/** Identifies the calling switch: bearer token first, then the client certificate's CN. */
export type Authenticate = (metadata: Metadata, call: ServerInterceptingCallInterface) => string;

/**
 * Builds the authenticator. No credentials → UNAUTHENTICATED; an unknown token or a certificate
 * CN that is not a configured switch → PERMISSION_DENIED.
 */
export function createAuthenticator(config: AuthConfig): Authenticate {
  const tokens = new Map(Object.entries(config.tokens));
  const switches = new Set(config.mtlsSwitches);
  return (metadata, call) => {
    const header = metadata.get('authorization')[0];
    if (header !== undefined) {
      const value = typeof header === 'string' ? header : header.toString('utf8');
      if (!value.startsWith('Bearer ')) {
        throw new RingfenceError('UNAUTHENTICATED', 'authorization must be "Bearer <token>"');
      }
      const switchId = tokens.get(value.slice(7).trim());
      if (switchId === undefined) throw new RingfenceError('PERMISSION_DENIED', 'unknown token');
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
