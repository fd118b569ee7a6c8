import {
  Client,
  credentials as grpcCredentials,
  Metadata,
  status,
  type ChannelCredentials,
  type ClientUnaryCall,
  type ServiceError,
} from '@grpc/grpc-js';
import { counter, Registry, type Counter } from '@ringfence/common';
import {
  Action,
  Level,
  type CheckBatchResponse,
  type ICheckRequest,
  type ICheckResponse,
} from '@ringfence/proto';
import { riskServiceDefinition } from './service-definition.js';

export interface RiskClientOptions {
  /** host:port of a risk-api replica (or a load balancer). */
  address: string;
  /** This switch's bearer token, sent as `authorization: Bearer <token>`. */
  token?: string;
  /** Time the switch gives the answer before the call proceeds as ALLOW; default 50 ms. */
  deadlineMs?: number;
  /** TLS/mTLS credentials; plaintext when unset. */
  credentials?: ChannelCredentials;
  /** Registry for `risk_client_fail_open_total{reason}`; a private one when unset. */
  registry?: Registry;
}

/** An answer the switch can act on; `failOpen` names why the answer is a fail-open ALLOW. */
export type RiskAnswer = ICheckResponse & { failOpen?: string };

export interface RiskClient {
  /** Never rejects: any error or a missed deadline answers ALLOW (see {@link createRiskClient}). */
  check(request: ICheckRequest): Promise<RiskAnswer>;
  /**
   * Never rejects: on failure every check in the batch answers ALLOW; a check the server refused
   * alone (a malformed number, ...) answers ALLOW with `failOpen` set and its `error`.
   */
  checkBatch(requests: readonly ICheckRequest[]): Promise<RiskAnswer[]>;
  /** Fail-open answers so far, by reason (`deadline`, `unavailable`, `resource_exhausted`, ...). */
  failOpenCounts(): Readonly<Record<string, number>>;
  close(): void;
}

const REASON_BY_STATUS = new Map<number, string>(
  Object.entries(status)
    .filter((e): e is [string, number] => typeof e[1] === 'number')
    .map(([name, code]) => [code, name.toLowerCase()]),
);

function failOpen(requestId: string, reason: string): RiskAnswer {
  return {
    requestId,
    action: Action.ACTION_ALLOW,
    score: 0,
    level: Level.LEVEL_NONE,
    category: '',
    reasons: [],
    decidedBy: '',
    failOpen: reason,
  };
}

/**
 * A RiskService client for switches, with the fail-open contract: if no answer arrives within the
 * deadline (default 50 ms), or the call fails for any reason (unreachable, overloaded, refused,
 * malformed request), the promise resolves to ALLOW with `failOpen` set to the reason, and
 * `risk_client_fail_open_total{reason}` is incremented. A risk lookup never delays or drops a call
 * beyond the deadline. One channel is reused for all calls.
 */
export function createRiskClient(options: RiskClientOptions): RiskClient {
  const deadlineMs = options.deadlineMs ?? 50;
  const client = new Client(options.address, options.credentials ?? grpcCredentials.createInsecure(), {
    'grpc.keepalive_time_ms': 30_000,
    'grpc.keepalive_timeout_ms': 10_000,
    'grpc.keepalive_permit_without_calls': 1,
  });
  const base = new Metadata();
  if (options.token !== undefined) base.set('authorization', `Bearer ${options.token}`);
  const failures: Counter<'reason'> = counter(
    options.registry ?? new Registry(),
    'risk_client_fail_open_total',
    'Checks answered ALLOW by the client because the risk service did not answer in time or failed',
    ['reason'],
  );
  const counts: Record<string, number> = {};
  const noteFailure = (reason: string, n: number): void => {
    failures.inc({ reason }, n);
    counts[reason] = (counts[reason] ?? 0) + n;
  };

  function unary<Req, Res>(
    method: typeof riskServiceDefinition.Check | typeof riskServiceDefinition.CheckBatch,
    request: Req,
    onFail: (reason: string) => Res,
  ): Promise<Res> {
    return new Promise<Res>((resolve) => {
      let settled = false;
      const settle = (value: Res): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(value);
      };
      const fail = (reason: string): void => {
        if (!settled) settle(onFail(reason));
      };
      // Our own timer as well as the gRPC deadline: the answer is due even if the channel misbehaves.
      let call: ClientUnaryCall | undefined;
      const timer = setTimeout(() => {
        fail('deadline');
        call?.cancel();
      }, deadlineMs);
      try {
        call = client.makeUnaryRequest<Req, Res>(
          method.path,
          method.requestSerialize as (v: Req) => Buffer,
          method.responseDeserialize as (b: Buffer) => Res,
          request,
          base.clone(),
          { deadline: Date.now() + deadlineMs },
          (err: ServiceError | null, value?: Res) => {
            if (err !== null || value === undefined) {
              const reason =
                err === null
                  ? 'empty'
                  : err.code === status.DEADLINE_EXCEEDED
                    ? 'deadline'
                    : (REASON_BY_STATUS.get(err.code) ?? 'error');
              fail(reason);
            } else {
              settle(value);
            }
          },
        );
      } catch {
        // A request the codec cannot encode is a caller bug, but still never holds up the call.
        fail('invalid_request');
      }
    });
  }

  return {
    check(request) {
      return unary<ICheckRequest, RiskAnswer>(riskServiceDefinition.Check, request, (reason) => {
        noteFailure(reason, 1);
        return failOpen(request.requestId ?? '', reason);
      });
    },
    async checkBatch(requests) {
      const res = await unary<{ checks: readonly ICheckRequest[] }, CheckBatchResponse | RiskAnswer[]>(
        riskServiceDefinition.CheckBatch,
        { checks: requests },
        (reason) => {
          noteFailure(reason, requests.length);
          return requests.map((r) => failOpen(r.requestId ?? '', reason));
        },
      );
      if (Array.isArray(res)) return res;
      // A check the server could not answer comes back as ALLOW with its error: count it as the
      // same check asked alone and refused would be (`invalid_argument`, ...).
      return res.results.map((r: RiskAnswer) => {
        const code = r.error?.code;
        if (code === undefined || code === null || code === '') return r;
        const reason = code.toLowerCase();
        noteFailure(reason, 1);
        return { ...r, failOpen: reason };
      });
    },
    failOpenCounts: () => ({ ...counts }),
    close: () => client.close(),
  };
}
