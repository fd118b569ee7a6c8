import { setTimeout as sleep } from 'node:timers/promises';

/** What `POST /v1/cdrs` answered. */
export interface IngestAnswer {
  status: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** The Retry-After header, when present. */
  retryAfter: string | null;
}

/** Posts JSONL CDRs to the ingest HTTP API as a mediation system would. */
export class IngestClient {
  constructor(
    private readonly port: number,
    private readonly token: string,
  ) {}

  async post(lines: readonly string[]): Promise<IngestAnswer> {
    const res = await fetch(`http://127.0.0.1:${this.port}/v1/cdrs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/x-ndjson' },
      body: `${lines.join('\n')}\n`,
      signal: AbortSignal.timeout(170_000),
    });
    const body = (await res.json()) as { accepted?: number; duplicates?: number; rejected?: number };
    return {
      status: res.status,
      accepted: body.accepted ?? 0,
      duplicates: body.duplicates ?? 0,
      rejected: body.rejected ?? 0,
      retryAfter: res.headers.get('retry-after'),
    };
  }

  /**
   * Posts `lines` in chunks, honouring 429 (waits Retry-After seconds and posts the chunk again), and
   * returns how many records ingest accepted into cdr.v1. Any other non-200 answer throws.
   * `pauseMs` between chunks spreads the traffic out, so a fault can land in the middle of it.
   */
  async postAll(lines: readonly string[], chunk = 2_000, pauseMs = 0): Promise<number> {
    let accepted = 0;
    for (let i = 0; i < lines.length; i += chunk) {
      if (i > 0 && pauseMs > 0) await sleep(pauseMs);
      for (;;) {
        const a = await this.post(lines.slice(i, i + chunk));
        if (a.status === 429) {
          await sleep(Number(a.retryAfter ?? '1') * 1_000);
          continue;
        }
        if (a.status !== 200) throw new Error(`ingest answered ${a.status}`);
        accepted += a.accepted;
        break;
      }
    }
    return accepted;
  }
}
