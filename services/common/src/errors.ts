/**
 * The closed list of error codes. Callers decide by code (and `retryable`), never by message text.
 * The gRPC edge maps these to status codes in one place (risk-api's status-map).
 */
export const ERROR_CODES = [
  'CONFIG_INVALID',
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'OVERLOADED',
  'DEADLINE_EXCEEDED',
  'UNAVAILABLE',
  'CONFLICT',
  'INTEGRITY',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['OVERLOADED', 'DEADLINE_EXCEEDED', 'UNAVAILABLE']);

export class RingfenceError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  /** Extra structured context (a field name, a key) safe to log and to show to the caller. */
  readonly detail: Readonly<Record<string, string | number>>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; detail?: Record<string, string | number>; retryable?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RingfenceError';
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE.has(code);
    this.detail = Object.freeze({ ...options.detail });
  }
}

/** Narrows an unknown thrown value to a RingfenceError with the given code. */
export function isRingfenceError(err: unknown, code?: ErrorCode): err is RingfenceError {
  return err instanceof RingfenceError && (code === undefined || err.code === code);
}

/** Wraps anything thrown into a RingfenceError, keeping RingfenceErrors as they are. */
export function toRingfenceError(err: unknown, fallback: ErrorCode = 'INTERNAL'): RingfenceError {
  if (err instanceof RingfenceError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new RingfenceError(fallback, message, { cause: err });
}
