import {
  createKafka,
  createLogger,
  createMetrics,
  ensureTopics,
  gauge,
  loadConfig,
  runService,
  startOpsServer,
  TOPIC_SPECS,
  type LoadConfigOptions,
  type Stop,
  topicSettings,
} from '@ringfence/common';
import { DEFAULT_INTERN_CAP } from './answer-interner.js';
import { riskApiConfigSchema } from './config.js';
import { startRiskServer } from './server.js';
import { startViewLoader } from './view-loader.js';

/**
 * Starts the whole risk-api: ops server, gRPC server (not ready), the view loader; marks ready
 * (health SERVING, /readyz 200) once the view has caught up. Returns the stop function.
 */
export interface RiskApi {
  readonly grpcPort: number;
  readonly opsPort: number;
  /** Resolves when the view has caught up and the service is ready. */
  readonly ready: Promise<void>;
  readonly stop: Stop;
}

export async function startRiskApi(options: LoadConfigOptions = {}): Promise<RiskApi> {
  const config = loadConfig(riskApiConfigSchema, options);
  const logger = createLogger('risk-api', config.logLevel);
  const registry = createMetrics('risk-api');
  let live = (): boolean => true;
  const ops = await startOpsServer({
    host: config.opsHost,
    port: config.opsPort,
    registry,
    live: () => live(),
  });
  const server = await startRiskServer(config, { logger, registry });
  gauge(
    registry,
    'ringfence_risk_api_view_subjects',
    'Subjects held in the risk view, by kind',
    ['kind'],
    (g) => {
      for (const [kind, n] of Object.entries(server.view.sizes())) g.set({ kind }, n);
    },
  );
  // Answers share equal reason lists through tables that start afresh when full; restarts that
  // come often say the verdicts hold far more distinct lists than the tables keep.
  gauge(
    registry,
    'ringfence_risk_api_view_interned_entries',
    `Reason lists, reasons and strings the risk view shares between answers (the tables start afresh at ${DEFAULT_INTERN_CAP})`,
    [],
    (g) => g.set(server.view.interned().entries),
  );
  gauge(
    registry,
    'ringfence_risk_api_view_interned_restarts',
    'Times the risk view started its shared reason tables afresh because they were full',
    [],
    (g) => g.set(server.view.interned().generations),
  );
  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'risk-api', logger });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(
    admin,
    config.topicPrefix,
    topicSettings(config),
    TOPIC_SPECS.filter((s) => s.role === 'callerRisk' || s.role === 'sourceRisk'),
  );
  await admin.disconnect();
  const loader = startViewLoader({ kafka, topicPrefix: config.topicPrefix, view: server.view, logger });
  // How stale the answers may be: verdicts the scorer committed that the view has not applied, and
  // how long since the view last heard from the broker (an idle fetch returns every 100–500 ms).
  gauge(
    registry,
    'ringfence_risk_api_view_behind_records',
    'Verdicts committed to caller-risk.v1 and source-risk.v1 that the view has not applied yet',
    [],
    (g) => g.set(loader.behind()),
  );
  gauge(
    registry,
    'ringfence_risk_api_view_fetch_age_seconds',
    'Seconds since the view last fetched the verdict topics successfully',
    [],
    (g) => g.set(loader.sinceFetchMs() / 1000),
  );
  // A view that stopped following is stale: fail liveness so the replica is restarted.
  live = () => loader.healthy();
  const ready = loader.caughtUp.then(() => {
    server.setReady(true);
    ops.setReady(true);
  });
  const stop = async (): Promise<void> => {
    server.setReady(false);
    ops.setReady(false);
    await server.close();
    await loader.stop();
    await ops.close();
  };
  return { grpcPort: server.port, opsPort: ops.port, ready, stop };
}

/** Entry point when run as a process: `node services/risk-api/dist/index.js`. */
export function main(): void {
  const logger = createLogger('risk-api', 'info');
  runService(logger, async () => (await startRiskApi()).stop);
}
