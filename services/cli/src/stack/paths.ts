import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout the CLI runs from, or undefined when it was installed without one (an image). */
export function checkoutRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'turbo.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function findRepoRoot(): string {
  const root = checkoutRoot();
  if (root === undefined) throw new Error('cannot find the Ringfence checkout (no turbo.json above the CLI)');
  return root;
}

/** Where the checkout is, where the stack keeps data and logs, and where downloads are cached. */
export interface StackPaths {
  readonly repo: string;
  readonly assets: string;
  /** Data, logs and pid files of the local stack (git-ignored). */
  readonly stack: string;
  /** Downloaded Kafka jars (git-ignored, kept across `stack down`). */
  readonly cache: string;
}

export function stackPaths(env: NodeJS.ProcessEnv = process.env): StackPaths {
  const repo = findRepoRoot();
  return {
    repo,
    assets: join(repo, 'services', 'cli', 'assets'),
    stack: resolve(env['RINGFENCE_STACK_DIR'] ?? join(repo, '.stack')),
    cache: resolve(env['RINGFENCE_CACHE_DIR'] ?? join(repo, '.cache')),
  };
}
