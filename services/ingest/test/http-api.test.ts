import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { Producer } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { createLogger, loadConfig } from '@ringfence/common';
import { IngestCore } from '../src/index.js';
import { ingestServiceConfig } from '../src/config.js';
import { buildHttpApi, type RecordResult } from '../src/http-api.js';

// Unit level: the HTTP edge over a real ingest core whose producer is a stand-in (the Kafka path
// itself is covered by the integration tests).
function setup(
  overrides: Record<string, unknown> = {},
  send: () => Promise<unknown> = () => Promise.resolve([]),
  logger = createLogger('test', 'silent'),
) {
  const config = loadConfig(ingestServiceConfig, {
    env: {},
    file: '',
    overrides: {
      ingestTokens: ['tok-1', 'tok-2'],
      bodyLimitBytes: 4096,
      inflatedLimitBytes: 8192,
      ...overrides,
    },
  });
  const producer = { sendBatch: send } as unknown as Producer;
  const core = new IngestCore({ producer, topicPrefix: 'unit.', source: 'http', config });
  const app = buildHttpApi({ core, config, logger });
  return { app, core };
}

const cdr = (id: string): Record<string, unknown> => ({
  call_id: id,
  switch_id: 'sw',
  setup_time: 1_795_572_000_000,
  release_time: 1_795_572_010_000,
  calling: '13812345678',
  called: '13912345678',
  ingress_trunk: 'T',
  ingress_carrier: 'ON-NET',
  release_cause: 16,
  media: 'audio',
});
const auth = { authorization: 'Bearer tok-2' };

/** POSTs `payload` to /v1/cdrs as an authorised sender, with `headers` added. */
function postCdrs(
  app: ReturnType<typeof setup>['app'],
  payload: string | Buffer,
  headers: Record<string, string> = {},
) {
  return app.inject({ method: 'POST', url: '/v1/cdrs', headers: { ...auth, ...headers }, payload });
}

describe('ingest HTTP API', () => {
  it('logs no line per request and starts without a deprecation warning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error & { code?: string }): void => {
      warnings.push(`${w.code ?? w.name}: ${w.message}`);
    };
    process.on('warning', onWarning);
    try {
      const lines: string[] = [];
      const out = new PassThrough();
      out.on('data', (d: Buffer) => lines.push(d.toString()));
      const { app } = setup({}, undefined, createLogger('test', 'info', out));
      const r = await postCdrs(app, JSON.stringify(cdr('q')));
      expect(r.statusCode).toBe(200);
      // An emitted warning reaches its listeners on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
      expect(lines.join('')).not.toMatch(/incoming request|request completed/);
      await app.close();
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('answers 401 without a token or with a wrong one', async () => {
    const { app } = setup();
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: 'Basic dG9rLTE=' }]) {
      const r = await app.inject({ method: 'POST', url: '/v1/cdrs', headers, payload: '{}' });
      expect(r.statusCode).toBe(401);
      expect(r.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('takes JSONL and answers per record', async () => {
    const { app } = setup();
    const body = [
      JSON.stringify(cdr('a')),
      '',
      'junk',
      JSON.stringify(cdr('a')),
      JSON.stringify({ ...cdr('b'), media: 'fax' }),
    ].join('\n');
    const r = await postCdrs(app, body);
    expect(r.statusCode).toBe(200);
    const json = r.json<{
      accepted: number;
      rejected: number;
      duplicates: number;
      results: RecordResult[];
    }>();
    expect(json).toMatchObject({ accepted: 1, rejected: 2, duplicates: 1 });
    expect(json.results).toEqual([
      { index: 0, line: 1, status: 'accepted' },
      { index: 1, line: 3, status: 'rejected', reason: 'MALFORMED', message: expect.any(String) as string },
      { index: 2, line: 4, status: 'duplicate' },
      {
        index: 3,
        line: 5,
        status: 'rejected',
        reason: 'UNKNOWN_MEDIA',
        message: expect.any(String) as string,
      },
    ]);
  });

  it('takes a gzip-encoded JSON array, and complaints', async () => {
    const { app } = setup();
    const body = gzipSync(JSON.stringify([cdr('x'), cdr('y'), 7]));
    const r = await postCdrs(app, body, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(r.json()).toMatchObject({ accepted: 2, rejected: 1, duplicates: 0 });
    const c = await app.inject({
      method: 'POST',
      url: '/v1/complaints',
      headers: auth,
      payload: JSON.stringify({
        time: 1_795_572_000_000,
        reporter: '13812345678',
        reported: '95555',
        category: 'fraud',
      }),
    });
    expect(c.json()).toMatchObject({ accepted: 1, rejected: 0 });
  });

  it('takes CSV with a text/csv content type', async () => {
    const { app } = setup();
    const o = cdr('csv-1');
    const body = `${Object.keys(o).join(',')}\n${Object.values(o).join(',')}\n`;
    const r = await postCdrs(app, body, { 'content-type': 'text/csv' });
    expect(r.json()).toMatchObject({ accepted: 1 });
  });

  it('judges a broken JSON array line by line; 400 for bad gzip, 415 for other encodings', async () => {
    const { app } = setup();
    const bad = await postCdrs(app, '[{"a":1},\n[]');
    expect(bad.json()).toMatchObject({ accepted: 0, rejected: 2 });
    const gz = await postCdrs(app, 'nope', { 'content-encoding': 'gzip' });
    expect(gz.statusCode).toBe(400);
    const br = await postCdrs(app, 'x', { 'content-encoding': 'br' });
    expect(br.statusCode).toBe(415);
  });

  it('answers 413 for a body over the limit, and for gzip that inflates past it', async () => {
    const { app } = setup();
    const big = await postCdrs(app, 'x'.repeat(5000));
    expect(big.statusCode).toBe(413);
    const bomb = gzipSync(Buffer.alloc(1_000_000, 0x20));
    expect(bomb.length).toBeLessThan(4096);
    const r = await postCdrs(app, bomb, { 'content-encoding': 'gzip' });
    expect(r.statusCode).toBe(413);
  });

  it('answers 429 with Retry-After while the produce queue is full', async () => {
    // A producer that never answers keeps the one queued message in flight.
    const { app, core } = setup(
      { produceMaxQueued: 1, produceBatchSize: 1 },
      () => new Promise(() => undefined),
    );
    core.ingest('cdr', { raw: Buffer.from('{}'), value: cdr('fill') });
    expect(core.saturated).toBe(true);
    const r = await postCdrs(app, JSON.stringify(cdr('z')));
    expect(r.statusCode).toBe(429);
    expect(r.headers['retry-after']).toBe('1');
  });

  it('answers 503 when Kafka refuses the records', async () => {
    const { app } = setup({}, () => Promise.reject(new Error('broker gone')));
    const r = await postCdrs(app, JSON.stringify(cdr('q')));
    expect(r.statusCode).toBe(503);
  });
});
