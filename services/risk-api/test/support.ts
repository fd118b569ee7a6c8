import {
  credentials,
  makeGenericClientConstructor,
  Metadata,
  type ChannelCredentials,
  type ChannelOptions,
  type Client,
  type ServiceError,
} from '@grpc/grpc-js';
import { createLogger, Registry } from '@ringfence/common';
import {
  Level,
  riskv1,
  type SubjectKind,
  type ICheckBatchRequest,
  type ICheckBatchResponse,
  type ICheckRequest,
  type ICheckResponse,
  type IRiskVerdict,
} from '@ringfence/proto';
import {
  riskApiConfigSchema,
  riskServiceDefinition,
  startRiskServer,
  type RiskServer,
} from '../src/index.js';

export const TOKEN = 'switch-a-token-0123456789';
export const SWITCH = 'sw-a';

/** Server config for tests: free port, loopback, one token. */
export function testConfig(
  overrides: Record<string, unknown> = {},
): ReturnType<typeof riskApiConfigSchema.parse> {
  return riskApiConfigSchema.parse({
    grpcHost: '127.0.0.1',
    grpcPort: 0,
    authTokens: { [TOKEN]: SWITCH },
    ...overrides,
  });
}

export async function startTestServer(
  overrides: Record<string, unknown> = {},
): Promise<{ server: RiskServer; registry: Registry }> {
  const registry = new Registry();
  const server = await startRiskServer(testConfig(overrides), {
    logger: createLogger('risk-api-test', 'silent'),
    registry,
  });
  return { server, registry };
}

export function verdictBytes(v: IRiskVerdict): Buffer {
  return Buffer.from(riskv1.RiskVerdict.encode(v).finish());
}

export function highVerdict(
  kind: SubjectKind,
  id: string,
  category: string,
  score = 90,
  reason = 'CALLS_PER_HOUR',
): IRiskVerdict {
  return {
    kind,
    id,
    score,
    level: Level.LEVEL_HIGH,
    category,
    reasons: [{ code: reason, value: 500, threshold: 100, window: '1h', points: score }],
    updatedMs: 1_700_000_000_000,
  };
}

const RiskClientCtor = makeGenericClientConstructor(riskServiceDefinition, 'RiskService');

/** A raw client for asserting status codes (no fail-open). */
export interface RawClient {
  check(req: ICheckRequest, opts?: { token?: string | null; deadlineMs?: number }): Promise<ICheckResponse>;
  checkBatch(req: ICheckBatchRequest, token?: string | null): Promise<ICheckBatchResponse>;
  readonly client: Client;
  metadata(token?: string | null): Metadata;
  close(): void;
}

export function rawClient(
  port: number,
  creds: ChannelCredentials = credentials.createInsecure(),
  host = '127.0.0.1',
  options: ChannelOptions = {},
): RawClient {
  const client = new RiskClientCtor(`${host}:${port}`, creds, options) as Client & Record<string, unknown>;
  const metadata = (token: string | null = TOKEN): Metadata => {
    const md = new Metadata();
    if (token !== null) md.set('authorization', `Bearer ${token}`);
    return md;
  };
  const call = <Req, Res>(
    method: 'Check' | 'CheckBatch',
    req: Req,
    md: Metadata,
    deadlineMs = 5_000,
  ): Promise<Res> =>
    new Promise((resolve, reject) => {
      const fn = client[method] as (
        r: Req,
        m: Metadata,
        o: { deadline: number },
        cb: (e: ServiceError | null, v?: Res) => void,
      ) => void;
      fn.call(client, req, md, { deadline: Date.now() + deadlineMs }, (err, value) =>
        err !== null ? reject(err) : resolve(value as Res),
      );
    });
  return {
    client,
    metadata,
    check: (req, opts = {}) => call('Check', req, metadata(opts.token), opts.deadlineMs),
    checkBatch: (req, token) => call('CheckBatch', req, metadata(token)),
    close: () => client.close(),
  };
}

/** The status a promise rejected with (fails the test if it resolved). */
export async function failure(p: Promise<unknown>): Promise<{ code: number; details: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as ServiceError;
    return { code: e.code, details: e.details };
  }
  throw new Error('expected the call to fail');
}

/** The gRPC status code a promise rejected with. */
export async function statusOf(p: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return (err as ServiceError).code;
  }
}
