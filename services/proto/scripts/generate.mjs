// Generates static protobufjs code from ../../protos into src/gen (never edited by hand).
// With --copy, copies the generated JavaScript next to the compiled output.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');
const protoRoot = join(pkg, '..', '..', 'protos');
const gen = join(pkg, 'src', 'gen');

if (process.argv.includes('--copy')) {
  mkdirSync(join(pkg, 'dist', 'gen'), { recursive: true });
  cpSync(gen, join(pkg, 'dist', 'gen'), { recursive: true });
  process.exit(0);
}

function protoFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return protoFiles(full);
    return name.endsWith('.proto') ? [full] : [];
  });
}

const files = protoFiles(protoRoot).sort();
const bin = (name) => join(pkg, '..', '..', 'node_modules', '.bin', name);
mkdirSync(gen, { recursive: true });
execFileSync(
  bin('pbjs'),
  [
    '-t',
    'static-module',
    '-w',
    'es6',
    '--es6',
    '--force-number',
    '--no-verify',
    '--no-delimited',
    '--no-beautify',
    '--dependency',
    'protobufjs/minimal.js',
    '-p',
    protoRoot,
    '-o',
    join(gen, 'ringfence.js'),
    ...files,
  ],
  { cwd: protoRoot, stdio: 'inherit' },
);
// protobufjs/minimal is CommonJS: a namespace import of it has no named members under Node's ESM loader.
const js = join(gen, 'ringfence.js');
writeFileSync(
  js,
  readFileSync(js, 'utf8').replace(
    'import * as $protobuf from "protobufjs/minimal.js";',
    'import $protobuf from "protobufjs/minimal.js";',
  ),
);
execFileSync(bin('pbts'), ['-o', join(gen, 'ringfence.d.ts'), join(gen, 'ringfence.js')], {
  stdio: 'inherit',
});
// A JSON descriptor for runtime reflection (gRPC server reflection, wire-compat checks).
execFileSync(bin('pbjs'), ['-t', 'json', '-p', protoRoot, '-o', join(gen, 'descriptor.json'), ...files], {
  cwd: protoRoot,
  stdio: 'inherit',
});
