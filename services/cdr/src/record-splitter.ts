import { splitCsvRow } from './csv-row.js';
import { reject, type Rejection } from './reject-reason.js';

export type InputFormat = 'jsonl' | 'csv';

/** One input record as read: where it started, its bytes, and the decoded value or why it has none. */
export interface RawRecord {
  /** 1-based line of the input on which the record starts (the CSV header is line 1). */
  readonly line: number;
  /** The record's bytes without the line ending; clipped to the record size limit when oversized. */
  readonly raw: Buffer;
  /** The decoded JSON value, or for CSV an object keyed by header; absent when `error` is set. */
  readonly value?: unknown;
  readonly error?: Rejection;
}

export interface SplitterOptions {
  /** 'auto' decides by the first non-blank byte: `{` or `[` means JSONL, anything else CSV. */
  format: InputFormat | 'auto';
  /** Longest record in bytes; longer ones come out as OVERSIZED_RECORD. */
  maxRecordBytes: number;
}

const NL = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;

function blank(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === NL || b === CR || b === 0xef || b === 0xbb || b === 0xbf;
}

/**
 * Cuts a byte stream into records (JSONL lines, or CSV records whose quoted fields may span lines)
 * and decodes each. Push chunks in, take records out; memory per record is capped by
 * `maxRecordBytes`, after which the rest of the record is skipped to the next line end.
 */
export class RecordSplitter {
  private format: InputFormat | 'auto';
  private readonly max: number;
  private parts: Buffer[] = [];
  private partsLength = 0;
  private oversized = false;
  private inQuotes = false;
  private fieldStart = true;
  private justClosed = false;
  private line = 1;
  private recordLine = 1;
  private header: string[] | undefined;
  private headerError: string | undefined;
  private head: Buffer | undefined;
  private first = true;

  constructor(options: SplitterOptions) {
    this.format = options.format;
    this.max = options.maxRecordBytes;
  }

  /** The format in use, once known. */
  get detectedFormat(): InputFormat | 'auto' {
    return this.format;
  }

  push(chunk: Buffer): RawRecord[] {
    const out: RawRecord[] = [];
    if (this.format === 'auto') {
      const buf: Buffer = this.head === undefined ? chunk : Buffer.concat([this.head, chunk]);
      let i = 0;
      while (i < buf.length && blank(buf[i]!)) i++;
      if (i === buf.length) {
        this.head = buf;
        return out;
      }
      this.format = buf[i] === 0x7b || buf[i] === 0x5b ? 'jsonl' : 'csv';
      this.head = undefined;
      chunk = buf;
    }
    if (this.first) {
      this.first = false;
      // A UTF-8 byte-order mark is not part of the first record.
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    if (this.format === 'jsonl') this.pushLines(chunk, out);
    else this.pushCsv(chunk, out);
    return out;
  }

  /** Flushes the last record (one without a trailing newline). */
  end(): RawRecord[] {
    const out: RawRecord[] = [];
    if (this.format === 'auto') {
      if (this.head === undefined) return out;
      this.format = 'jsonl';
      const h = this.head;
      this.head = undefined;
      this.pushLines(h, out);
    }
    if (this.format === 'csv' && this.inQuotes && !this.oversized && this.partsLength > 0) {
      const raw = this.take();
      out.push({
        line: this.recordLine,
        raw,
        error: reject('MALFORMED', 'unterminated quoted field at end of input'),
      });
      return out;
    }
    this.emit(out);
    return out;
  }

  private append(chunk: Buffer, start: number, end: number): void {
    if (this.oversized || end <= start) {
      if (end > start) this.partsLength += end - start;
      return;
    }
    const room = this.max - this.partsLength;
    if (end - start > room) {
      if (room > 0) this.parts.push(chunk.subarray(start, start + room));
      this.partsLength += end - start;
      this.oversized = true;
      return;
    }
    this.parts.push(chunk.subarray(start, end));
    this.partsLength += end - start;
  }

  private take(): Buffer {
    const raw = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    this.parts = [];
    this.partsLength = 0;
    return raw;
  }

  private pushLines(chunk: Buffer, out: RawRecord[]): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(NL, start);
      if (nl === -1) {
        this.append(chunk, start, chunk.length);
        return;
      }
      this.append(chunk, start, nl);
      this.emit(out);
      this.line += 1;
      this.recordLine = this.line;
      start = nl + 1;
    }
  }

  private pushCsv(chunk: Buffer, out: RawRecord[]): void {
    let start = 0;
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const b = chunk[i]!;
      if (b === QUOTE) {
        // Only a quote opening a field (or escaping one inside it) is syntax; elsewhere it is text.
        if (this.inQuotes) {
          this.inQuotes = false;
          this.justClosed = true;
        } else if (this.fieldStart || this.justClosed) {
          this.inQuotes = true;
          this.justClosed = false;
        }
        this.fieldStart = false;
        continue;
      }
      this.justClosed = false;
      this.fieldStart = b === COMMA || b === NL;
      if (b === NL) {
        this.line += 1;
        // An oversized record may be an unterminated quote swallowing the file: resync at the line end.
        if (!this.inQuotes || this.oversized || this.partsLength + (i - start) > this.max) {
          this.append(chunk, start, i);
          this.emit(out);
          this.inQuotes = false;
          this.recordLine = this.line;
          start = i + 1;
        }
      }
    }
    this.append(chunk, start, n);
  }

  private emit(out: RawRecord[]): void {
    const line = this.recordLine;
    const size = this.partsLength;
    if (this.oversized) {
      const raw = this.take();
      this.oversized = false;
      out.push({
        line,
        raw,
        error: reject('OVERSIZED_RECORD', `record is ${size} bytes, more than ${this.max}`),
      });
      return;
    }
    if (size === 0) return;
    let raw = this.take();
    if (raw[raw.length - 1] === CR) raw = raw.subarray(0, raw.length - 1);
    let k = 0;
    while (k < raw.length && blank(raw[k]!)) k++;
    if (k === raw.length) return;
    const record = this.format === 'csv' ? this.decodeCsv(line, raw) : decodeJson(line, raw);
    if (record !== undefined) out.push(record);
  }

  private decodeCsv(line: number, raw: Buffer): RawRecord | undefined {
    const fields = splitCsvRow(raw.toString('utf8'));
    if (this.header === undefined && this.headerError === undefined) {
      if (fields === undefined || fields.length === 0) this.headerError = 'the CSV header row is malformed';
      else this.header = fields.map((f) => f.trim());
      return undefined;
    }
    if (this.header === undefined) return { line, raw, error: reject('MALFORMED', this.headerError ?? '') };
    if (fields === undefined)
      return { line, raw, error: reject('MALFORMED', 'CSV row has a misplaced quote') };
    if (fields.length !== this.header.length) {
      return {
        line,
        raw,
        error: reject('MALFORMED', `CSV row has ${fields.length} columns, the header ${this.header.length}`),
      };
    }
    const value: Record<string, string> = Object.create(null) as Record<string, string>;
    for (let c = 0; c < fields.length; c++) value[this.header[c]!] = fields[c]!;
    return { line, raw, value };
  }
}

function decodeJson(line: number, raw: Buffer): RawRecord {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return { line, raw, value };
  } catch (err) {
    return { line, raw, error: reject('MALFORMED', `not JSON: ${(err as Error).message}`) };
  }
}
