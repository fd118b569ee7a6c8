#!/usr/bin/env node
// The `ringfence` command. npm links a workspace's bin at `npm ci`, before anything is built: a bin
// pointing into dist/ is skipped then, and `npx ringfence` fails with "could not determine executable
// to run". This committed file is always there to link, and hands over to the built CLI.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/index.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    'ringfence: the CLI is not built yet; in the checkout run `npm run build` ' +
      '(`npm start` and `npm test` build too)\n',
  );
  process.exit(1);
}
await import(cli.href);
