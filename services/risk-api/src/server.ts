import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { experimental, Server, ServerCredentials } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import { counter, histogram, RingfenceError, type Logger, type Registry } from '@ringfence/common';
import { protoRoot } from '@ringfence/proto';
import { createAuthenticator, TokenSet } from './auth.js';
import type { RiskApiConfig } from './config.js';
import { createDecider } from './decide.js';
import { createGuard } from './guard-interceptor.js';
import { createHandlers } from './handlers.js';
import { createPolicy } from './policy.js';
import { RiskView } from './risk-view.js';
import { RISK_SERVICE_NAME, riskServiceDefinition } from './service-definition.js';
import { watchTokenFile, type TokenFileWatch } from './token-file.js';

export type ServerConfig = Omit<
  RiskApiConfig,
  | 'kafkaBrokers'
  | 'topicPrefix'
  | 'clickhouseUrl'
  | 'clickhouseDatabase'
  | 'clickhouseUser'
  | 'clickhousePassword'
  | 'logLevel'
  | 'opsPort'
  | 'opsHost'
>;

export interface RiskServer {
  readonly port: number;
  readonly view: RiskView;
  /** Marks the view caught up (health SERVING, calls answered) or not. */
  setReady(ready: boolean): void;
  isReady(): boolean;
  inFlight(): number;
  close(): Promise<void>;
}

interface Credentials {
  readonly credentials: ServerCredentials;
  /** Resolves once the certificates are loaded: a handshake before that fails. */
  readonly loaded: Promise<void>;
}

function credentials(config: ServerConfig): Credentials {
  if (config.tlsCertFile === undefined || config.tlsKeyFile === undefined) {
    if (config.tlsClientCaFile !== undefined) {
      throw new RingfenceError('CONFIG_INVALID', 'tlsClientCaFile needs tlsCertFile and tlsKeyFile');
    }
    return { credentials: ServerCredentials.createInsecure(), loaded: Promise.resolve() };
  }
  if (config.tlsClientCaFile === undefined) {
    return {
      credentials: ServerCredentials.createSsl(
        null,
        [{ cert_chain: readFileSync(config.tlsCertFile), private_key: readFileSync(config.tlsKeyFile) }],
        false,
      ),
      loaded: Promise.resolve(),
    };
  }
  // mTLS: the client certificate is asked for but not required in the handshake. A call without a
  // certificate verified against the CA then has no identity (grpc-js gives an empty auth context
  // unless the socket is authorized) and is refused UNAUTHENTICATED by the authenticator, as the
  // contract says, instead of failing the handshake as UNAVAILABLE; a bearer token still works.
  // The files are re-read every minute, so certificates are rotated without a restart.
  const files = new experimental.FileWatcherCertificateProvider({
    certificateFile: config.tlsCertFile,
    privateKeyFile: config.tlsKeyFile,
    caCertificateFile: config.tlsClientCaFile,
    refreshIntervalMs: 60_000,
  });
  return {
    credentials: experimental.createCertificateProviderServerCredentials(files, files, false),
    loaded: certificatesRead(files, [config.tlsCertFile, config.tlsKeyFile, config.tlsClientCaFile]),
  };
}

/**
 * Resolves at the provider's first delivery of both the identity and the CA certificates, and
 * rejects when it could not read them, so a missing file stops start-up instead of failing every
 * handshake. The provider calls every listener, the server's included, in one callback, and whoever
 * awaits this resumes only after that callback, so the server has its certificates by then.
 */
function certificatesRead(
  files: experimental.FileWatcherCertificateProvider,
  names: readonly string[],
): Promise<void> {
  return new Promise((resolve, reject) => {
    let identity = false;
    let ca = false;
    const settle = (failed: boolean): void => {
      if (!failed && (!identity || !ca)) return;
      files.removeIdentityCertificateListener(onIdentity);
      files.removeCaCertificateListener(onCa);
      if (failed) {
        reject(new RingfenceError('CONFIG_INVALID', `cannot read the TLS files ${names.join(', ')}`));
      } else {
        resolve();
      }
    };
    const onIdentity = (update: experimental.IdentityCertificateUpdate | null): void => {
      identity = update !== null;
      settle(update === null);
    };
    const onCa = (update: experimental.CaCertificateUpdate | null): void => {
      ca = update !== null;
      settle(update === null);
    };
    files.addIdentityCertificateListener(onIdentity);
    files.addCaCertificateListener(onCa);
  });
}

/**
 * Starts the gRPC RiskService (plus grpc.health.v1 and server reflection) on the configured port.
 * Not ready until `setReady(true)`: health reports NOT_SERVING and checks get UNAVAILABLE.
 */
export async function startRiskServer(
  config: ServerConfig,
  deps: { logger: Logger; registry: Registry; view?: RiskView },
): Promise<RiskServer> {
  const policy = createPolicy(config);
  const view = deps.view ?? new RiskView(policy);
  let ready = false;
  const tokens = new TokenSet(config.authTokens);
  // Read before anything listens, so a bad token file stops start-up like a bad certificate.
  const tokenFile: TokenFileWatch | undefined =
    config.authTokensFile === undefined
      ? undefined
      : watchTokenFile({
          path: config.authTokensFile,
          intervalMs: config.authTokensRefreshMs,
          tokens,
          fixed: config.authTokens,
          logger: deps.logger,
        });
  const guard = createGuard({
    authenticate: createAuthenticator({ tokens, mtlsSwitches: config.mtlsSwitches }),
    maxInFlight: config.maxInFlight,
    isReady: () => ready,
    latency: histogram(
      deps.registry,
      'ringfence_risk_api_call_duration_seconds',
      'RiskService call latency inside the server, metadata to status',
      [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1],
      ['method'],
    ),
    rejected: counter(
      deps.registry,
      'ringfence_risk_api_errors_total',
      'RiskService calls ended with an error, by gRPC code',
      ['code'],
    ),
  });
  const handlers = createHandlers({
    decide: createDecider(view, policy, config),
    maxBatchChecks: config.maxBatchChecks,
    checks: counter(
      deps.registry,
      'ringfence_risk_api_checks_total',
      'Checks answered, by switch and action',
      ['switch', 'action'],
    ),
    checkErrors: counter(
      deps.registry,
      'ringfence_risk_api_check_errors_total',
      'Checks of a batch or stream answered with a per-check error (the others were answered), by switch',
      ['switch'],
    ),
    deadlineDropped: counter(
      deps.registry,
      'ringfence_risk_api_deadline_dropped_total',
      'Calls dropped because their deadline had passed before the work ran',
    ),
  });

  const server = new Server({
    'grpc.max_concurrent_streams': config.maxConcurrentStreams,
    'grpc.max_receive_message_length': config.maxMessageBytes,
    'grpc.max_send_message_length': config.maxMessageBytes,
    'grpc.keepalive_time_ms': config.keepaliveTimeMs,
    'grpc.keepalive_timeout_ms': config.keepaliveTimeoutMs,
    // Switches keep one channel open and may ping while idle.
    'grpc.keepalive_permit_without_calls': 1,
    'grpc.http2.min_ping_interval_without_data_ms': 5_000,
    // Channelz bookkeeping runs on every call (trackers, timestamps) and no channelz service is served.
    'grpc.enable_channelz': 0,
    interceptors: [guard.interceptor],
  });
  server.addService(riskServiceDefinition, handlers);

  const health = new HealthImplementation({ '': 'NOT_SERVING', [RISK_SERVICE_NAME]: 'NOT_SERVING' });
  health.addToServer(server);
  // Reflection needs a proto-loader package definition; loaded once here, never on the hot path.
  const packageDefinition = loadSync(join(protoRoot, 'ringfence/risk/v1/risk.proto'), {
    includeDirs: [protoRoot],
    keepCase: true,
    defaults: true,
  });
  new ReflectionService(packageDefinition).addToServer(server);

  const tls = credentials(config);
  const bound = new Promise<number>((resolve, reject) => {
    server.bindAsync(`${config.grpcHost}:${config.grpcPort}`, tls.credentials, (err, p) =>
      err === null ? resolve(p) : reject(new RingfenceError('UNAVAILABLE', err.message, { cause: err })),
    );
  });
  let port: number;
  try {
    // Together, so an unreadable certificate is handled however early it is reported.
    [port] = await Promise.all([bound, tls.loaded]);
  } catch (err) {
    tokenFile?.stop();
    server.forceShutdown();
    throw err;
  }
  deps.logger.info({ port, tls: config.tlsCertFile !== undefined }, 'risk-api gRPC listening');

  return {
    port,
    view,
    setReady(r) {
      ready = r;
      const s = r ? 'SERVING' : 'NOT_SERVING';
      health.setStatus('', s);
      health.setStatus(RISK_SERVICE_NAME, s);
    },
    isReady: () => ready,
    inFlight: () => guard.inFlight(),
    close: () =>
      new Promise<void>((resolve) => {
        tokenFile?.stop();
        const timer = setTimeout(() => server.forceShutdown(), 5_000);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
