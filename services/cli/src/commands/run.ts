import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { RingfenceError, createLogger, toRingfenceError } from '@ringfence/common';
import { shown } from '../local-settings.js';
import { print } from '../output.js';
import { stackPaths } from '../stack/paths.js';
import { logTail } from '../stack/process.js';
import { stackAddresses, stackDown, stackStatus, stackUp } from '../stack/stack.js';
import { mainJobPlan, type MainJobOptions } from '../run/main-job.js';
import { mainJobFiles, mainJobWork } from '../run/main-job-files.js';
import { runConfig } from '../run/run-config.js';
import { StatusSource } from '../run/status.js';
import { logName, Supervisor } from '../run/supervisor.js';
import { PanelView, PlainView, type RunView } from '../run/view.js';

interface RunFlags {
  replay?: string;
  subscribers: string;
  speed: string;
  seed: string;
  verbose?: boolean;
  plain?: boolean;
}

/** Thrown at a start-up checkpoint once Ctrl-C came: the shutdown under way decides the exit. */
class Stopped extends Error {}

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
    .option('--verbose', "also stream every service's log lines here (they always go to .stack/logs/)")
    .option('--plain', 'a status line every few seconds instead of the panel, even on a terminal')
    .action(async (flags: RunFlags) => {
      if (flags.replay !== undefined && !existsSync(flags.replay)) {
        throw new RingfenceError('INVALID_ARGUMENT', `--replay ${flags.replay}: no such file`);
      }
      const subscribers = Math.round(positive('--subscribers', flags.subscribers));
      const speed = positive('--speed', flags.speed);
      const seed = Math.round(positive('--seed', flags.seed));
      const config = runConfig();
      const paths = stackPaths();
      const work = mainJobWork(paths.stack);
      const logDir = join(paths.stack, 'logs');
      mkdirSync(work, { recursive: true });
      mkdirSync(logDir, { recursive: true });
      const files = mainJobFiles(work);
      const switchToken = randomBytes(18).toString('base64url');
      // Commands run in the checkout (`ringfence risk check`) use this run's token when given none.
      writeFileSync(files.riskApiToken, `${switchToken}\n`, { mode: 0o600 });
      // Services reach the stack this job brings up, on whatever ports it was moved to.
      const stack = stackAddresses();
      const options: MainJobOptions = {
        repo: paths.repo,
        work,
        replay: flags.replay,
        subscribers,
        speed,
        seed,
        ingestToken: randomBytes(18).toString('base64url'),
        switchToken,
        adminPassword: randomBytes(12).toString('base64url'),
        calleeHashKey: stableSecret(files.calleeHashKey),
        ports: config.ports,
        env: { ...process.env, KAFKA_BROKERS: stack.kafkaBrokers, CLICKHOUSE_URL: stack.clickhouseUrl },
      };
      const plan = mainJobPlan(options);

      const panel = process.stdout.isTTY && flags.plain !== true && flags.verbose !== true;
      const view: RunView = panel
        ? new PanelView(process.stdout, shown(logDir), process.env['NO_COLOR'] === undefined)
        : new PlainView(print);
      const supervisor = new Supervisor({
        logDir,
        echo: flags.verbose === true ? print : undefined,
        onEvent: (e) => view.event(e),
      });
      const status = new StatusSource({
        brokers: stack.kafkaBrokers.split(','),
        clickhouseUrl: stack.clickhouseUrl,
        clickhouseUser: config.clickhouseUser,
        clickhousePassword: config.clickhousePassword,
        database: config.clickhouseDatabase,
        topicPrefix: config.topicPrefix,
        topics: config.topics,
        scorerGroup: config.scorerGroup,
        ports: config.ports,
        sinceMs: Date.now(),
        logger: createLogger('run', 'warn', createWriteStream(join(logDir, 'run.log'), { flags: 'w' })),
      });
      const statusMs = (config.statusSeconds ?? (panel ? 2 : 10)) * 1000;

      const abort = new AbortController();
      /** Set once this job brings the stack up: then it stops it too (an already running stack stays). */
      let ownStack: Promise<void> | undefined;
      let ticker: NodeJS.Timeout | undefined;
      const shutdown = async (): Promise<void> => {
        abort.abort();
        clearTimeout(ticker);
        view.stopping();
        await supervisor.stopAll();
        await status.close();
        if (ownStack !== undefined) {
          // Let an interrupted start settle first, so nothing it was about to start outlives the job.
          await ownStack.catch(() => undefined);
          await stackDown((line) => view.line(line));
        } else view.line('stopped; the local stack keeps running (it was up before this job)');
        view.close();
      };
      let stopping: Promise<void> | undefined;
      let signalledAt = 0;
      const onSignal = (): void => {
        // One Ctrl-C under `npm start` arrives more than once (from the terminal, and forwarded by
        // npm and bootstrap.mjs): only a signal well after the first is the user's "force".
        if (stopping !== undefined) {
          if (Date.now() - signalledAt < 1_000) return;
          view.close();
          process.exit(1);
        }
        signalledAt = Date.now();
        stopping = shutdown().then(
          () => process.exit(0),
          (err: unknown) => {
            process.stderr.write(`ringfence: stopping failed: ${(err as Error).message}\n`);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      const checkpoint = (): void => {
        if (abort.signal.aborted) throw new Stopped();
      };

      try {
        view.phase('checking the local stack');
        const wasUp = (await stackStatus()).healthy;
        checkpoint();
        view.phase(wasUp ? 'the local stack is up' : 'bringing up Kafka and ClickHouse');
        const up = stackUp((line) => view.log(line), undefined, abort.signal);
        if (!wasUp) ownStack = up;
        await up;
        checkpoint();
        for (const step of plan.setup) {
          view.phase(`${step.name} (log: ${shown(join(logDir, `${logName(step.name)}.log`))})`);
          supervisor.start(step);
          const code = await supervisor.wait(step.name);
          checkpoint();
          if (code !== 0) {
            throw new RingfenceError('INTERNAL', `${step.name} failed with exit code ${code}`, {
              detail: { log: join(logDir, `${logName(step.name)}.log`) },
            });
          }
        }
        view.phase('creating topics, waiting for their leaders and the group coordinator');
        await status.prepareTopics();
        checkpoint();
        for (const service of plan.services) supervisor.start(service);
        view.running(plan.banner);
        const tick = async (): Promise<void> => {
          const s = await status.snapshot(supervisor.serviceStates());
          if (abort.signal.aborted) return;
          view.status(s);
          ticker = setTimeout(() => void tick(), statusMs);
        };
        void tick();
        await plan.feed(supervisor, () => abort.signal.aborted);
        checkpoint();
        if (flags.replay !== undefined)
          view.log(`replay of ${flags.replay} done; the services keep running until Ctrl-C`);
      } catch (err) {
        // Ctrl-C cut start-up short on purpose: the shutdown under way ends the process.
        if (stopping !== undefined || err instanceof Stopped) {
          await new Promise<never>(() => undefined);
        }
        await shutdown().catch(() => undefined);
        const e = toRingfenceError(err);
        // Read after the shutdown: by then the step's log is flushed and closed.
        const log = e.detail['log'];
        const why = typeof log === 'string' ? logTail(log, 5) : '';
        throw why === ''
          ? e
          : new RingfenceError(e.code, `${e.message}; the end of ${shown(String(log))}:\n${why}`);
      }
    });
}
