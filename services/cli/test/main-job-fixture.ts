import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateSigningKey } from '@ringfence/exporter';
import { mainJobFiles, type MainJobFiles } from '../src/run/main-job-files.js';

export interface MainJobFixture {
  /** Set as RINGFENCE_STACK_DIR: the stack folder whose run/ holds the files. */
  stackDir: string;
  files: MainJobFiles;
  privateKeyPem: string;
  publicKeyPem: string;
  calleeHashKey: string;
  riskToken: string;
}

/** A stack folder with what `ringfence run` leaves in its run/ folder (no users file unless asked). */
export async function mainJobFixture(): Promise<MainJobFixture> {
  const stackDir = await mkdtemp(join(tmpdir(), 'rf-stack-'));
  const files = mainJobFiles(join(stackDir, 'run'));
  const k = generateSigningKey();
  const calleeHashKey = `callee-${Math.random().toString(36).slice(2)}-0123456789`;
  const riskToken = `tok-${Math.random().toString(36).slice(2)}-0123456789`;
  await mkdir(dirname(files.signingKey), { recursive: true });
  await writeFile(files.signingKey, k.privateKeyPem, { mode: 0o600 });
  await writeFile(files.publicKey, k.publicKeyPem);
  await writeFile(files.calleeHashKey, `${calleeHashKey}\n`);
  await writeFile(files.riskApiToken, `${riskToken}\n`);
  return {
    stackDir,
    files,
    privateKeyPem: k.privateKeyPem,
    publicKeyPem: k.publicKeyPem,
    calleeHashKey,
    riskToken,
  };
}
