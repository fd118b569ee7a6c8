import { createClient, type ClickHouseClient } from '@clickhouse/client';

export type { ClickHouseClient } from '@clickhouse/client';

export interface ClickHouseOptions {
  url: string;
  database: string;
  username?: string;
  password?: string;
  /** Per-request timeout; inserts of large batches need more than the client default. */
  requestTimeoutMs?: number;
}

/**
 * A ClickHouse HTTP client. Works against 18.16 (Debian) and current LTS: no query_params are ever
 * sent (18.16 refuses them); values go into SQL only through the `sql` literal module.
 */
export function createClickHouse(options: ClickHouseOptions): ClickHouseClient {
  return createClient({
    url: options.url,
    database: options.database,
    username: options.username ?? 'default',
    password: options.password ?? '',
    request_timeout: options.requestTimeoutMs ?? 60_000,
    compression: { request: false, response: false },
    // A busy event loop (big batch encodes) can outlive the idle-socket timer; reusing such a socket
    // gives EPIPE on the next insert. Drop stale sockets instead.
    keep_alive: { enabled: true, eagerly_destroy_stale_sockets: true },
    clickhouse_settings: { date_time_input_format: 'best_effort' },
  });
}

/** Socket errors that mean the server could not be reached (not that it refused the request). */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ETIMEDOUT',
]);

/** True when `err` (or its cause) says ClickHouse could not be reached, by the socket error's code. */
export function clickhouseUnreachable(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && UNREACHABLE.has(e.code)) return true;
    e = e.cause as typeof e;
  }
  return false;
}
