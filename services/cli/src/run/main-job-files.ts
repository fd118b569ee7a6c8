import { join } from 'node:path';

/** The switch id the main job's risk-api gives its one token. */
export const MAIN_JOB_SWITCH = 'demo-switch';

/** Where the main job keeps its local keys and settings, in its work folder (`.stack/run`). */
export interface MainJobFiles {
  /** The console's users (scrypt hashes); the `admin` password is reset on every run. */
  readonly usersFile: string;
  /** The exporter's Ed25519 signing key (PEM), made once by `export keygen`... */
  readonly signingKey: string;
  /** ...and its public key beside it: the trusted key for `export verify`. */
  readonly publicKey: string;
  /** The exporter's callee-hash key, stable across runs so hashes link up. */
  readonly calleeHashKey: string;
  /** The bearer token of the main job's risk-api (a new one every run). */
  readonly riskApiToken: string;
  readonly exports: string;
}

/** The main job's work folder inside the stack folder. */
export function mainJobWork(stackDir: string): string {
  return join(stackDir, 'run');
}

export function mainJobFiles(work: string): MainJobFiles {
  const signingKey = join(work, 'keys', 'export.pem');
  return {
    usersFile: join(work, 'console-users.json'),
    signingKey,
    publicKey: `${signingKey}.pub`,
    calleeHashKey: join(work, 'callee-hash.key'),
    riskApiToken: join(work, 'risk-api.token'),
    exports: join(work, 'exports'),
  };
}
