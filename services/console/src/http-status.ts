import type { ErrorCode } from '@ringfence/common';

const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  OVERLOADED: 429,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
};

/** The HTTP status for an error code (500 for anything not listed). */
export function httpStatus(code: ErrorCode): number {
  return STATUS[code] ?? 500;
}
