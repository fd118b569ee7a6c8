#!/usr/bin/env node
// Entry point behind `npm start`, `npm test` and `npm run bench` on a fresh clone: it has no
// dependencies of its own, installs what is missing, builds, then hands over to the built CLI.
// The project runs on the Node 24 that the `node` devDependency brings into node_modules, not on
// whatever node the machine has: only the first `npm ci` runs under the machine's node.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pinnedNode = join(repo, 'node_modules', '.bin', 'node');
const env = {
  ...process.env,
  // Every child (npm, npx, turbo, vitest, tsx, the CLI and the services it starts) finds `node` on
  // PATH or uses process.execPath: both must be the node this script runs under.
  PATH: [dirname(process.execPath), process.env.PATH].join(delimiter),
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR,
};
const cli = join(repo, 'services', 'cli', 'dist', 'index.js');

function step(title, command, args, { allowFail = false, extraEnv = {} } = {}) {
  process.stdout.write(`\n▶ ${title}\n`);
  const r = spawnSync(command, args, { cwd: repo, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  if (r.error) throw r.error;
  if (r.status !== 0 && !allowFail) {
    process.stderr.write(`✖ ${title} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status ?? 1);
  }
  return r.status ?? 1;
}

function installIfNeeded() {
  const marker = join(repo, 'node_modules', '.package-lock.json');
  const lock = join(repo, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  step('installing npm packages (npm ci)', 'npm', ['ci', '--no-audit', '--no-fund']);
}

function build() {
  step('building every workspace (turbo)', 'npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
}

const stackRunning = () =>
  spawnSync('node', [cli, 'stack', 'status'], { cwd: repo, env, stdio: 'ignore' }).status === 0;

// Same range as package.json#engines.
function supportedNode() {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return major === 24 && minor >= 6;
}

function fail(message) {
  process.stderr.write(`✖ ${message}\n`);
  process.exit(1);
}

// Runs this script again under the pinned binary and exits with its status. The parent stays
// alive until the child ends so whoever waits on it (npm, CI) sees the real exit code.
function rerunUnderPinnedNode() {
  if (process.env.RINGFENCE_PINNED_NODE) {
    fail(`${pinnedNode} is Node ${process.version}, expected 24.x (>= 24.6): run npm ci`);
  }
  if (!existsSync(pinnedNode)) {
    fail(`Node ${process.version} is too old and ${pinnedNode} is missing: run npm ci`);
  }
  const child = spawn(pinnedNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    cwd: repo,
    env: { ...process.env, RINGFENCE_PINNED_NODE: '1' },
    stdio: 'inherit',
  });
  // A terminal's Ctrl-C reaches the child too; a SIGTERM sent to this process alone must be passed on.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => fail(`cannot run ${pinnedNode}: ${error.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
}

const command = process.argv[2];

// Tests and benches must reach the stack where `stack up` put it (KAFKA_PORT, CLICKHOUSE_HTTP_PORT,
// or the external servers configured), not at the default ports their own fallbacks name. Only
// their step gets these: `stack up` and `stack down` would take them for external servers.
async function stackAddressesEnv() {
  const stack = pathToFileURL(join(repo, 'services', 'cli', 'dist', 'stack', 'stack.js')).href;
  const { stackAddresses } = await import(stack);
  const a = stackAddresses();
  return { KAFKA_BROKERS: a.kafkaBrokers, CLICKHOUSE_URL: a.clickhouseUrl };
}

async function main() {
  if (!['test', 'start', 'bench'].includes(command)) {
    process.stderr.write('usage: bootstrap.mjs test | start [--replay FILE] | bench\n');
    process.exit(2);
  }
  build();
  if (command === 'test') {
    step('format check, lint, typecheck', 'npm', ['run', 'check', '--silent']);
    const wasUp = stackRunning();
    step('bringing up the local stack', 'node', [cli, 'stack', 'up']);
    const status = step(
      'running unit and integration tests',
      'npx',
      ['vitest', 'run', '-c', '.config/vitest.config.ts'],
      { allowFail: true, extraEnv: await stackAddressesEnv() },
    );
    if (!wasUp) step('stopping the local stack', 'node', [cli, 'stack', 'down'], { allowFail: true });
    process.exit(status);
  } else if (command === 'start') {
    process.stdout.write('\n▶ running the main job\n');
    const job = spawn('node', [cli, 'run', ...process.argv.slice(3)], { cwd: repo, env, stdio: 'inherit' });
    // A terminal's Ctrl-C reaches the job itself (same process group), and npm forwards it here too;
    // a signal sent to npm alone arrives only here. Pass each on (the job takes signals within a
    // second as one) and stay until the job has stopped everything, so the prompt comes back last.
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => job.kill(signal));
    job.on('error', (err) => {
      process.stderr.write(`✖ running the main job failed: ${err.message}\n`);
      process.exit(1);
    });
    job.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
  } else if (command === 'bench') {
    const wasUp = stackRunning();
    step('bringing up the local stack', 'node', [cli, 'stack', 'up']);
    const status = step(
      'running benchmarks',
      'node',
      [join(repo, 'bench', 'run.mjs'), ...process.argv.slice(3)],
      { allowFail: true, extraEnv: await stackAddressesEnv() },
    );
    if (!wasUp) step('stopping the local stack', 'node', [cli, 'stack', 'down'], { allowFail: true });
    process.exit(status);
  }
}

installIfNeeded();
if (!supportedNode()) {
  rerunUnderPinnedNode();
} else {
  const from =
    existsSync(pinnedNode) && realpathSync(pinnedNode) === process.execPath
      ? 'from node_modules'
      : process.execPath;
  process.stdout.write(`\n▶ running under Node ${process.version} (${from})\n`);
  main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
}
