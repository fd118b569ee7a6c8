import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { RingfenceError } from '@ringfence/common';
import { print } from '../output.js';
import { stackPaths } from '../stack/paths.js';
import { stackDown, stackStatus, stackUp } from '../stack/stack.js';
import { mainJobPlan, type MainJobOptions } from '../run/main-job.js';
import { mainJobFiles, mainJobWork } from '../run/main-job-files.js';
import { Supervisor } from '../run/supervisor.js';

interface RunFlags {
  replay?: string;
  subscribers: string;
  speed: string;
  seed: string;
}

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new RingfenceError('INVALID_ARGUMENT', `${name} ${value}: expected a positive number`);
  return n;
}

function stableSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description(
      'the main job: local stack, migrations, every service, and live synthetic traffic (or --replay FILE); Ctrl-C stops it all',
    )
    .option('--replay <file>', "replay the user's own CDR file instead of synthetic traffic")
    .option('--subscribers <n>', 'synthetic population size', '20000')
    .option('--speed <x>', 'synthetic event time runs this many times faster than the clock', '30')
    .option('--seed <n>', 'seed of the first synthetic hour (each next hour uses seed+1)', '1')
    .action(async (flags: RunFlags) => {
      if (flags.replay !== undefined && !existsSync(flags.replay)) {
        throw new RingfenceError('INVALID_ARGUMENT', `--replay ${flags.replay}: no such file`);
      }
      const paths = stackPaths();
      const work = mainJobWork(paths.stack);
      mkdirSync(work, { recursive: true });
      const files = mainJobFiles(work);
      const switchToken = randomBytes(18).toString('base64url');
      // Commands run in the checkout (`ringfence risk check`) use this run's token when given none.
      writeFileSync(files.riskApiToken, `${switchToken}\n`, { mode: 0o600 });
      const options: MainJobOptions = {
        repo: paths.repo,
        work,
        replay: flags.replay,
        subscribers: Math.round(positive('--subscribers', flags.subscribers)),
        speed: positive('--speed', flags.speed),
        seed: Math.round(positive('--seed', flags.seed)),
        ingestToken: randomBytes(18).toString('base64url'),
        switchToken,
        adminPassword: randomBytes(12).toString('base64url'),
        calleeHashKey: stableSecret(files.calleeHashKey),
        env: process.env,
      };
      // Stop on exit only what this job started: a stack that was already up stays up.
      const stackWasUp = (await stackStatus()).healthy;
      await stackUp(print);
      const plan = mainJobPlan(options);
      const supervisor = new Supervisor(print);
      let stopping = false;
      const stop = (): void => {
        if (stopping) process.exit(1);
        stopping = true;
        print('[run] stopping every service (Ctrl-C again to force)');
        void supervisor
          .stopAll()
          .then(async () => {
            if (stackWasUp) print('[run] stopped; the local stack was already up and keeps running');
            else await stackDown(print);
          })
          .then(() => process.exit(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);

      for (const step of plan.setup) {
        supervisor.start(step);
        const code = await supervisor.wait(step.name);
        if (code !== 0) throw new RingfenceError('INTERNAL', `${step.name} failed with exit code ${code}`);
      }
      for (const service of plan.services) supervisor.start(service);
      for (const line of plan.banner) print(line);
      await plan.feed(supervisor, () => stopping);
    });
}
