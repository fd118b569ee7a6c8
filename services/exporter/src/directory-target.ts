import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RingfenceError } from '@ringfence/common';
import type { Delivery, DeliveryTarget } from './delivery.js';

const REVISION = /^r([1-9][0-9]{0,8})$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function checkName(name: string): void {
  if (!NAME.test(name))
    throw new RingfenceError('INVALID_ARGUMENT', `export file name '${name}' is not plain`);
}

function checkPath(periodPath: string): void {
  if (!periodPath.split('/').every((p) => NAME.test(p))) {
    throw new RingfenceError('INVALID_ARGUMENT', `export period path '${periodPath}' is not plain`);
  }
}

/** Exports into a local directory: `<root>/<type>/<label>/r<N>/`, each revision appearing atomically. */
export class DirectoryTarget implements DeliveryTarget {
  constructor(readonly root: string) {}

  async revisions(periodPath: string): Promise<number[]> {
    checkPath(periodPath);
    let names: string[];
    try {
      names = await readdir(join(this.root, periodPath));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    return names
      .map((n) => REVISION.exec(n))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
  }

  async read(periodPath: string, revision: number, name: string): Promise<Uint8Array | undefined> {
    checkPath(periodPath);
    checkName(name);
    try {
      return await readFile(join(this.root, periodPath, `r${revision}`, name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  locate(periodPath: string, revision: number): string {
    return join(this.root, periodPath, `r${revision}`);
  }

  async open(periodPath: string, revision: number): Promise<Delivery> {
    checkPath(periodPath);
    const parent = join(this.root, periodPath);
    const finalDir = join(parent, `r${revision}`);
    // Hidden and per process, so a crash leaves litter that is never mistaken for a revision.
    // Unique per attempt: two exporters (or two runs in one process) may stage the same revision at once.
    const staging = join(parent, `.r${revision}.partial-${randomBytes(8).toString('hex')}`);
    await mkdir(staging, { recursive: true });
    return {
      put: async (name, bytes) => {
        checkName(name);
        await writeFile(join(staging, name), bytes, { flag: 'wx' });
      },
      finalize: async () => {
        try {
          await rename(staging, finalDir);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          await rm(staging, { recursive: true, force: true });
          if (code === 'ENOTEMPTY' || code === 'EEXIST') {
            throw new RingfenceError('CONFLICT', `export ${finalDir} already exists`, { cause: err });
          }
          throw err;
        }
        return finalDir;
      },
      abort: () => rm(staging, { recursive: true, force: true }),
    };
  }
}
