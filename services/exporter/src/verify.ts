import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { cmp } from './canonical.js';
import { MANIFEST_FILE, PUBLIC_KEY_FILE, SIGNATURE_FILE } from './format.js';
import { parseManifest, sha256Hex, type Manifest } from './manifest.js';
import { publicKeyFingerprint, verifySignature } from './signing.js';

export type VerifyProblemKind =
  | 'manifest-unreadable'
  | 'signature-missing'
  | 'signature-invalid'
  | 'public-key-mismatch'
  | 'changed'
  | 'missing'
  | 'extra';

export interface VerifyProblem {
  kind: VerifyProblemKind;
  /** The file concerned. */
  file: string;
  detail: string;
}

export interface VerifyResult {
  ok: boolean;
  manifest: Manifest | undefined;
  /** Fingerprint of the key the signature was checked with. */
  keyFingerprint: string | undefined;
  /** True when the key came from the caller (proves origin), false when from the export itself. */
  trustedKey: boolean;
  problems: VerifyProblem[];
}

async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Verifies an export revision directory: the Ed25519 signature over manifest.json, then every file's
 * size and SHA-256, and that the directory holds nothing the manifest does not list. With
 * `publicKeyPem` the signature must be by that key (origin); without, by the key shipped alongside
 * (integrity only: anyone could re-sign with their own key).
 */
export async function verifyExport(dir: string, publicKeyPem?: string): Promise<VerifyResult> {
  const problems: VerifyProblem[] = [];
  const result = (manifest: Manifest | undefined, fp: string | undefined): VerifyResult => ({
    ok: problems.length === 0,
    manifest,
    keyFingerprint: fp,
    trustedKey: publicKeyPem !== undefined,
    problems,
  });
  const manifestBytes = await readOrUndefined(join(dir, MANIFEST_FILE));
  if (manifestBytes === undefined) {
    problems.push({ kind: 'missing', file: MANIFEST_FILE, detail: 'no manifest' });
    return result(undefined, undefined);
  }
  let manifest: Manifest;
  try {
    manifest = parseManifest(manifestBytes);
  } catch (err) {
    problems.push({ kind: 'manifest-unreadable', file: MANIFEST_FILE, detail: (err as Error).message });
    return result(undefined, undefined);
  }

  const shippedKey = (await readOrUndefined(join(dir, PUBLIC_KEY_FILE)))?.toString('utf8');
  const key = publicKeyPem ?? shippedKey;
  const fp = key === undefined ? undefined : publicKeyFingerprint(key);
  const sigText = (await readOrUndefined(join(dir, SIGNATURE_FILE)))?.toString('utf8');
  if (sigText === undefined) {
    problems.push({ kind: 'signature-missing', file: SIGNATURE_FILE, detail: 'no signature' });
  } else if (key === undefined || fp === undefined) {
    problems.push({ kind: 'signature-invalid', file: SIGNATURE_FILE, detail: 'no usable public key' });
  } else if (!verifySignature(key, manifestBytes, Buffer.from(sigText.trim(), 'base64'))) {
    problems.push({
      kind: 'signature-invalid',
      file: SIGNATURE_FILE,
      detail: `signature does not verify with key ${fp}`,
    });
  }
  if (fp !== undefined && fp !== manifest.signature?.public_key_sha256) {
    problems.push({
      kind: 'public-key-mismatch',
      file: PUBLIC_KEY_FILE,
      detail: `manifest names key ${String(manifest.signature?.public_key_sha256)}, checked with ${fp}`,
    });
  }

  const present = new Set(await readdir(dir));
  const listed = new Set<string>([MANIFEST_FILE, SIGNATURE_FILE, PUBLIC_KEY_FILE]);
  for (const f of [...manifest.files].sort((a, b) => cmp(a.name, b.name))) {
    listed.add(f.name);
    // A manifest naming ../something must not make us read outside the export.
    if (f.name.includes('/') || f.name.includes('\\') || f.name.startsWith('.')) {
      problems.push({
        kind: 'changed',
        file: f.name,
        detail: 'manifest lists a name that is not a plain file',
      });
      continue;
    }
    if (!present.has(f.name)) {
      problems.push({
        kind: 'missing',
        file: f.name,
        detail: 'listed in the manifest, not in the directory',
      });
      continue;
    }
    const bytes = await readFile(join(dir, f.name));
    const sum = sha256Hex(bytes);
    if (bytes.byteLength !== f.bytes || sum !== f.sha256) {
      problems.push({
        kind: 'changed',
        file: f.name,
        detail: `expected ${f.bytes} bytes sha256 ${f.sha256}, found ${bytes.byteLength} bytes sha256 ${sum}`,
      });
    }
  }
  for (const name of [...present].sort(cmp)) {
    if (!listed.has(name)) problems.push({ kind: 'extra', file: name, detail: 'not listed in the manifest' });
  }
  return result(manifest, fp);
}
