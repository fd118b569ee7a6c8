import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import {
  fastify,
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { Logger } from '@ringfence/common';
import { splitRecords, type RawRecord } from '@ringfence/cdr';
import type { IngestCore, IngestKind } from './ingest-core.js';
import { bearerChecker } from './auth.js';
import type { IngestServiceConfig } from './config.js';

const gunzipAsync = promisify(gunzip);

/** One record's outcome in an API response. */
export interface RecordResult {
  /** 0-based position among the body's records (array element, or non-blank line / CSV row). */
  index: number;
  /** 1-based line of the body the record started on (array element number for arrays). */
  line: number;
  status: 'accepted' | 'rejected' | 'duplicate';
  reason?: string;
  message?: string;
}

function error(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).send({ error: { code, message } });
}

/**
 * Splits a body into records: a JSON array (one record per element), else JSONL, or CSV when the
 * content type says so. A body that starts with `[` but is not one JSON array is read as JSONL, so
 * its lines are still judged one by one.
 */
function records(body: Buffer, contentType: string, maxRecordBytes: number): RawRecord[] {
  const csv = contentType.includes('csv');
  let i = 0;
  while (i < body.length && (body[i] === 0x20 || body[i] === 0x0a || body[i] === 0x0d || body[i] === 0x09))
    i++;
  if (!csv && body[i] === 0x5b) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      parsed = undefined;
    }
    if (Array.isArray(parsed)) {
      return parsed.map((value: unknown, n) => ({
        line: n + 1,
        raw: Buffer.from(JSON.stringify(value) ?? 'null'),
        value,
      }));
    }
  }
  return splitRecords(body, { format: csv ? 'csv' : 'jsonl', maxRecordBytes });
}

export interface HttpApiOptions {
  core: IngestCore;
  config: Readonly<IngestServiceConfig>;
  logger: Logger;
}

/**
 * The ingest HTTP API: `POST /v1/cdrs` and `POST /v1/complaints` take a JSON array or JSONL (CSV
 * with a text/csv content type), optionally gzip-encoded, and answer once every accepted and
 * rejected record is acknowledged by Kafka, with a result per record.
 */
export function buildHttpApi(options: HttpApiOptions): FastifyInstance {
  const { core, config } = options;
  const authorised = bearerChecker(config.ingestTokens);
  const loggerInstance: FastifyBaseLogger = options.logger.child({ component: 'http' });
  const app = fastify({
    loggerInstance,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
  });
  // Bodies are taken as bytes whatever the content type: records are split and judged one by one.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.addHook('onRequest', async (req, reply) => {
    if (!authorised(req.headers.authorization)) {
      await error(
        reply.header('www-authenticate', 'Bearer'),
        401,
        'UNAUTHENTICATED',
        'a valid bearer token is required',
      );
    }
  });

  const handle = (kind: IngestKind) => async (req: FastifyRequest, reply: FastifyReply) => {
    if (core.saturated) {
      return error(reply.header('retry-after', '1'), 429, 'OVERLOADED', 'ingest queue is full, retry later');
    }
    let body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding === 'gzip') {
      try {
        body = await gunzipAsync(body, { maxOutputLength: config.inflatedLimitBytes });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          return error(
            reply,
            413,
            'INVALID_ARGUMENT',
            `body inflates beyond ${config.inflatedLimitBytes} bytes`,
          );
        }
        return error(reply, 400, 'INVALID_ARGUMENT', 'body is not valid gzip');
      }
    } else if (encoding !== 'identity') {
      return error(reply, 415, 'INVALID_ARGUMENT', `content-encoding ${encoding} is not supported (gzip is)`);
    }
    const split = records(body, req.headers['content-type'] ?? '', config.maxRecordBytes);
    const results: RecordResult[] = [];
    let accepted = 0;
    let rejected = 0;
    let duplicates = 0;
    for (let index = 0; index < split.length; index++) {
      const record = split[index]!;
      const line = record.line;
      const outcome = core.ingest(kind, record);
      if (outcome.status === 'accepted') {
        accepted++;
        results.push({ index, line, status: 'accepted' });
      } else if (outcome.status === 'duplicate') {
        duplicates++;
        results.push({ index, line, status: 'duplicate' });
      } else {
        rejected++;
        results.push({
          index,
          line,
          status: 'rejected',
          reason: outcome.reason!,
          message: outcome.message!,
        });
      }
    }
    await core.sync();
    return reply.code(200).send({ accepted, rejected, duplicates, results });
  };

  app.post('/v1/cdrs', handle('cdr'));
  app.post('/v1/complaints', handle('complaint'));

  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, _req, reply) => {
    if (err.statusCode === 413)
      return error(reply, 413, 'INVALID_ARGUMENT', `body is larger than ${config.bodyLimitBytes} bytes`);
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
      return error(reply, err.statusCode, 'INVALID_ARGUMENT', err.message);
    }
    options.logger.error({ err }, 'ingest request failed');
    return error(reply, 503, 'UNAVAILABLE', 'ingest could not store the records; retry');
  });
  return app;
}
