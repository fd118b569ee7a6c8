import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, loadConfig } from '@ringfence/common';
import { freePort, type TestStack } from '@ringfence/common/testing';
import { consoleConfigSchema, startConsole, type ConsoleServer } from '@ringfence/console';
import { createRiskClient, type RiskAnswer, type RiskClient } from '@ringfence/risk-api';
import { migrate } from '@ringfence/store';
import { ServiceProcess } from './service-process.js';

const SWITCH_TOKEN = 'decision-path-switch-token-0123456789';

/** What the console's JSON API answers to a decision. */
export interface DecisionMade {
  feedbackId: string;
  expiresMs: number;
}

/**
 * The path of an operator decision to the switch, on one scope of a stack: the console (in this
 * process, its real HTTP API) → feedback.v1 → the scorer process → caller-risk.v1 → the risk-api
 * process → gRPC. Scorer and risk-api run with their default timings, as deployed, so what a test
 * or bench measures on this path is what an operator waits for.
 */
export class DecisionPath {
  private constructor(
    private readonly console: ConsoleServer,
    private readonly token: string,
    private readonly risk: RiskClient,
    readonly scorer: ServiceProcess,
    readonly riskApi: ServiceProcess,
  ) {}

  static async start(stack: TestStack): Promise<DecisionPath> {
    await stack.createTopics();
    await migrate({ url: stack.clickhouseUrl, database: stack.database });
    const grpcPort = await freePort();
    const scorer = new ServiceProcess('scorer', stack.env({ GROUP_ID: `${stack.topicPrefix}scorer` }));
    const riskApi = new ServiceProcess(
      'risk-api',
      stack.env({
        GRPC_HOST: '127.0.0.1',
        GRPC_PORT: String(grpcPort),
        AUTH_TOKENS: `${SWITCH_TOKEN}=decision-path`,
      }),
    );
    await scorer.start();
    await riskApi.start();
    const config = loadConfig(consoleConfigSchema, {
      env: {},
      overrides: {
        kafkaBrokers: stack.brokers.join(','),
        topicPrefix: stack.topicPrefix,
        clickhouseUrl: stack.clickhouseUrl,
        clickhouseDatabase: stack.database,
        httpPort: 0,
        usersFile: join(mkdtempSync(join(tmpdir(), 'rf-decision-path-')), 'users.json'),
        logLevel: 'warn',
      },
    });
    const console = await startConsole(config, createLogger('console', config.logLevel));
    await console.context.users.upsert('supervisor', 'supervisor', 'decision-path-password-1');
    const token = await console.context.users.issueToken('supervisor');
    await Promise.all([scorer.ready(), riskApi.ready()]);
    const risk = createRiskClient({
      address: `127.0.0.1:${grpcPort}`,
      token: SWITCH_TOKEN,
      deadlineMs: 2_000,
    });
    return new DecisionPath(console, token, risk, scorer, riskApi);
  }

  /** POSTs to the console's JSON API as a supervisor; the parsed body, or an error with its text. */
  async api(path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(this.console.url + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${text}`);
    return JSON.parse(text) as unknown;
  }

  /** An operator decision on a number through `POST /api/v1/actions`. */
  async decide(
    number: string,
    action: 'allowlist' | 'blocklist',
    extra: { expiresAt?: string } = {},
  ): Promise<DecisionMade> {
    return (await this.api('/api/v1/actions', {
      kind: 'number',
      id: number,
      action,
      ...extra,
    })) as DecisionMade;
  }

  /** risk-api's answer for a call from `calling`. */
  check(calling: string): Promise<RiskAnswer> {
    return this.risk.check({ calling, called: '+8613900000999', requestId: calling });
  }

  /**
   * Asks risk-api every `pollMs` until `done(answer)`; resolves with the milliseconds since
   * `sinceMs` (performance.now()) at the first such answer, rejects after `timeoutMs`.
   */
  async until(
    calling: string,
    done: (a: RiskAnswer) => boolean,
    sinceMs: number,
    timeoutMs = 60_000,
    pollMs = 5,
  ): Promise<number> {
    for (;;) {
      const a = await this.check(calling);
      const now = performance.now();
      if (a.failOpen === undefined && done(a)) return now - sinceMs;
      if (now - sinceMs > timeoutMs) throw new Error(`risk-api never answered as expected for ${calling}`);
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  async stop(): Promise<void> {
    this.risk.close();
    await this.console.stop();
    await Promise.all([this.riskApi.kill('SIGKILL'), this.scorer.kill('SIGKILL')]);
  }
}
