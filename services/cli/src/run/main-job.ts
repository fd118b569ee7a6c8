import { RISK_API_NODE_FLAGS } from '@ringfence/risk-api';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MAIN_JOB_SWITCH, mainJobFiles } from './main-job-files.js';
import type { ChildSpec, Supervisor } from './supervisor.js';

export interface MainJobOptions {
  repo: string;
  /** Scratch folder for generated traffic and exports. */
  work: string;
  replay: string | undefined;
  subscribers: number;
  speed: number;
  seed: number;
  ingestToken: string;
  switchToken: string;
  /** Password of the console's `admin` supervisor, reset on every run and printed in the banner. */
  adminPassword: string;
  /** Stable across runs (kept in `work`), so callee hashes in exports link up. */
  calleeHashKey: string;
  /** Where the main job's servers listen (the defaults, or moved by RUN_*_PORT). */
  ports: MainJobPorts;
  env: NodeJS.ProcessEnv;
}

export interface MainJobPlan {
  setup: ChildSpec[];
  services: ChildSpec[];
  /** Addresses, login and try-it commands: kept on screen by the status panel, printed once in plain mode. */
  banner: string[];
  /** Feeds traffic until done (replay) or until `stopped()` (synthetic, one event-time hour at a time). */
  feed(supervisor: Supervisor, stopped: () => boolean): Promise<void>;
}

/** The services the main job runs, in start order; each has an ops port (metrics, readiness). */
export const MAIN_JOB_SERVICES = ['ingest', 'scorer', 'sink', 'risk-api', 'console', 'exporter'] as const;
export type MainJobService = (typeof MAIN_JOB_SERVICES)[number];

export interface MainJobPorts {
  readonly ingestHttp: number;
  readonly riskGrpc: number;
  readonly consoleHttp: number;
  readonly ops: Readonly<Record<MainJobService, number>>;
}

/** The ports `npm start` uses unless moved (see run-config.ts). */
export const MAIN_JOB_PORTS: MainJobPorts = {
  ingestHttp: 8088,
  riskGrpc: 50051,
  consoleHttp: 8080,
  ops: { ingest: 9461, scorer: 9462, sink: 9463, 'risk-api': 9464, console: 9465, exporter: 9466 },
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** What `ringfence run` starts, in order, with which environment. */
export function mainJobPlan(o: MainJobOptions): MainJobPlan {
  const cli = join(o.repo, 'services', 'cli', 'dist', 'index.js');
  const base: NodeJS.ProcessEnv = {
    ...o.env,
    LOG_LEVEL: o.env['LOG_LEVEL'] ?? 'warn',
  };
  const node = (name: string, args: string[], extra: NodeJS.ProcessEnv, restart: boolean): ChildSpec => ({
    name,
    command: process.execPath,
    args,
    env: { ...base, ...extra },
    restart,
  });
  const ports = o.ports;
  const service = (name: MainJobService, extra: NodeJS.ProcessEnv = {}): ChildSpec =>
    node(
      name,
      [
        ...(name === 'risk-api' ? RISK_API_NODE_FLAGS : []),
        join(o.repo, 'services', name, 'dist', 'index.js'),
      ],
      { OPS_PORT: String(ports.ops[name]), ...extra },
      true,
    );

  const files = mainJobFiles(o.work);
  const riskAddress =
    ports.riskGrpc === MAIN_JOB_PORTS.riskGrpc ? '' : ` --address 127.0.0.1:${ports.riskGrpc}`;
  const usersFile = files.usersFile;
  const signingKey = files.signingKey;
  const replay = (file: string, speed: string, name: string, extra: string[] = []): ChildSpec =>
    node(name, [cli, 'replay', file, '--speed', speed, ...extra], {}, false);

  return {
    setup: [
      node('db-migrate', [cli, 'db', 'migrate'], {}, false),
      // Retention's one place is `db retention`; the main job runs it once per start, after migrating.
      node('db-retention', [cli, 'db', 'retention'], {}, false),
      node(
        'console-admin',
        [cli, 'console', 'user', 'add', 'admin', 'supervisor', '--password', o.adminPassword],
        { USERS_FILE: usersFile },
        false,
      ),
      ...(existsSync(signingKey)
        ? []
        : [node('export-keygen', [cli, 'export', 'keygen', signingKey], {}, false)]),
    ],
    services: [
      service('ingest', { HTTP_PORT: String(ports.ingestHttp), INGEST_TOKENS: o.ingestToken }),
      service('scorer'),
      service('sink'),
      service('risk-api', {
        GRPC_HOST: '127.0.0.1',
        GRPC_PORT: String(ports.riskGrpc),
        AUTH_TOKENS: `${o.switchToken}=${MAIN_JOB_SWITCH}`,
      }),
      service('console', {
        HTTP_PORT: String(ports.consoleHttp),
        USERS_FILE: usersFile,
      }),
      service('exporter', {
        OUT_DIR: files.exports,
        SIGNING_KEY: signingKey,
        CALLEE_HASH_KEY: o.calleeHashKey,
      }),
    ],
    banner: [
      `console   http://127.0.0.1:${ports.consoleHttp}/  user "admin", password "${o.adminPassword}"`,
      `risk-api  127.0.0.1:${ports.riskGrpc} (gRPC)  try:`,
      `          RISK_API_TOKEN=${o.switchToken} npx ringfence risk check <calling> --called <called>${riskAddress}`,
      `          (inside the checkout \`npx ringfence risk check\` finds this run's token by itself)`,
      `ingest    POST http://127.0.0.1:${ports.ingestHttp}/v1/cdrs  (Authorization: Bearer ${o.ingestToken})`,
      `traffic   ${o.replay === undefined ? `synthetic, ${o.subscribers} subscribers, event time at ${o.speed}x` : `replay of ${o.replay}`}`,
    ],
    async feed(supervisor, stopped) {
      if (o.replay !== undefined) {
        supervisor.start(replay(o.replay, 'max', 'replay'));
        await supervisor.wait('replay');
        return;
      }
      // Synthetic traffic one event-time hour at a time from the latest 09:00 China Standard Time (UTC+8,
      // no daylight saving: the generator's default zone), so a demo starts in busy hours rather than
      // whatever the clock says; the console follows event time.
      let start = Math.floor((Date.now() + 8 * HOUR_MS) / DAY_MS) * DAY_MS + HOUR_MS;
      if (start > Date.now()) start -= DAY_MS;
      for (let hour = 0; !stopped(); hour += 1) {
        const file = join(o.work, `traffic-${hour % 2}.jsonl`);
        const gen = node(
          `generate#${hour}`,
          [
            cli,
            'generate',
            '--subscribers',
            String(o.subscribers),
            '--hours',
            '1',
            '--seed',
            String(o.seed + hour),
            '--start',
            new Date(start).toISOString(),
            '--out',
            file,
          ],
          {},
          false,
        );
        supervisor.start(gen);
        if ((await supervisor.wait(gen.name)) !== 0 || stopped()) break;
        const complaints = file.replace(/\.jsonl$/, '.complaints.jsonl');
        supervisor.start(replay(complaints, 'max', `complaints#${hour}`, ['--complaints']));
        supervisor.start(replay(file, String(o.speed), `replay#${hour}`));
        await supervisor.wait(`replay#${hour}`);
        start += HOUR_MS;
        await sleep(0);
      }
    },
  };
}
