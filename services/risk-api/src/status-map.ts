import { status, type StatusObject } from '@grpc/grpc-js';
import { toRingfenceError, type ErrorCode } from '@ringfence/common';
import type { ICheckError } from '@ringfence/proto';

// The one place RingfenceError codes become gRPC status codes.
const STATUS_BY_CODE: Readonly<Record<ErrorCode, status>> = {
  CONFIG_INVALID: status.FAILED_PRECONDITION,
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  NOT_FOUND: status.NOT_FOUND,
  UNAUTHENTICATED: status.UNAUTHENTICATED,
  PERMISSION_DENIED: status.PERMISSION_DENIED,
  OVERLOADED: status.RESOURCE_EXHAUSTED,
  DEADLINE_EXCEEDED: status.DEADLINE_EXCEEDED,
  UNAVAILABLE: status.UNAVAILABLE,
  CONFLICT: status.ABORTED,
  INTEGRITY: status.DATA_LOSS,
  INTERNAL: status.INTERNAL,
};

/** The gRPC status code for a RingfenceError code. */
export function grpcStatusFor(code: ErrorCode): status {
  return STATUS_BY_CODE[code];
}

/** Any thrown value as a gRPC status (unknown errors become INTERNAL, never a crash). */
export function toGrpcStatus(err: unknown): Pick<StatusObject, 'code' | 'details'> {
  const e = toRingfenceError(err);
  return { code: STATUS_BY_CODE[e.code], details: e.message };
}

/**
 * Any thrown value as the per-check error of a batch or stream result: the status name the same
 * check gets from Check, the field at fault when known, and the message.
 */
export function toCheckError(err: unknown): ICheckError {
  const e = toRingfenceError(err);
  const field = e.detail['field'];
  return {
    code: status[STATUS_BY_CODE[e.code]],
    field: typeof field === 'string' ? field : '',
    message: e.message,
  };
}
