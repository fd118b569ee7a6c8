import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  RecordSplitter,
  formatFromName,
  parseCdr,
  readRecords,
  splitCsvRow,
  splitRecords,
  type RawRecord,
} from '@ringfence/cdr';
import { CallingLocation } from '@ringfence/proto';
import { cdrCsv, cdrJsonl } from '@ringfence/cdr/testing';

const dir = mkdtempSync(join(tmpdir(), 'rf-cdr-reader-'));

async function collect(it: AsyncIterable<RawRecord>): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const r of it) out.push(r);
  return out;
}

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('splitCsvRow', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['a,,c', ['a', '', 'c']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi""",x', ['say "hi"', 'x']],
    ['"line\nbreak",x', ['line\nbreak', 'x']],
    ['x,""', ['x', '']],
    ['', ['']],
    ['a,b"c', ['a', 'b"c']],
  ])('%j', (row, fields) => {
    expect(splitCsvRow(row)).toEqual(fields);
  });

  it.each(['"open', '"a"b,c', 'x,"y"z'])('refuses malformed %j', (row) => {
    expect(splitCsvRow(row)).toBeUndefined();
  });
});

describe('formatFromName', () => {
  it.each([
    ['a.csv', 'csv'],
    ['a.CSV.gz', 'csv'],
    ['a.jsonl', 'jsonl'],
    ['a.ndjson.gz', 'jsonl'],
    ['a.json', 'jsonl'],
    ['a.txt', 'auto'],
  ])('%s → %s', (name, f) => expect(formatFromName(name)).toBe(f));
});

describe('readRecords', () => {
  it('reads JSONL with line numbers, raw bytes, blank lines and bad lines', async () => {
    const p = file('a.jsonl', '{"a":1}\n\n  \nnot json\r\n{"b":2}\r\n[1]\n{"c":3}');
    const rs = await collect(readRecords(p));
    expect(rs.map((r) => r.line)).toEqual([1, 4, 5, 6, 7]);
    expect(rs[0]).toMatchObject({ value: { a: 1 } });
    expect(rs[0]!.raw.toString()).toBe('{"a":1}');
    expect(rs[1]!.error?.reason).toBe('MALFORMED');
    expect(rs[1]!.raw.toString()).toBe('not json');
    expect(rs[2]!.raw.toString()).toBe('{"b":2}');
    expect(rs[3]!.value).toEqual([1]);
    expect(rs[4]!.value).toEqual({ c: 3 });
  });

  it('reads CSV with a header, quoted commas, quotes and newlines, and flags bad rows', async () => {
    const p = file(
      'b.csv',
      '\ufeffcall_id, calling ,note\n1,138,plain\n2,"139,1","a ""quoted"" word"\n3,137,"two\nlines"\n4,only-two\n5,136,x\n',
    );
    const rs = await collect(readRecords(p));
    expect(rs.map((r) => r.line)).toEqual([2, 3, 4, 6, 7]);
    expect(rs[0]!.value).toEqual({ call_id: '1', calling: '138', note: 'plain' });
    expect(rs[1]!.value).toEqual({ call_id: '2', calling: '139,1', note: 'a "quoted" word' });
    expect(rs[2]!.value).toEqual({ call_id: '3', calling: '137', note: 'two\nlines' });
    expect(rs[3]!.error?.reason).toBe('MALFORMED');
    expect(rs[3]!.raw.toString()).toBe('4,only-two');
    expect(rs[4]!.value).toEqual({ call_id: '5', calling: '136', note: 'x' });
  });

  it('reports an unterminated quote at the end of a CSV file as MALFORMED', async () => {
    const rs = await collect(readRecords(file('c.csv', 'a,b\n1,"open\n')));
    expect(rs).toHaveLength(1);
    expect(rs[0]!.error?.reason).toBe('MALFORMED');
  });

  it('detects gzip by magic bytes, whatever the name', async () => {
    const text = cdrJsonl(50);
    const rs = await collect(readRecords(file('gz-no-suffix', gzipSync(text))));
    expect(rs).toHaveLength(50);
    expect(rs.every((r) => parseCdr(r.value).ok)).toBe(true);
    const csv = await collect(readRecords(file('d.csv.gz', gzipSync(cdrCsv(20)))));
    expect(csv).toHaveLength(20);
    expect(csv.every((r) => parseCdr(r.value).ok)).toBe(true);
  });

  it('detects JSONL vs CSV by content when the name does not say', async () => {
    expect((await collect(readRecords(file('e.txt', cdrCsv(3))))).length).toBe(3);
    expect((await collect(readRecords(file('f.dat', `\n\n${cdrJsonl(3)}`)))).length).toBe(3);
  });

  it('reads from any byte stream (stdin), in tiny chunks', async () => {
    const text = Buffer.from(cdrCsv(30));
    const chunks: Buffer[] = [];
    for (let i = 0; i < text.length; i += 7) chunks.push(text.subarray(i, i + 7));
    const rs = await collect(readRecords(Readable.from(chunks)));
    expect(rs).toHaveLength(30);
    expect(rs.every((r) => parseCdr(r.value).ok)).toBe(true);
  });

  it('cuts oversized records, keeps reading after them, and bounds what it keeps', async () => {
    const big = `{"x":"${'y'.repeat(5000)}"}`;
    const rs = await collect(
      readRecords(file('g.jsonl', `{"a":1}\n${big}\n{"b":2}\n`), { maxRecordBytes: 1000 }),
    );
    expect(rs.map((r) => r.error?.reason)).toEqual([undefined, 'OVERSIZED_RECORD', undefined]);
    expect(rs[1]!.raw.length).toBe(1000);
    expect(rs[2]!.line).toBe(3);
  });

  it('resynchronises after a CSV quote that never closes', async () => {
    const rs = await collect(
      readRecords(file('h.csv', `a,b\n1,"${'z'.repeat(3000)}\n2,x\n3,y\n`), { maxRecordBytes: 1000 }),
    );
    expect(rs[0]!.error?.reason).toBe('OVERSIZED_RECORD');
    expect(rs.slice(-2).map((r) => r.value)).toEqual([
      { a: '2', b: 'x' },
      { a: '3', b: 'y' },
    ]);
  });

  it('gives the same records however the input is chunked', () => {
    const text = Buffer.from(`${cdrCsv(10)}`);
    const whole = splitRecords(text, { format: 'csv' });
    const s = new RecordSplitter({ format: 'auto', maxRecordBytes: 65536 });
    const parts: RawRecord[] = [];
    for (let i = 0; i < text.length; i++) parts.push(...s.push(text.subarray(i, i + 1)));
    parts.push(...s.end());
    expect(parts.map((r) => r.value)).toEqual(whole.map((r) => r.value));
    expect(parts.map((r) => r.line)).toEqual(whole.map((r) => r.line));
  });

  it('reads calling_location from its named CSV column: empty is unspecified, any case, else refused', () => {
    const [header, ...rows] = cdrCsv(4).trimEnd().split('\n');
    const cells = ['home', '', 'ROAMING', 'abroad'];
    const text = `calling_location,${header}\n${rows.map((r, i) => `${cells[i]},${r}`).join('\n')}\n`;
    const parsed = splitRecords(Buffer.from(text), { format: 'csv' }).map((r) => parseCdr(r.value));
    expect(parsed.map((p) => (p.ok ? p.value.callingLocation : p.reason))).toEqual([
      CallingLocation.CALLING_LOCATION_HOME,
      CallingLocation.CALLING_LOCATION_UNSPECIFIED,
      CallingLocation.CALLING_LOCATION_ROAMING,
      'BAD_CALLING_LOCATION',
    ]);
  });

  it('yields nothing for an empty input', async () => {
    expect(await collect(readRecords(file('empty.jsonl', '')))).toEqual([]);
    expect(await collect(readRecords(Readable.from([])))).toEqual([]);
  });
});
