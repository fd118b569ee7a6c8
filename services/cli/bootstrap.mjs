#!/usr/bin/env node
// Entry point behind `npm start`, `npm test` and `npm run bench` on a fresh clone: it has no
// dependencies of its own, installs what is missing, builds, then hands over to the built CLI.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR,
};
const cli = join(repo, 'services', 'cli', 'dist', 'index.js');

function step(title, command, args, { allowFail = false } = {}) {
  process.stdout.write(`\n▶ ${title}\n`);
  const r = spawnSync(command, args, { cwd: repo, env, stdio: 'inherit' });
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

const command = process.argv[2];
installIfNeeded();
build();

if (command === 'test') {
  step('format check, lint, typecheck', 'npm', ['run', 'check', '--silent']);
  const wasUp = stackRunning();
  step('bringing up the local stack', 'node', [cli, 'stack', 'up']);
  const status = step(
    'running unit and integration tests',
    'npx',
    ['vitest', 'run', '-c', '.config/vitest.config.ts'],
    {
      allowFail: true,
    },
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
    { allowFail: true },
  );
  if (!wasUp) step('stopping the local stack', 'node', [cli, 'stack', 'down'], { allowFail: true });
  process.exit(status);
} else {
  process.stderr.write('usage: bootstrap.mjs test | start [--replay FILE] | bench\n');
  process.exit(2);
}
