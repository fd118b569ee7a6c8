import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCdr, parseComplaint, readRecords } from '@ringfence/cdr';
import { seededRandom } from '@ringfence/common/testing';
import { generateToFiles } from '@ringfence/generator';
import type { ICallDetailRecord, IComplaintEvent } from '@ringfence/proto';
import {
  CampaignTable,
  CollectingSink,
  NumberStage,
  SourceStage,
  TaintTable,
  loadRules,
  numberPartition,
  scoreFile,
  sourcePartition,
  subjectKey,
  taintsCallers,
  type SourceObservation,
  type SubjectKindName,
  type Verdict,
} from '../src/index.js';

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

const NP = 6;
const NS = 6;

interface Part {
  events: (ICallDetailRecord | IComplaintEvent)[];
  complaints: boolean;
  next: number;
  maxMs: number;
}

/** One scorer instance: the stages of the partitions it owns and its copies of the shared tables. */
interface Instance {
  taint: TaintTable;
  campaigns: CampaignTable;
  numbers: Map<number, NumberStage>;
  sources: Map<number, SourceStage>;
  /** Read positions in the taint and campaign logs (the compacted topics every instance reads). */
  taintAt: number;
  campaignAt: number;
}

interface Sent {
  o: SourceObservation;
  from: number;
}

/**
 * The scorer service split over `instances` processes, without Kafka: CDRs on NP partitions and
 * complaints co-partitioned with them (keyed by number), consumed in random chunks in random
 * partition order. Each instance owns some number and source partitions, one stage each; what
 * crosses partitions travels through queues that stand for topics, delivered late and in random
 * lumps: observations (scorer.source-events.v1), calls received (to the callee's partition), source
 * verdicts (source-risk.v1, from which each instance derives its taint table) and per-partition
 * campaign counts. Sweeps only at a watermark no input of the stage is behind; now and then a
 * partition moves to another instance through its own snapshot. Returns the final verdicts once
 * every instance has caught up and flushed.
 */
function service(seed: number, instances: number, moves: boolean): Map<string, string> {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const final = new CollectingSink();
  const taintLog: { kind: SubjectKindName; id: string; tainted: boolean }[] = [];
  const campaignLog: { partition: number; counts: Map<string, number> }[] = [];
  const sourceSink = {
    verdict: (v: Verdict) => {
      final.verdict(v);
      taintLog.push({ kind: v.kind, id: v.id, tainted: taintsCallers(v.kind, v.level, v.category) });
    },
    tombstone: (kind: SubjectKindName, id: string, timeMs: number) => {
      final.tombstone(kind, id, timeMs);
      taintLog.push({ kind, id, tainted: false });
    },
    alert: () => undefined,
  };
  const obs: Sent[][] = Array.from({ length: NS }, () => []);
  const received: [number, number][][] = Array.from({ length: NP }, () => []);
  /** Per source partition, the newest observation time delivered from each number partition. */
  const obsClock: number[][] = Array.from({ length: NS }, () => new Array<number>(NP).fill(-1));
  const published = new Map<number, string>();

  const fleet: Instance[] = [];
  for (let i = 0; i < instances; i++)
    fleet.push({
      taint: new TaintTable(),
      campaigns: new CampaignTable(rules.campaign.minMembers),
      numbers: new Map(),
      sources: new Map(),
      taintAt: 0,
      campaignAt: 0,
    });
  const numberStage = (inst: Instance, p: number): NumberStage => {
    const n: NumberStage = new NumberStage(
      rules,
      final,
      (o) => obs[sourcePartition(o.kind, o.id, NS)]!.push({ o: { ...o }, from: p }),
      {
        partition: p,
        taint: inst.taint,
        campaigns: inst.campaigns,
        receivedBy: (callee, sec, hash) => received[numberPartition(callee, NP)]!.push([sec, hash]),
      },
    );
    n.stage.autoSweep = false;
    return n;
  };
  const sourceStage = (inst: Instance): SourceStage => {
    const s = new SourceStage(rules, sourceSink, { taint: inst.taint, campaigns: inst.campaigns });
    s.stage.autoSweep = false;
    return s;
  };
  for (let p = 0; p < NP; p++) {
    const inst = fleet[p % instances]!;
    inst.numbers.set(p, numberStage(inst, p));
  }
  for (let p = 0; p < NS; p++) {
    const inst = fleet[(p + 1) % instances]!;
    inst.sources.set(p, sourceStage(inst));
  }
  const ownerOfNumbers = (p: number): Instance => fleet.find((f) => f.numbers.has(p))!;
  const ownerOfSources = (p: number): Instance => fleet.find((f) => f.sources.has(p))!;

  /** What the scorer publishes after sweeps and flushes: each owned partition's campaign counts, when changed. */
  const publishCounts = (): void => {
    for (const inst of fleet)
      for (const p of inst.numbers.keys()) {
        const counts = inst.campaigns.countsOf(p);
        const text = JSON.stringify([...counts].sort());
        if (published.get(p) === text) continue;
        published.set(p, text);
        campaignLog.push({ partition: p, counts: new Map(counts) });
      }
  };
  /** Delivers up to `n` entries of every queue and log (all of them when n is Infinity). */
  const deliver = (n: number): void => {
    for (let s = 0; s < NS; s++) {
      const stage = ownerOfSources(s).sources.get(s)!;
      const q = obs[s]!.splice(0, n === Infinity ? obs[s]!.length : Math.floor(random() * n));
      for (const { o, from } of q) {
        stage.onObservation(o);
        obsClock[s]![from] = Math.max(obsClock[s]![from]!, o.timeMs);
      }
    }
    for (let p = 0; p < NP; p++) {
      const stage = ownerOfNumbers(p).numbers.get(p)!;
      const q = received[p]!.splice(0, n === Infinity ? received[p]!.length : Math.floor(random() * n));
      for (const [sec, hash] of q) stage.addReceived(sec, hash);
    }
    for (const inst of fleet) {
      const tEnd =
        n === Infinity ? taintLog.length : Math.min(taintLog.length, inst.taintAt + Math.floor(random() * n));
      for (; inst.taintAt < tEnd; inst.taintAt++) {
        const e = taintLog[inst.taintAt]!;
        // Its own sources' taint it knows first-hand; the log brings the others'.
        if (!inst.sources.has(sourcePartition(e.kind, e.id, NS))) inst.taint.set(e.kind, e.id, e.tainted);
      }
      const cEnd =
        n === Infinity
          ? campaignLog.length
          : Math.min(campaignLog.length, inst.campaignAt + Math.floor(random() * 5));
      for (; inst.campaignAt < cEnd; inst.campaignAt++) {
        const e = campaignLog[inst.campaignAt]!;
        if (!inst.numbers.has(e.partition)) inst.campaigns.update(e.partition, e.counts);
      }
    }
  };
  /** Moves one number or source partition to another instance through its own snapshot. */
  const move = (): void => {
    const to = pick(fleet);
    if (random() < 0.5) {
      const p = Math.floor(random() * NP);
      const from = ownerOfNumbers(p);
      if (from === to) return;
      const snap = from.numbers.get(p)!.snapshot();
      from.numbers.delete(p);
      const n = numberStage(to, p);
      n.restore(snap);
      to.numbers.set(p, n);
    } else {
      const p = Math.floor(random() * NS);
      const from = ownerOfSources(p);
      if (from === to) return;
      const snap = from.sources.get(p)!.snapshot();
      from.sources.delete(p);
      const s = sourceStage(to);
      s.restore(snap);
      to.sources.set(p, s);
      // The new owner's taint for these sources is now the stage's own, not what the log brought.
      const flagged = s.flaggedKeys();
      for (const kind of ['trunk', 'device'] as const) {
        const set = kind === 'trunk' ? to.taint.trunks : to.taint.devices;
        for (const id of [...set])
          if (sourcePartition(kind, id, NS) === p && !flagged.has(`${kind}:${id}`))
            to.taint.set(kind, id, false);
      }
      for (const key of flagged) {
        const i = key.indexOf(':');
        to.taint.set(key.slice(0, i) as SubjectKindName, key.slice(i + 1), true);
      }
    }
  };

  const parts: Part[] = [];
  for (let p = 0; p < 2 * NP; p++) parts.push({ events: [], complaints: p >= NP, next: 0, maxMs: -1 });
  for (const c of cdrs) parts[numberPartition(c.calling?.e164 || c.calling?.raw || '', NP)]!.events.push(c);
  for (const c of complaints)
    parts[NP + numberPartition(c.reported?.e164 || c.reported?.raw || '', NP)]!.events.push(c);
  for (;;) {
    const open = parts.filter((p) => p.next < p.events.length);
    if (open.length === 0) break;
    const part = pick(open);
    const p = part.complaints ? parts.indexOf(part) - NP : parts.indexOf(part);
    const stage = ownerOfNumbers(p).numbers.get(p)!;
    const end = Math.min(part.events.length, part.next + 1 + Math.floor(random() * 3000));
    for (; part.next < end; part.next++) {
      const e = part.events[part.next]!;
      if (part.complaints) {
        const c = e as IComplaintEvent;
        part.maxMs = Math.max(part.maxMs, Number(c.timeMs));
        stage.onComplaint(c);
      } else {
        const c = e as ICallDetailRecord;
        part.maxMs = Math.max(part.maxMs, Number(c.setupTimeMs));
        stage.onCdr(c);
      }
    }
    if (random() < 0.4) {
      deliver(2000);
      // A number stage sweeps where neither of its inputs (calls, complaints) is behind; a source
      // stage where no number partition's observations are.
      for (let q = 0; q < NP; q++) {
        const inputs = [parts[q]!, parts[NP + q]!].filter((x) => x.next < x.events.length);
        if (inputs.length === 0 || inputs.some((x) => x.maxMs < 0)) continue;
        ownerOfNumbers(q)
          .numbers.get(q)!
          .stage.sweep(Math.min(...inputs.map((x) => x.maxMs)));
      }
      for (let s = 0; s < NS; s++) {
        const w = Math.min(...obsClock[s]!);
        if (w >= 0) ownerOfSources(s).sources.get(s)!.stage.sweep(w);
      }
      publishCounts();
      if (moves && random() < 0.2) move();
    }
  }
  // Caught up: every instance flushes (as the scorer does when idle) until nothing changes.
  for (let round = 0; ; round++) {
    const before = taintLog.length + campaignLog.length;
    deliver(Infinity);
    for (const inst of fleet) {
      for (const n of inst.numbers.values()) n.detectCampaigns();
      publishCounts();
      deliver(Infinity);
      for (const s of inst.sources.values()) s.flush();
      for (const n of inst.numbers.values()) n.flush();
      publishCounts();
    }
    deliver(Infinity);
    if (taintLog.length + campaignLog.length === before || round > 20) break;
  }
  // Once more with every table final: the last flush is what the idle scorer publishes.
  for (const inst of fleet) {
    for (const s of inst.sources.values()) s.flush();
    for (const n of inst.numbers.values()) n.flush();
  }
  return view(final.latest.values());
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
  offline = view(
    (await scoreFile(paths.cdrs, { complaints: paths.complaints, partitions: { numbers: NP, sources: NS } }))
      .verdicts,
  );
}, 60_000);

afterAll(() => {
  cdrs = [];
  complaints = [];
  rmSync(dir, { recursive: true, force: true });
});

describe('final verdicts do not depend on arrival order or on how partitions are spread', () => {
  it('scores shuffled partitions, late tables and observations, and sweeps exactly as offline', () => {
    expect(offline.size).toBeGreaterThan(100);
    for (const seed of [1, 2]) expect(diff(service(seed, 1, false), offline)).toEqual([]);
  });

  it('ends the same with the partitions spread over 2 and 3 instances', () => {
    expect(diff(service(3, 2, false), offline)).toEqual([]);
    expect(diff(service(4, 3, false), offline)).toEqual([]);
  });

  it('ends the same when partitions move between instances mid-stream through their own snapshots', () => {
    for (const seed of [5, 6]) expect(diff(service(seed, 3, true), offline)).toEqual([]);
  });
});
