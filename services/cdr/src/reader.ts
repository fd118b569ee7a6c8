import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { RecordSplitter, type InputFormat, type RawRecord } from './record-splitter.js';

export interface ReadOptions {
  /** Forces a format; by default the file extension (ignoring .gz) decides, then the content. */
  format?: InputFormat | 'auto';
  /** Longest record in bytes (OVERSIZED_RECORD beyond). Default 64 KiB. */
  maxRecordBytes?: number;
}

export const DEFAULT_MAX_RECORD_BYTES = 64 * 1024;

/** The format a file name implies (`.csv`, `.jsonl`, `.ndjson`, `.json`, each optionally `.gz`), or 'auto'. */
export function formatFromName(path: string): InputFormat | 'auto' {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson') || name.endsWith('.json')) return 'jsonl';
  return 'auto';
}

/** Yields the stream's bytes, gunzipped when they start with the gzip magic bytes (1f 8b). */
export async function* decompressed(input: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  const it = input[Symbol.asyncIterator]();
  const headParts: Buffer[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < 2) {
    const next = await it.next();
    if (next.done === true) {
      done = true;
      break;
    }
    const b = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    headParts.push(b);
    headLength += b.length;
  }
  const head = Buffer.concat(headParts);
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (done) return;
    for (;;) {
      const next = await it.next();
      if (next.done === true) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    for await (const chunk of Readable.from(all()).pipe(createGunzip())) yield chunk as Buffer;
  } else {
    yield* all();
  }
}

/**
 * Streams records from a file path, `-` (stdin) or any byte stream: gzip detected by magic bytes,
 * JSONL vs CSV by extension then content. Yields every record with its line number and raw bytes,
 * and either the decoded value or a MALFORMED / OVERSIZED_RECORD rejection; blank lines and the CSV
 * header are skipped.
 */
export async function* readRecords(
  source: string | AsyncIterable<Buffer | string>,
  options: ReadOptions = {},
): AsyncGenerator<RawRecord> {
  let input: AsyncIterable<Buffer | string>;
  let format = options.format ?? 'auto';
  if (typeof source === 'string') {
    if (source === '-') {
      input = process.stdin;
    } else {
      input = createReadStream(source, { highWaterMark: 1 << 20 });
      if (format === 'auto') format = formatFromName(source);
    }
  } else {
    input = source;
  }
  const splitter = new RecordSplitter({
    format,
    maxRecordBytes: options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES,
  });
  for await (const chunk of decompressed(input)) {
    const records = splitter.push(chunk);
    for (const r of records) yield r;
  }
  for (const r of splitter.end()) yield r;
}

/** Splits an in-memory body (JSONL or CSV, already decompressed) into records. */
export function splitRecords(body: Buffer, options: ReadOptions = {}): RawRecord[] {
  const splitter = new RecordSplitter({
    format: options.format ?? 'auto',
    maxRecordBytes: options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES,
  });
  return [...splitter.push(body), ...splitter.end()];
}
