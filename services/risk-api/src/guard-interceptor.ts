import { status as grpcStatus, ServerInterceptingCall, type ServerInterceptor } from '@grpc/grpc-js';
import { RingfenceError, type Histogram, type Counter } from '@ringfence/common';
import type { Authenticate } from './auth.js';
import { RISK_SERVICE_NAME } from './service-definition.js';
import { toGrpcStatus } from './status-map.js';

/** Metadata key the guard sets to the authenticated switch id for the handlers (never trusted from clients). */
export const SWITCH_KEY = 'x-ringfence-switch';

export interface GuardOptions {
  authenticate: Authenticate;
  maxInFlight: number;
  /** False until the view has caught up; RiskService calls are UNAVAILABLE meanwhile. */
  isReady: () => boolean;
  latency: Histogram<'method'>;
  rejected: Counter<'code'>;
}

export interface Guard {
  readonly interceptor: ServerInterceptor;
  inFlight(): number;
}

const PREFIX = `/${RISK_SERVICE_NAME}/`;

/**
 * One interceptor in front of RiskService: readiness, authentication, load shedding (calls in flight
 * from metadata to status above the limit are refused with RESOURCE_EXHAUSTED, never queued) and
 * the latency histogram. Health and reflection pass through untouched.
 */
export function createGuard(options: GuardOptions): Guard {
  let inFlight = 0;
  const rejectedCode = (code: number): void => options.rejected.inc({ code: String(code) });
  // Histogram children per method, resolved once rather than by label lookup on every call.
  const latencyByPath = new Map<string, { observe(v: number): void }>();
  const interceptor: ServerInterceptor = (method, call) => {
    if (!method.path.startsWith(PREFIX)) return new ServerInterceptingCall(call);
    let latency = latencyByPath.get(method.path);
    if (latency === undefined) {
      latency = options.latency.labels({ method: method.path.slice(PREFIX.length) });
      latencyByPath.set(method.path, latency);
    }
    const observe = latency;
    let started = 0;
    let counted = false;
    const release = (): void => {
      if (counted) {
        counted = false;
        inFlight -= 1;
      }
    };
    const reject = (err: RingfenceError): void => {
      const s = toGrpcStatus(err);
      rejectedCode(s.code);
      call.sendStatus({ ...s, metadata: null });
    };
    // Plain responder and listener objects (not the builders): this runs on every call.
    return new ServerInterceptingCall(call, {
      start(next) {
        next({
          onReceiveMetadata(metadata, mdNext) {
            if (!options.isReady()) {
              reject(new RingfenceError('UNAVAILABLE', 'risk view is still loading'));
              return;
            }
            let switchId: string;
            try {
              switchId = options.authenticate(metadata, call);
            } catch (err) {
              reject(err as RingfenceError);
              return;
            }
            if (inFlight >= options.maxInFlight) {
              reject(new RingfenceError('OVERLOADED', `over ${options.maxInFlight} calls in flight`));
              return;
            }
            inFlight += 1;
            counted = true;
            started = performance.now();
            metadata.remove(SWITCH_KEY);
            metadata.set(SWITCH_KEY, switchId);
            mdNext(metadata);
          },
          onCancel: release,
        });
      },
      sendStatus(status, next) {
        if (counted) {
          observe.observe((performance.now() - started) / 1000);
          if (status.code !== grpcStatus.OK) rejectedCode(status.code);
        }
        release();
        next(status);
      },
    });
  };
  return { interceptor, inFlight: () => inFlight };
}
