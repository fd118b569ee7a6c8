import { Writable } from 'node:stream';
import { normaliseNumber } from '@ringfence/cdr';
import { generate, type GenerateOptions, type GenerateSummary, type Label } from '../src/index.js';

/** A sink that keeps everything written to it. */
export class MemorySink extends Writable {
  private readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.chunks.push(chunk);
    cb();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

export interface Output {
  summary: GenerateSummary;
  cdrText: string;
  complaintText: string;
  labelText: string;
}

export async function run(options: GenerateOptions): Promise<Output> {
  const cdrs = new MemorySink();
  const complaints = new MemorySink();
  const labels = new MemorySink();
  const summary = await generate(options, { cdrs, complaints, labels });
  return { summary, cdrText: cdrs.text(), complaintText: complaints.text(), labelText: labels.text() };
}

export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

/** A generated CDR with the fields the tests look at, numbers normalised the way ingest does. */
export interface Cdr {
  call_id: string;
  setup: number;
  answer: number | null;
  release: number;
  calling: string;
  callingRaw: string;
  callingValid: boolean;
  called: string;
  carrier: string;
  trunk: string;
  cause: number;
  media: string;
  attestation: string | undefined;
  device: string | undefined;
  location: string | undefined;
}

interface RawCdr {
  call_id: string;
  setup_time: string;
  answer_time: string | null;
  release_time: string;
  calling: string;
  called: string;
  ingress_carrier: string;
  ingress_trunk: string;
  release_cause: number;
  media: string;
  attestation?: string;
  device_id?: string;
  calling_location?: string;
}

export function toCdr(line: string): Cdr {
  const r = JSON.parse(line) as RawCdr;
  const calling = normaliseNumber(r.calling);
  return {
    call_id: r.call_id,
    setup: Date.parse(r.setup_time),
    answer: r.answer_time === null ? null : Date.parse(r.answer_time),
    release: Date.parse(r.release_time),
    calling: calling.e164,
    callingRaw: r.calling,
    callingValid: calling.valid,
    called: normaliseNumber(r.called).e164,
    carrier: r.ingress_carrier,
    trunk: r.ingress_trunk,
    cause: r.release_cause,
    media: r.media,
    attestation: r.attestation,
    device: r.device_id,
    location: r.calling_location,
  };
}

export function toLabels(text: string): Label[] {
  return lines(text).map((l) => JSON.parse(l) as Label);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const arr = m.get(k);
    if (arr === undefined) m.set(k, [it]);
    else arr.push(it);
  }
  return m;
}
