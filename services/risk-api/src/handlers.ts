import type {
  handleBidiStreamingCall,
  handleUnaryCall,
  ServerDuplexStream,
  ServerUnaryCall,
} from '@grpc/grpc-js';
import { RingfenceError, type Counter } from '@ringfence/common';
import {
  Action,
  type CheckBatchRequest,
  type CheckRequest,
  type ICheckBatchResponse,
  type ICheckResponse,
} from '@ringfence/proto';
import { CheckAnswer, toResponse } from './check-response.js';
import type { Decide } from './decide.js';
import { SWITCH_KEY } from './guard-interceptor.js';
import { toCheckError, toGrpcStatus } from './status-map.js';

export interface HandlerOptions {
  decide: Decide;
  maxBatchChecks: number;
  checks: Counter<'switch' | 'action'>;
  /** Checks of a batch or stream answered with a per-check error instead, by switch. */
  checkErrors: Counter<'switch'>;
  deadlineDropped: Counter;
}

const ACTION_NAMES = ['allow', 'label', 'block'] as const;

type SurfaceCall = Pick<ServerUnaryCall<unknown, unknown>, 'metadata' | 'getDeadline'>;

function switchOf(call: SurfaceCall): string {
  const v = call.metadata.get(SWITCH_KEY)[0];
  return typeof v === 'string' ? v : '';
}

function deadlinePassed(call: SurfaceCall): boolean {
  const d = call.getDeadline();
  const ms = d instanceof Date ? d.getTime() : d;
  return ms !== Infinity && ms <= Date.now();
}

/** The RiskService method implementations. */
export function createHandlers(options: HandlerOptions): {
  Check: handleUnaryCall<CheckRequest, CheckAnswer>;
  CheckBatch: handleUnaryCall<CheckBatchRequest, ICheckBatchResponse>;
  CheckStream: handleBidiStreamingCall<CheckBatchRequest, ICheckBatchResponse>;
} {
  const { decide, maxBatchChecks } = options;
  // Counter children per switch, indexed by action, so counting does no label hashing.
  const children = new Map<string, Counter.Internal[]>();
  const count = (switchId: string, action: Action, n = 1): void => {
    let c = children.get(switchId);
    if (c === undefined) {
      c = ACTION_NAMES.map((a) => options.checks.labels({ switch: switchId, action: a }));
      children.set(switchId, c);
    }
    c[action]?.inc(n);
  };
  const dropped = (): RingfenceError => {
    options.deadlineDropped.inc();
    return new RingfenceError('DEADLINE_EXCEEDED', 'deadline passed before the check ran');
  };
  const answerBatch = (req: CheckBatchRequest, switchId: string): ICheckBatchResponse => {
    const checks = req.checks;
    if (checks.length > maxBatchChecks) {
      throw new RingfenceError('INVALID_ARGUMENT', `checks: at most ${maxBatchChecks} per batch`, {
        detail: { field: 'checks' },
      });
    }
    const results = new Array<ICheckResponse>(checks.length);
    // One bad check must not cost the others their answers: it gets the fail-open ALLOW with its
    // error, exactly what the switch would do had it asked alone and been refused.
    let errors = 0;
    for (let i = 0; i < checks.length; i++) {
      const c = checks[i] as CheckRequest;
      try {
        const d = decide(c, `checks[${i}].`);
        count(switchId, d.answer.action);
        const r = toResponse(c.requestId, d);
        results[i] = r;
      } catch (err) {
        errors++;
        results[i] = { requestId: c.requestId, action: Action.ACTION_ALLOW, error: toCheckError(err) };
      }
    }
    if (errors > 0) options.checkErrors.inc({ switch: switchId }, errors);
    return { results };
  };

  return {
    Check(call, callback) {
      if (deadlinePassed(call)) return callback(toGrpcStatus(dropped()));
      try {
        const d = decide(call.request);
        count(switchOf(call), d.answer.action);
        callback(null, new CheckAnswer(call.request.requestId, d));
      } catch (err) {
        callback(toGrpcStatus(err));
      }
    },
    CheckBatch(call, callback) {
      if (deadlinePassed(call)) return callback(toGrpcStatus(dropped()));
      try {
        callback(null, answerBatch(call.request, switchOf(call)));
      } catch (err) {
        callback(toGrpcStatus(err));
      }
    },
    CheckStream(call: ServerDuplexStream<CheckBatchRequest, ICheckBatchResponse>) {
      const switchId = switchOf(call);
      let failed = false;
      call.on('data', (req: CheckBatchRequest) => {
        if (failed) return;
        try {
          if (deadlinePassed(call)) throw dropped();
          // Honour backpressure: stop reading until the switch takes our answers.
          if (!call.write(answerBatch(req, switchId))) {
            call.pause();
            call.once('drain', () => call.resume());
          }
        } catch (err) {
          failed = true;
          call.emit('error', toGrpcStatus(err));
        }
      });
      call.on('end', () => {
        if (!failed) call.end();
      });
      call.on('error', () => {
        failed = true;
      });
    },
  };
}
