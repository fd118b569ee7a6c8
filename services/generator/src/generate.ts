import { actorSlice, ordinarySlice, type Complaint, type SliceContext } from './behaviours.js';
import type { Call } from './call.js';
import { labelLine, type Label, type LabelCategory, type LabelClass } from './labels.js';
import { resolveOptions, type GenerateOptions } from './options.js';
import { buildPopulation, type Actor } from './population.js';
import { Rng, mixSeed } from './prng.js';
import { badLine, cdrLine, complaintLine } from './record-format.js';
import { LocalTimeFormatter } from './time-format.js';

/** Where generated lines go. Streams are written with backpressure and left open for the caller. */
export interface GeneratorSinks {
  readonly cdrs: NodeJS.WritableStream;
  readonly complaints?: NodeJS.WritableStream;
  readonly labels?: NodeJS.WritableStream;
}

export interface CampaignSummary {
  readonly id: string;
  readonly category: LabelCategory;
  readonly numbers: number;
  readonly sources: readonly string[];
}

export interface GenerateSummary {
  readonly startMs: number;
  readonly endMs: number;
  readonly subscribers: number;
  /** CDR lines written, bad ones included. */
  readonly records: number;
  readonly badRecords: number;
  readonly complaints: number;
  readonly labels: number;
  /** Calls placed per labelled category, plus `ordinary`. */
  readonly callsByCategory: Readonly<Record<string, number>>;
  /** Labelled subjects per class and category. */
  readonly labelled: Readonly<Record<LabelClass, Readonly<Record<string, number>>>>;
  readonly campaigns: readonly CampaignSummary[];
}

// Short slices keep few calls alive at once (less promotion to the old GC generation).
const SLICE_MS = 15 * 60_000;
const CHUNK_BYTES = 1 << 20;
const STRING_CHARS = 1 << 16;

/**
 * Packs lines into large Buffers and waits for 'drain' when the stream asks for it. Lines are first
 * joined into a ~64 KiB string: one encode of a long string is much cheaper than one per line.
 * All generated text is ASCII, so characters and bytes count the same.
 */
class LineWriter {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private text = '';
  constructor(private readonly out: NodeJS.WritableStream | undefined) {}

  push(line: string): Promise<void> | undefined {
    if (this.out === undefined) return undefined;
    this.text += line;
    if (this.text.length < STRING_CHARS) return undefined;
    this.encode();
    return this.used > CHUNK_BYTES - 2 * STRING_CHARS ? this.flush() : undefined;
  }

  private encode(): void {
    this.used += this.buf.write(this.text, this.used, 'utf8');
    this.text = '';
  }

  flush(): Promise<void> | undefined {
    const out = this.out;
    if (out === undefined) return undefined;
    if (this.text !== '') this.encode();
    if (this.used === 0) return undefined;
    const chunk = this.buf.subarray(0, this.used);
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    if (out.write(chunk)) return undefined;
    return new Promise((resolve) => out.once('drain', () => resolve()));
  }
}

function labelsOf(a: Actor): Label[] {
  const out: Label[] = [];
  if (a.used.size === 0) return out;
  for (const n of a.numbers)
    if (a.used.has(n))
      out.push({ kind: 'number', id: n, class: a.cls, category: a.category, campaign: a.campaign });
  for (const s of a.sources) out.push({ ...s, class: a.cls, category: a.category, campaign: a.campaign });
  return out;
}

/**
 * Generates synthetic traffic with ground truth: CDR JSONL in setup-time order, complaints JSONL in
 * time order, and one label per non-ordinary subject that placed at least one call. The same
 * options always give byte-identical output.
 */
export async function generate(options: GenerateOptions, sinks: GeneratorSinks): Promise<GenerateSummary> {
  const o = resolveOptions(options);
  const pop = buildPopulation(o);
  const fmt = new LocalTimeFormatter();
  const cdrs = new LineWriter(sinks.cdrs);
  const complaintsOut = new LineWriter(sinks.complaints);
  const callsByCategory: Record<string, number> = { ordinary: 0 };
  let records = 0;
  let badRecords = 0;
  let complaintCount = 0;
  let seq = 0;
  const idPrefix = `g${o.seed.toString(36)}-`;
  const nextId = (): string => `${idPrefix}${(seq++).toString(36)}`;
  let pending: Complaint[] = [];

  const emitComplaintsBefore = async (limit: number): Promise<void> => {
    pending.sort((a, b) => a.time - b.time);
    let k = 0;
    for (; k < pending.length && (pending[k]?.time ?? Infinity) < limit; k++) {
      complaintCount++;
      await complaintsOut.push(complaintLine(pending[k]!, fmt));
    }
    pending = pending.slice(k);
  };

  for (let slice = 0, start = o.startMs; start < o.endMs; slice++, start += SLICE_MS) {
    const calls: Call[] = [];
    const ctx: SliceContext = {
      rng: new Rng(mixSeed(o.seed, 0x51ce, slice)),
      start,
      end: Math.min(o.endMs, start + SLICE_MS),
      runStart: o.startMs,
      runEnd: o.endMs,
      complaintScale: o.complaintScale,
      calls,
      complaints: pending,
      nextId,
    };
    ordinarySlice(ctx, pop.subs);
    callsByCategory['ordinary'] = (callsByCategory['ordinary'] ?? 0) + calls.length;
    for (const a of pop.actors) {
      const before = calls.length;
      actorSlice(ctx, a, pop);
      callsByCategory[a.category] = (callsByCategory[a.category] ?? 0) + calls.length - before;
    }
    // Stable sort: ties keep generation order, so output stays deterministic.
    calls.sort((a, b) => a.setup - b.setup);
    const badRng = new Rng(mixSeed(o.seed, 0xbad, slice));
    const noAttestation = o.without.has('attestation');
    const noDevice = o.without.has('device');
    const noLocation = o.without.has('location');
    for (const c of calls) {
      records++;
      if (noAttestation) c.att = '';
      if (noDevice) c.device = '';
      if (noLocation) c.location = '';
      let line: string;
      if (o.badRate > 0 && badRng.chance(o.badRate)) {
        badRecords++;
        line = badLine(c, fmt, badRng);
      } else line = cdrLine(c, fmt);
      const wait = cdrs.push(line);
      if (wait !== undefined) await wait;
    }
    await emitComplaintsBefore(ctx.end);
  }
  await emitComplaintsBefore(Infinity);
  await cdrs.flush();
  await complaintsOut.flush();

  const labelsOut = new LineWriter(sinks.labels);
  // A subscriber drawn both as a look-alike (a roamer, say) and as a harasser from their own line
  // harasses: the harasser label wins, whichever actor came first.
  const harasserNumbers = new Set<string>();
  for (const a of pop.actors)
    if (a.cls === 'harasser')
      for (const n of a.numbers) if (a.used.has(n)) harasserNumbers.add(`number:${n}`);
  const seen = new Set<string>();
  const labelled: Record<LabelClass, Record<string, number>> = {
    harasser: {},
    legit_high_volume: {},
    legit_lookalike: {},
  };
  const campaigns: CampaignSummary[] = [];
  let labelCount = 0;
  for (const a of pop.actors) {
    const ls = labelsOf(a);
    for (const l of ls) {
      const key = `${l.kind}:${l.id}`;
      if (seen.has(key) || (l.class !== 'harasser' && harasserNumbers.has(key))) continue;
      seen.add(key);
      labelCount++;
      const byCat = labelled[l.class];
      byCat[l.category] = (byCat[l.category] ?? 0) + 1;
      await labelsOut.push(labelLine(l));
    }
    if (a.campaign !== null && ls.length > 0)
      campaigns.push({
        id: a.campaign,
        category: a.category,
        numbers: a.used.size,
        sources: a.sources.map((s) => `${s.kind}:${s.id}`),
      });
  }
  await labelsOut.flush();

  return {
    startMs: o.startMs,
    endMs: o.endMs,
    subscribers: o.subscribers,
    records,
    badRecords,
    complaints: complaintCount,
    labels: labelCount,
    callsByCategory,
    labelled,
    campaigns,
  };
}
