import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { RingfenceError } from '@ringfence/common';

/** An Ed25519 signing key and the public key published beside every export. */
export interface Signer {
  readonly publicKeyPem: string;
  /** sha256 of the public key's DER (SPKI) encoding, hex. */
  readonly fingerprint: string;
  /** Ed25519 signature (deterministic by design, RFC 8032) of the bytes. */
  sign(bytes: Uint8Array): Buffer;
}

/** sha256 of a public key's SPKI DER, hex: how manifests and people name a key. */
export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/**
 * A signer from a PEM private key given as text (`-----BEGIN PRIVATE KEY-----...`) or as the path of a
 * file holding it. Refuses anything but Ed25519.
 */
export function loadSigner(pemOrPath: string): Signer {
  let pem = pemOrPath;
  if (!pemOrPath.includes('-----BEGIN')) {
    try {
      pem = readFileSync(pemOrPath, 'utf8');
    } catch (err) {
      throw new RingfenceError('CONFIG_INVALID', `signing key file ${pemOrPath}: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (err) {
    throw new RingfenceError('CONFIG_INVALID', 'signing key: not a PEM private key', { cause: err });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new RingfenceError('CONFIG_INVALID', `signing key: expected Ed25519, got ${key.asymmetricKeyType}`);
  }
  const pub = createPublicKey(key);
  return {
    publicKeyPem: pub.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: keyFingerprint(pub),
    sign: (bytes) => sign(null, bytes, key),
  };
}

/** A fresh Ed25519 key pair as PEM (PKCS#8 private, SPKI public). */
export function generateSigningKey(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Checks an Ed25519 signature; false (never a throw) for a malformed key or signature. */
export function verifySignature(publicKeyPem: string, bytes: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, bytes, createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}

/** The fingerprint of a PEM public key, or undefined when it is not one. */
export function publicKeyFingerprint(publicKeyPem: string): string | undefined {
  try {
    return keyFingerprint(createPublicKey(publicKeyPem));
  } catch {
    return undefined;
  }
}
