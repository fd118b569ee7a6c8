import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCdr, parseComplaint, readRecords } from '@ringfence/cdr';
import { seededRandom } from '@ringfence/common/testing';
import { generateToFiles } from '@ringfence/generator';
import type { ICallDetailRecord, IComplaintEvent } from '@ringfence/proto';
import {
  CollectingSink,
  NumberStage,
  SourceStage,
  loadRules,
  scoreFile,
  subjectKey,
  type SourceObservation,
  type Verdict,
} from '../src/index.js';
import { hashString } from '../src/hash.js';

const dir = mkdtempSync(join(tmpdir(), 'rf-order-'));
const rules = loadRules();
let cdrs: ICallDetailRecord[] = [];
let complaints: IComplaintEvent[] = [];
let offline: Map<string, string> = new Map();

/** level/category/score per subject above NONE: what the order-independence promise covers. */
function view(verdicts: Iterable<Verdict>): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of verdicts)
    if (v.level !== 'NONE') out.set(subjectKey(v.kind, v.id), `${v.level}/${v.category}/${v.score}`);
  return out;
}

function diff(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()]))
    if (a.get(k) !== b.get(k)) out.push(`${k}: ${a.get(k) ?? 'NONE'} vs ${b.get(k) ?? 'NONE'}`);
  return out.sort();
}

interface Part {
  events: (ICallDetailRecord | IComplaintEvent)[];
  complaints: boolean;
  next: number;
  maxMs: number;
}

/**
 * The scorer service's situation without Kafka: CDRs on 6 partitions and complaints on 3 (keyed by
 * number), consumed in random chunks in random partition order; observations reach the source
 * stage late, in random lumps; sweeps only at points where the source stage has caught up, with the
 * lowest event time of the partitions still being read; optionally a crash (snapshot, fresh stages,
 * restore) half-way. Returns the final verdicts.
 */
function service(seed: number, crash: boolean): Map<string, string> {
  const random = seededRandom(seed);
  const sink = new CollectingSink();
  let queue: SourceObservation[] = [];
  const build = (): { numbers: NumberStage; sources: SourceStage } => {
    const numbers: NumberStage = new NumberStage(rules, sink, (o) => queue.push({ ...o }), {
      campaign: (trunk, members) => sources.onCampaign(trunk, members),
    });
    const sources: SourceStage = new SourceStage(rules, sink, {
      taint: (kind, id, tainted) => numbers.onTaint(kind, id, tainted),
      implicate: (caller) => numbers.implicate(caller),
    });
    numbers.stage.autoSweep = false;
    sources.stage.autoSweep = false;
    return { numbers, sources };
  };
  let { numbers, sources } = build();
  const parts: Part[] = [];
  for (let p = 0; p < 9; p++) parts.push({ events: [], complaints: p >= 6, next: 0, maxMs: -1 });
  for (const c of cdrs) {
    const key = c.calling?.e164 || c.calling?.raw || '';
    parts[(hashString(key) >>> 0) % 6]!.events.push(c);
  }
  for (const c of complaints) {
    const key = c.reported?.e164 || c.reported?.raw || '';
    parts[6 + ((hashString(key) >>> 0) % 3)]!.events.push(c);
  }
  const deliver = (): void => {
    const q = queue;
    queue = [];
    for (const o of q) sources.onObservation(o);
  };
  let crashed = !crash;
  for (;;) {
    const open = parts.filter((p) => p.next < p.events.length);
    if (open.length === 0) break;
    const part = open[Math.floor(random() * open.length)]!;
    const end = Math.min(part.events.length, part.next + 1 + Math.floor(random() * 3000));
    for (; part.next < end; part.next++) {
      const e = part.events[part.next]!;
      if (part.complaints) {
        const c = e as IComplaintEvent;
        part.maxMs = Math.max(part.maxMs, Number(c.timeMs));
        numbers.onComplaint(c);
      } else {
        const c = e as ICallDetailRecord;
        part.maxMs = Math.max(part.maxMs, Number(c.setupTimeMs));
        numbers.onCdr(c);
      }
    }
    // The source stage lags behind and catches up now and then (the scorer's lockstep points).
    if (random() < 0.4) {
      deliver();
      const reading = parts.filter((p) => p.next < p.events.length);
      if (reading.every((p) => p.maxMs >= 0)) {
        const w =
          reading.length === 0
            ? Math.max(...parts.map((p) => p.maxMs))
            : Math.min(...reading.map((p) => p.maxMs));
        numbers.stage.sweep(w);
        sources.stage.sweep(w);
      }
      if (!crashed && parts.reduce((n, p) => n + p.next, 0) > cdrs.length / 2) {
        crashed = true;
        const a = numbers.snapshot();
        const b = sources.snapshot();
        ({ numbers, sources } = build());
        numbers.restore(a);
        sources.restore(b);
      }
    }
  }
  deliver();
  numbers.detectCampaigns();
  sources.flush();
  numbers.flush();
  return view(sink.latest.values());
}

beforeAll(async () => {
  const { paths } = await generateToFiles({ subscribers: 3000, hours: 24, seed: 7 }, join(dir, 'in.jsonl'));
  for await (const rec of readRecords(paths.cdrs)) {
    const r = parseCdr(rec.value);
    if (r.ok) cdrs.push(r.value);
  }
  for await (const rec of readRecords(paths.complaints)) {
    const r = parseComplaint(rec.value);
    if (r.ok) complaints.push(r.value);
  }
  offline = view((await scoreFile(paths.cdrs, { complaints: paths.complaints })).verdicts);
}, 60_000);

afterAll(() => {
  cdrs = [];
  complaints = [];
  rmSync(dir, { recursive: true, force: true });
});

describe('final verdicts do not depend on arrival order', () => {
  it('scores shuffled partitions, late source observations and sweeps exactly as offline', () => {
    expect(offline.size).toBeGreaterThan(100);
    for (const seed of [1, 2, 3]) expect(diff(service(seed, false), offline)).toEqual([]);
  });

  it('ends with the same verdicts after a restore from a snapshot taken mid-stream', () => {
    for (const seed of [4, 5]) expect(diff(service(seed, true), offline)).toEqual([]);
  });
});
