import {
  status as grpcStatus,
  ServerInterceptingCall,
  type Deadline,
  type Metadata,
  type ServerInterceptingCallInterface,
  type ServerInterceptor,
} from '@grpc/grpc-js';
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

// grpc-js does not export these types by name from its entry point.
type Inner = ServerInterceptingCallInterface;
type InterceptingServerListener = Parameters<Inner['start']>[0];
type PartialStatusObject = Parameters<Inner['sendStatus']>[0];
type AuthContext = ReturnType<Inner['getAuthContext']>;
type ConnectionInfo = ReturnType<Inner['getConnectionInfo']>;
type PerRequestMetricRecorder = ReturnType<Inner['getMetricsRecorder']>;

interface GuardState {
  readonly options: GuardOptions;
  inFlight: number;
}

/**
 * One RiskService call behind the guard. It forwards every event straight to the next call:
 * grpc-js's generic ServerInterceptingCall would allocate closures and a listener wrapper per call
 * to support asynchronous interceptors, which this one is not (it decides on the metadata at once).
 */
class GuardedCall extends ServerInterceptingCall {
  private started = 0;
  private counted = false;

  constructor(
    private readonly inner: ServerInterceptingCallInterface,
    private readonly state: GuardState,
    private readonly latency: { observe(v: number): void },
  ) {
    super(inner);
  }

  override start(listener: InterceptingServerListener): void {
    this.inner.start(new GuardListener(this, listener));
  }

  /** Readiness, authentication and the in-flight limit; refuses the call with its status if not. */
  admit(metadata: Metadata): boolean {
    const { options } = this.state;
    if (!options.isReady()) {
      this.reject(new RingfenceError('UNAVAILABLE', 'risk view is still loading'));
      return false;
    }
    let switchId: string;
    try {
      switchId = options.authenticate(metadata, this.inner);
    } catch (err) {
      this.reject(err as RingfenceError);
      return false;
    }
    if (this.state.inFlight >= options.maxInFlight) {
      this.reject(new RingfenceError('OVERLOADED', `over ${options.maxInFlight} calls in flight`));
      return false;
    }
    this.state.inFlight += 1;
    this.counted = true;
    this.started = performance.now();
    metadata.remove(SWITCH_KEY);
    metadata.set(SWITCH_KEY, switchId);
    return true;
  }

  private reject(err: RingfenceError): void {
    const s = toGrpcStatus(err);
    this.state.options.rejected.inc({ code: String(s.code) });
    this.inner.sendStatus({ ...s, metadata: null });
  }

  release(): void {
    if (this.counted) {
      this.counted = false;
      this.state.inFlight -= 1;
    }
  }

  override sendMetadata(metadata: Metadata): void {
    this.inner.sendMetadata(metadata);
  }

  override sendMessage(message: unknown, callback: () => void): void {
    this.inner.sendMessage(message, callback);
  }

  override sendStatus(status: PartialStatusObject): void {
    if (this.counted) {
      this.latency.observe((performance.now() - this.started) / 1000);
      if (status.code !== grpcStatus.OK) this.state.options.rejected.inc({ code: String(status.code) });
    }
    this.release();
    this.inner.sendStatus(status);
  }

  override startRead(): void {
    this.inner.startRead();
  }

  override getPeer(): string {
    return this.inner.getPeer();
  }

  override getDeadline(): Deadline {
    return this.inner.getDeadline();
  }

  override getHost(): string {
    return this.inner.getHost();
  }

  override getAuthContext(): AuthContext {
    return this.inner.getAuthContext();
  }

  override getConnectionInfo(): ConnectionInfo {
    return this.inner.getConnectionInfo();
  }

  override getMetricsRecorder(): PerRequestMetricRecorder {
    return this.inner.getMetricsRecorder();
  }
}

/**
 * What a GuardedCall hands the next call to hear from the client: one object per call, where a
 * literal of arrow functions would allocate four closures and their context besides. Until the
 * metadata has passed, nothing reaches the handler; a refused call never passes.
 */
class GuardListener implements InterceptingServerListener {
  private passed = false;

  constructor(
    private readonly call: GuardedCall,
    private readonly next: InterceptingServerListener,
  ) {}

  onReceiveMetadata(metadata: Metadata): void {
    if (this.call.admit(metadata)) {
      this.passed = true;
      this.next.onReceiveMetadata(metadata);
    }
  }

  onReceiveMessage(message: unknown): void {
    if (this.passed) this.next.onReceiveMessage(message);
  }

  onReceiveHalfClose(): void {
    if (this.passed) this.next.onReceiveHalfClose();
  }

  onCancel(): void {
    this.call.release();
    this.next.onCancel();
  }
}

/**
 * One interceptor in front of RiskService: readiness, authentication, load shedding (calls in flight
 * from metadata to status above the limit are refused with RESOURCE_EXHAUSTED, never queued) and
 * the latency histogram. Health and reflection pass through untouched.
 */
export function createGuard(options: GuardOptions): Guard {
  const state: GuardState = { options, inFlight: 0 };
  // Histogram children per method, resolved once rather than by label lookup on every call.
  const latencyByPath = new Map<string, { observe(v: number): void }>();
  const interceptor: ServerInterceptor = (method, call) => {
    if (!method.path.startsWith(PREFIX)) return new ServerInterceptingCall(call);
    let latency = latencyByPath.get(method.path);
    if (latency === undefined) {
      latency = options.latency.labels({ method: method.path.slice(PREFIX.length) });
      latencyByPath.set(method.path, latency);
    }
    return new GuardedCall(call, state, latency);
  };
  return { interceptor, inFlight: () => state.inFlight };
}
