import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  createClickHouse,
  createKafka,
  createLogger,
  createMetrics,
  ensureTopics,
  loadConfig,
  runService,
  startOpsServer,
  type Logger,
  type Stop,
  topicSettings,
} from '@ringfence/common';
import { waitForSchema, type StoreDb } from '@ringfence/store';
import { ActionRecorder } from './actions.js';
import { buildApp } from './app.js';
import { consoleConfigSchema, type ConsoleConfig } from './config.js';
import type { ConsoleContext } from './context.js';
import { LoginThrottle } from './login-throttle.js';
import { SessionStore } from './sessions.js';
import { UserStore } from './users.js';

export interface ConsoleServer {
  /** Base URL, e.g. http://127.0.0.1:8080 */
  readonly url: string;
  readonly context: ConsoleContext;
  /** Set when the users file was empty and `bootstrapAdmin` created the first supervisor. */
  readonly bootstrap?: { user: string; password: string };
  stop: Stop;
}

/**
 * Starts the console: users, sessions, the feedback producer, the HTTP server and the ops endpoint.
 * Topics are created here when missing; the schema is not: start-up waits until `ringfence db migrate`
 * has applied the version this build needs.
 */
export async function startConsole(
  config: ConsoleConfig,
  logger: Logger = createLogger('console', config.logLevel),
): Promise<ConsoleServer> {
  const registry = createMetrics('console');
  const users = await UserStore.open(config.usersFile, {
    onRehashFailed: (user, err) =>
      logger.warn({ err, user }, 'could not store the stronger password hash; the next login retries'),
  });
  let bootstrap: { user: string; password: string } | undefined;
  if (users.size === 0 && config.bootstrapAdmin !== '') {
    const password = await users.upsert(config.bootstrapAdmin, 'supervisor');
    bootstrap = { user: config.bootstrapAdmin, password };
  }
  const target = {
    url: config.clickhouseUrl,
    database: config.clickhouseDatabase,
    username: config.clickhouseUser,
    password: config.clickhousePassword,
  };
  await waitForSchema(target, { logger });
  const ch = createClickHouse(target);
  const db: StoreDb = { ch, database: config.clickhouseDatabase };
  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'ringfence-console', logger });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, config.topicPrefix, topicSettings(config));
  } finally {
    await admin.disconnect();
  }
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const context: ConsoleContext = {
    config,
    db,
    users,
    sessions: new SessionStore({
      idleMs: config.sessionIdleMinutes * 60_000,
      absoluteMs: config.sessionAbsoluteMinutes * 60_000,
    }),
    throttle: new LoginThrottle({
      maxPerIp: config.loginMaxPerIp,
      maxFailuresPerUser: config.loginMaxFailuresPerUser,
      windowMs: config.loginWindowMinutes * 60_000,
    }),
    actions: new ActionRecorder(db, producer, config.topicPrefix),
    logger,
    registry,
    cookieSecret: config.sessionSecret !== '' ? config.sessionSecret : randomBytes(32).toString('base64url'),
  };
  const app = await buildApp(context);
  await app.listen({ host: config.httpHost, port: config.httpPort });
  const addr = app.server.address() as AddressInfo;
  const ops = await startOpsServer({ host: config.opsHost, port: config.opsPort, registry });
  ops.setReady(true);
  const sweeper = setInterval(() => context.sessions.sweep(), 60_000);
  sweeper.unref();
  const url = `http://${config.httpHost.includes(':') ? `[${config.httpHost}]` : config.httpHost}:${addr.port}`;
  logger.info({ url, opsPort: ops.port, users: users.size }, 'console listening');
  return {
    url,
    context,
    ...(bootstrap === undefined ? {} : { bootstrap }),
    stop: async () => {
      clearInterval(sweeper);
      ops.setReady(false);
      await app.close();
      await producer.disconnect();
      await ops.close();
      await ch.close();
    },
  };
}

/** Process entry: config from file/env, SIGTERM-clean; prints the first login when it creates one. */
export function main(): void {
  const config = loadConfig(consoleConfigSchema);
  const logger = createLogger('console', config.logLevel);
  runService(logger, async () => {
    const server = await startConsole(config, logger);
    if (server.bootstrap !== undefined) {
      process.stdout.write(
        `\nRingfence console: ${server.url}/login\n  user: ${server.bootstrap.user}\n  password: ${server.bootstrap.password}\n  (supervisor; stored hashed in ${config.usersFile})\n\n`,
      );
    }
    return server.stop;
  });
}
