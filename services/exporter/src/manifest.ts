import { createHash } from 'node:crypto';
import { RingfenceError } from '@ringfence/common';
import { canonicalJson, cmp, type Json } from './canonical.js';
import { FORMAT_VERSION, PUBLIC_KEY_FILE, SIGNATURE_FILE } from './format.js';
import type { ReportLanguage } from './i18n/index.js';

export interface ManifestFile {
  name: string;
  sha256: string;
  bytes: number;
}

export interface Supersedes {
  revision: number;
  /** sha256 of the superseded revision's manifest.json. */
  manifest_sha256: string;
}

/** manifest.json: what one export revision holds, signed as a whole in manifest.sig. */
export interface Manifest {
  format_version: number;
  kind: 'ringfence-regulator-export';
  period: Json;
  revision: number;
  supersedes: Supersedes | null;
  data_watermark: string | null;
  /**
   * The language report.html was rendered in: an input of the export like the data, so a re-run
   * with it reproduces the same bytes. Absent in revisions written before reports had a language.
   */
  report_language?: ReportLanguage;
  files: ManifestFile[];
  signature: {
    algorithm: 'Ed25519';
    public_key_sha256: string;
    public_key_file: string;
    signature_file: string;
  };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The manifest entries of a set of files, by name (code-point order). */
export function fileEntries(files: ReadonlyMap<string, Uint8Array>): ManifestFile[] {
  return [...files.entries()]
    .map(([name, bytes]) => ({ name, sha256: sha256Hex(bytes), bytes: bytes.byteLength }))
    .sort((a, b) => cmp(a.name, b.name));
}

/** True when two file lists name the same files with the same hashes. */
export function sameFiles(a: readonly ManifestFile[], b: readonly ManifestFile[]): boolean {
  if (a.length !== b.length) return false;
  const sa = [...a].sort((x, y) => cmp(x.name, y.name));
  const sb = [...b].sort((x, y) => cmp(x.name, y.name));
  return sa.every((f, i) => f.name === sb[i]?.name && f.sha256 === sb[i]?.sha256 && f.bytes === sb[i]?.bytes);
}

export interface ManifestInput {
  period: Json;
  revision: number;
  supersedes: Supersedes | null;
  watermark: string | null;
  reportLanguage: ReportLanguage;
  files: ReadonlyMap<string, Uint8Array>;
  publicKeySha256: string;
}

/** The manifest's bytes (canonical JSON): the same input always gives the same bytes. */
export function renderManifest(m: ManifestInput): string {
  const manifest: Manifest = {
    format_version: FORMAT_VERSION,
    kind: 'ringfence-regulator-export',
    period: m.period,
    revision: m.revision,
    supersedes: m.supersedes,
    data_watermark: m.watermark,
    report_language: m.reportLanguage,
    files: fileEntries(m.files),
    signature: {
      algorithm: 'Ed25519',
      public_key_sha256: m.publicKeySha256,
      public_key_file: PUBLIC_KEY_FILE,
      signature_file: SIGNATURE_FILE,
    },
  };
  return canonicalJson(manifest as unknown as Json);
}

function isFile(v: unknown): v is ManifestFile {
  const f = v as ManifestFile;
  return (
    typeof f === 'object' &&
    f !== null &&
    typeof f.name === 'string' &&
    typeof f.sha256 === 'string' &&
    typeof f.bytes === 'number'
  );
}

/** Parses manifest bytes, checking the shape this code relies on (INTEGRITY when it is not one). */
export function parseManifest(bytes: Uint8Array): Manifest {
  let m: unknown;
  try {
    m = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (err) {
    throw new RingfenceError('INTEGRITY', 'manifest.json is not JSON', { cause: err });
  }
  const x = m as Partial<Manifest>;
  if (
    typeof x !== 'object' ||
    x === null ||
    x.kind !== 'ringfence-regulator-export' ||
    typeof x.revision !== 'number' ||
    !Array.isArray(x.files) ||
    !x.files.every(isFile)
  ) {
    throw new RingfenceError('INTEGRITY', 'manifest.json is not a Ringfence export manifest');
  }
  return x as Manifest;
}
