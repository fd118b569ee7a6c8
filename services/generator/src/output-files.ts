import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { RingfenceError } from '@ringfence/common';
import { generate, type GenerateSummary } from './generate.js';
import type { GenerateOptions } from './options.js';

export interface OutputPaths {
  readonly cdrs: string;
  readonly complaints: string;
  readonly labels: string;
}

/** The companion files of a CDR file: `x.jsonl` → `x.complaints.jsonl` and `x.labels.jsonl` (`.gz` kept). */
export function outputPaths(out: string): OutputPaths {
  const m = /^(.*)\.jsonl(\.gz)?$/.exec(out);
  if (m === null)
    throw new RingfenceError('INVALID_ARGUMENT', `output file must end in .jsonl or .jsonl.gz: ${out}`, {
      detail: { field: 'out' },
    });
  const base = m[1] ?? '';
  const gz = m[2] ?? '';
  return { cdrs: out, complaints: `${base}.complaints.jsonl${gz}`, labels: `${base}.labels.jsonl${gz}` };
}

function open(path: string): { stream: NodeJS.WritableStream; done: Promise<void> } {
  const file = createWriteStream(path);
  if (!path.endsWith('.gz')) return { stream: file, done: finished(file) };
  const gz = createGzip({ level: 6 });
  gz.pipe(file);
  return { stream: gz, done: finished(file) };
}

/** Generates into the three files next to `out`; resolves when all are flushed and closed. */
export async function generateToFiles(
  options: GenerateOptions,
  out: string,
): Promise<{ summary: GenerateSummary; paths: OutputPaths }> {
  const paths = outputPaths(out);
  const files = [open(paths.cdrs), open(paths.complaints), open(paths.labels)] as const;
  try {
    const summary = await generate(options, {
      cdrs: files[0].stream,
      complaints: files[1].stream,
      labels: files[2].stream,
    });
    for (const f of files) f.stream.end();
    await Promise.all(files.map((f) => f.done));
    return { summary, paths };
  } catch (err) {
    for (const f of files) f.stream.end();
    await Promise.allSettled(files.map((f) => f.done));
    throw err;
  }
}
