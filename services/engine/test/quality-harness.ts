import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normaliseNumber, parseCdr, parseComplaint, readRecords, type ParseResult } from '@ringfence/cdr';
import { generateToFiles, type GenerateOptions, type Label } from '@ringfence/generator';
import { Action, riskv1, type ICallDetailRecord, type IComplaintEvent } from '@ringfence/proto';
import { createDecider, createPolicy, riskApiConfigSchema, RiskView, type Decide } from '@ringfence/risk-api';
import {
  Engine,
  loadRules,
  riskVerdictMessage,
  subjectKey,
  type AlertEvent,
  type EngineSink,
  type Rules,
  type SubjectKindName,
  type Verdict,
} from '../src/index.js';

const RANK = { NONE: 0, LOW: 1, MEDIUM: 2, HIGH: 3 } as const;
const HOUR_MS = 3_600_000;

/** What one subject went through during a run. */
interface Track {
  peak: number;
  final: number;
  mediumAtMs: number;
  mediumAtCalls: number;
  reasons: string;
}

/**
 * risk-api's own decision at call setup (default policy: label from MEDIUM, never block on computed
 * risk), over a view fed with every verdict the moment the engine publishes it.
 */
class CallSetup {
  private readonly view: RiskView;
  readonly decide: Decide;

  constructor() {
    const config = riskApiConfigSchema.parse({});
    const policy = createPolicy(config);
    this.view = new RiskView(policy);
    this.decide = createDecider(this.view, policy, config);
  }

  apply(kind: SubjectKindName, id: string, v: Verdict | null): void {
    const bytes = v === null ? null : riskv1.RiskVerdict.encode(riskVerdictMessage(v)).finish();
    if (kind === 'number') this.view.applyCaller(id, bytes);
    else this.view.applySource(subjectKey(kind, id), bytes);
  }

  /** The action the switch gets for this call; a request risk-api refuses fails open (ALLOW). */
  actionFor(cdr: ICallDetailRecord): Action {
    try {
      return this.decide({
        calling: cdr.calling?.raw ?? '',
        called: cdr.called?.raw ?? '',
        ingressTrunk: cdr.ingressTrunk ?? '',
        ingressCarrier: cdr.ingressCarrier ?? '',
        attestation: cdr.attestation ?? 0,
        callingDevice: cdr.deviceId ?? '',
        callingLocation: cdr.callingLocation ?? 0,
      }).answer.action;
    } catch {
      return Action.ACTION_ALLOW;
    }
  }
}

/** Keeps every subject's peak level, when it first reached MEDIUM, and its final level. */
class TrackingSink implements EngineSink {
  readonly tracks = new Map<string, Track>();
  constructor(private readonly callSetup: CallSetup) {}
  verdict(v: Verdict): void {
    this.callSetup.apply(v.kind, v.id, v);
    const key = `${v.kind}:${v.id}`;
    let t = this.tracks.get(key);
    if (t === undefined) {
      t = { peak: 0, final: 0, mediumAtMs: NaN, mediumAtCalls: NaN, reasons: '' };
      this.tracks.set(key, t);
    }
    const rank = RANK[v.level];
    t.final = rank;
    if (rank > t.peak) {
      t.peak = rank;
      t.reasons = `${v.level}:${v.category}:${v.reasons.map((r) => r.code).join(',')}`;
    }
    const m = v.first.MEDIUM ?? v.first.HIGH;
    if (m !== undefined && Number.isNaN(t.mediumAtMs)) {
      t.mediumAtMs = m.timeMs;
      t.mediumAtCalls = m.calls;
    }
  }
  tombstone(kind: SubjectKindName, id: string): void {
    this.callSetup.apply(kind, id, null);
    const t = this.tracks.get(`${kind}:${id}`);
    if (t !== undefined) t.final = 0;
  }
  alert(_a: AlertEvent): void {}
}

/** One behaviour class's figures: numbers flagged at their peak and at the end, and how fast. */
export interface ClassRow {
  cls: string;
  category: string;
  numbers: number;
  flaggedAtPeak: number;
  flaggedAtEnd: number;
  /** Median calls and hours from the number's first call until MEDIUM, over those that got there. */
  medianCallsToMedium: number;
  medianHoursToMedium: number;
  /** The per-caller-threshold baseline's flags in the same run. */
  baselineFlagged: number;
}

export interface CampaignRow {
  campaign: string;
  category: string;
  numbers: number;
  sourcesNamed: string[];
  sourcesMissed: string[];
}

/** Answers at call setup, replayed through risk-api's decision at each call's time. */
export interface CallSetupFigures {
  /** Calls by legitimate and ordinary numbers, and how many of them were labelled or blocked. */
  legitCalls: number;
  legitLabelled: number;
  legitBlocked: number;
  /** Harassing calls placed after their number or its campaign's entry was at MEDIUM, and labelled. */
  harassingAfterFlag: number;
  harassingAfterFlagLabelled: number;
  /** Harassing calls after their number or campaign was flagged and still allowed, per behaviour class. */
  allowedAfterFlagByClass: Record<string, number>;
}

export interface QualityReport {
  seed: number;
  callSetup: CallSetupFigures;
  cdrs: number;
  harasserNumbers: number;
  /** Numbers judged one by one at the highest level each reached. */
  precision: number;
  recall: number;
  baselinePrecision: number;
  baselineRecall: number;
  /** Unlabelled ordinary subscribers that reached MEDIUM. */
  ordinaryFlagged: number;
  rows: ClassRow[];
  campaigns: CampaignRow[];
  robocallCallsToMedium: number[];
  /** A few false positives with the reasons at their peak, to read. */
  falsePositiveSamples: string[];
  /** A few missed harassers (not campaign members) with their peak level and reasons, to read. */
  missedSamples: string[];
}

/** The plain per-caller thresholds a carrier would start from: busy, unanswered or fixated callers. */
class PerCallerBaseline {
  private readonly days = new Map<
    string,
    { day: number; calls: number; answered: number; top: Map<string, number> }
  >();
  readonly flagged = new Set<string>();
  add(caller: string, callee: string, setupMs: number, answered: boolean): void {
    const day = Math.floor((setupMs + 8 * HOUR_MS) / (24 * HOUR_MS));
    let d = this.days.get(caller);
    if (d === undefined || d.day !== day) {
      d = { day, calls: 0, answered: 0, top: new Map() };
      this.days.set(caller, d);
    }
    d.calls++;
    if (answered) d.answered++;
    const n = (d.top.get(callee) ?? 0) + 1;
    d.top.set(callee, n);
    if (d.calls >= 100 || (d.calls >= 20 && d.answered / d.calls < 0.3) || n >= 10) this.flagged.add(caller);
  }
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function readAll<T>(path: string, parse: (v: unknown) => ParseResult<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const rec of readRecords(path)) {
    if (rec.error !== undefined) continue;
    const r = parse(rec.value);
    if (r.ok) out.push(r.value);
  }
  return out;
}

/** The engine split as the scorer runs it on the default topics (cdr.v1 and source events, 6 each). */
const DEFAULT_PARTITIONS = { numbers: 6, sources: 6 };

/**
 * Generates traffic for `options`, runs the real engine over it in event-time order and judges
 * every labelled subject: per behaviour class, per campaign, and overall at each number's peak.
 */
export async function measureQuality(
  options: GenerateOptions,
  rules: Rules = loadRules(),
  partitions: { numbers: number; sources: number } = DEFAULT_PARTITIONS,
): Promise<QualityReport> {
  const dir = mkdtempSync(join(tmpdir(), 'rf-quality-'));
  try {
    const { paths } = await generateToFiles(options, join(dir, 'traffic.jsonl'));
    const cdrs = await readAll<ICallDetailRecord>(paths.cdrs, parseCdr);
    const complaints = await readAll<IComplaintEvent>(paths.complaints, parseComplaint);
    complaints.sort((a, b) => Number(a.timeMs ?? 0) - Number(b.timeMs ?? 0));
    const callSetup = new CallSetup();
    const sink = new TrackingSink(callSetup);
    const engine = new Engine(rules, sink, {
      numberPartitions: partitions.numbers,
      sourcePartitions: partitions.sources,
    });
    const labels = readLabels(paths.labels);
    const setup = new CallSetupCounter(labels, sink.tracks);
    const baseline = new PerCallerBaseline();
    const firstCall = new Map<string, number>();
    let ci = 0;
    for (const cdr of cdrs) {
      const t = Number(cdr.setupTimeMs ?? 0);
      while (ci < complaints.length && Number(complaints[ci]!.timeMs ?? 0) <= t)
        engine.onComplaint(complaints[ci++]!);
      const caller = cdr.calling?.e164 || cdr.calling?.raw || '';
      setup.count(caller, callSetup.actionFor(cdr));
      engine.onCdr(cdr);
      if (!firstCall.has(caller)) firstCall.set(caller, t);
      baseline.add(caller, cdr.called?.e164 || cdr.called?.raw || '', t, Number(cdr.answerTimeMs ?? 0) > 0);
    }
    while (ci < complaints.length) engine.onComplaint(complaints[ci++]!);
    engine.flush();

    return {
      ...judge(options.seed, cdrs.length, labels, sink.tracks, baseline.flagged, firstCall),
      callSetup: setup.figures,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readLabels(path: string): Label[] {
  // Labels name invalid caller ids in their raw form; verdicts use the normalised key.
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Label)
    .map((l) => (l.kind === 'number' ? { ...l, id: normaliseNumber(l.id, 'CN').e164 || l.id } : l));
}

/** Counts each call's answer by who placed it and whether its number or campaign was flagged by then. */
class CallSetupCounter {
  readonly figures: CallSetupFigures = {
    legitCalls: 0,
    legitLabelled: 0,
    legitBlocked: 0,
    harassingAfterFlag: 0,
    harassingAfterFlagLabelled: 0,
    allowedAfterFlagByClass: {},
  };
  private readonly harassers = new Map<string, string[]>();
  private readonly classOf = new Map<string, string>();

  constructor(
    labels: readonly Label[],
    private readonly tracks: ReadonlyMap<string, Track>,
  ) {
    const sources = new Map<string, string[]>();
    for (const l of labels)
      if (l.kind !== 'number' && l.campaign !== null)
        sources.set(l.campaign, [...(sources.get(l.campaign) ?? []), `${l.kind}:${l.id}`]);
    for (const l of labels)
      if (l.kind === 'number' && l.class === 'harasser') {
        this.classOf.set(l.id, behaviourClass(l));
        this.harassers.set(l.id, [
          `number:${l.id}`,
          ...(l.campaign === null ? [] : (sources.get(l.campaign) ?? [])),
        ]);
      }
  }

  count(caller: string, action: Action): void {
    const f = this.figures;
    const flaggedBy = this.harassers.get(caller);
    if (flaggedBy === undefined) {
      f.legitCalls++;
      if (action === Action.ACTION_LABEL) f.legitLabelled++;
      else if (action === Action.ACTION_BLOCK) f.legitBlocked++;
      return;
    }
    if (!flaggedBy.some((k) => (this.tracks.get(k)?.peak ?? 0) >= 2)) return;
    f.harassingAfterFlag++;
    if (action !== Action.ACTION_ALLOW) f.harassingAfterFlagLabelled++;
    else {
      const cls = this.classOf.get(caller) ?? '';
      f.allowedAfterFlagByClass[cls] = (f.allowedAfterFlagByClass[cls] ?? 0) + 1;
    }
  }
}

/** A harasser's behaviour class: its category, and the kind of campaign it belongs to (its id without the number). */
function behaviourClass(l: Label): string {
  return l.campaign === null ? l.category : `${l.category}/${l.campaign.replace(/-\d+$/, '')}`;
}

function judge(
  seed: number,
  cdrCount: number,
  labels: readonly Label[],
  tracks: ReadonlyMap<string, Track>,
  baselineFlagged: ReadonlySet<string>,
  firstCall: ReadonlyMap<string, number>,
): Omit<QualityReport, 'callSetup'> {
  const track = (kind: string, id: string): Track | undefined => tracks.get(`${kind}:${id}`);
  const numberLabels = new Map<string, Label>();
  // A number labelled twice (a harasser who is also someone's look-alike) counts as the harasser.
  for (const l of labels)
    if (l.kind === 'number' && (numberLabels.get(l.id)?.class ?? '') !== 'harasser')
      numberLabels.set(l.id, l);
  const groups = new Map<string, Label[]>();
  for (const l of numberLabels.values()) {
    const k = `${l.class}/${l.category}`;
    groups.set(k, [...(groups.get(k) ?? []), l]);
  }
  const rows: ClassRow[] = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, ls]) => {
      const [cls = '', category = ''] = k.split('/');
      const reached = ls.map((l) => ({ l, t: track('number', l.id) })).filter((x) => (x.t?.peak ?? 0) >= 2);
      return {
        cls,
        category,
        numbers: ls.length,
        flaggedAtPeak: reached.length,
        flaggedAtEnd: ls.filter((l) => (track('number', l.id)?.final ?? 0) >= 2).length,
        medianCallsToMedium: median(reached.map((x) => x.t!.mediumAtCalls)),
        medianHoursToMedium: median(
          reached.map((x) => (x.t!.mediumAtMs - (firstCall.get(x.l.id) ?? x.t!.mediumAtMs)) / HOUR_MS),
        ),
        baselineFlagged: ls.filter((l) => baselineFlagged.has(l.id)).length,
      };
    });
  const harassers = new Set(
    [...numberLabels.values()].filter((l) => l.class === 'harasser').map((l) => l.id),
  );
  const flagged: string[] = [];
  for (const [key, t] of tracks) if (key.startsWith('number:') && t.peak >= 2) flagged.push(key.slice(7));
  const tp = flagged.filter((id) => harassers.has(id)).length;
  const baseTp = [...baselineFlagged].filter((id) => harassers.has(id)).length;
  const campaigns = new Map<string, Label[]>();
  for (const l of labels)
    if (l.class === 'harasser' && l.campaign !== null)
      campaigns.set(l.campaign, [...(campaigns.get(l.campaign) ?? []), l]);
  const campaignRows: CampaignRow[] = [...campaigns.entries()]
    .filter(([, ls]) => ls.some((l) => l.kind !== 'number'))
    .map(([campaign, ls]) => {
      const sources = ls.filter((l) => l.kind !== 'number');
      const named = sources.filter((s) => (track(s.kind, s.id)?.peak ?? 0) >= 2);
      return {
        campaign,
        category: ls[0]!.category,
        numbers: ls.length - sources.length,
        sourcesNamed: named.map((s) => `${s.kind}:${s.id}`),
        sourcesMissed: sources.filter((s) => !named.includes(s)).map((s) => `${s.kind}:${s.id}`),
      };
    });
  const falsePositives = flagged.filter((id) => !harassers.has(id));
  return {
    seed,
    cdrs: cdrCount,
    harasserNumbers: harassers.size,
    precision: flagged.length === 0 ? 1 : tp / flagged.length,
    recall: harassers.size === 0 ? 1 : tp / harassers.size,
    baselinePrecision: baselineFlagged.size === 0 ? 1 : baseTp / baselineFlagged.size,
    baselineRecall: harassers.size === 0 ? 1 : baseTp / harassers.size,
    ordinaryFlagged: falsePositives.filter((id) => !numberLabels.has(id)).length,
    rows,
    campaigns: campaignRows,
    robocallCallsToMedium: [...numberLabels.values()]
      .filter((l) => l.class === 'harasser' && l.category === 'robocall')
      .map((l) => track('number', l.id)?.mediumAtCalls ?? Infinity),
    missedSamples: [...numberLabels.values()]
      .filter((l) => l.class === 'harasser' && l.campaign === null && (track('number', l.id)?.peak ?? 0) < 2)
      .slice(0, 12)
      .map((l) => `${l.category} ${l.id} ${track('number', l.id)?.reasons ?? 'NONE'}`),
    falsePositiveSamples: falsePositives
      .slice(0, 12)
      .map(
        (id) => `${numberLabels.get(id)?.category ?? 'ordinary'} ${id} ${track('number', id)?.reasons ?? ''}`,
      ),
  };
}

/** The report as a Markdown table, one row per behaviour class. */
export function formatReport(r: QualityReport): string {
  const pct = (a: number, b: number): string => (b === 0 ? '-' : `${a}/${b}`);
  const fmt = (x: number): string => (Number.isFinite(x) ? String(Math.round(x * 10) / 10) : '-');
  const lines = [
    `seed ${r.seed}: call setup: ${r.callSetup.legitLabelled} of ${r.callSetup.legitCalls} legitimate calls labelled (${((100 * r.callSetup.legitLabelled) / Math.max(1, r.callSetup.legitCalls)).toFixed(3)} %), ${r.callSetup.legitBlocked} blocked; ${r.callSetup.harassingAfterFlagLabelled} of ${r.callSetup.harassingAfterFlag} harassing calls after their number or campaign was flagged labelled (${((100 * r.callSetup.harassingAfterFlagLabelled) / Math.max(1, r.callSetup.harassingAfterFlag)).toFixed(1)} %)`,
    `seed ${r.seed}: call setup: harassing calls allowed after their number or campaign was flagged, by class: ${
      Object.entries(r.callSetup.allowedAfterFlagByClass)
        .sort(([, a], [, b]) => b - a)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ') || '-'
    }`,
    `seed ${r.seed}: ${r.cdrs} CDRs, precision ${r.precision.toFixed(3)} recall ${r.recall.toFixed(3)} (per-caller thresholds: ${r.baselinePrecision.toFixed(3)} / ${r.baselineRecall.toFixed(3)}), ordinary subscribers at MEDIUM+ ${r.ordinaryFlagged}`,
    '| class | category | MEDIUM+ at peak | at end | calls to MEDIUM (median) | hours to MEDIUM (median) | per-caller thresholds |',
    '|---|---|---|---|---|---|---|',
    ...r.rows.map(
      (x) =>
        `| ${x.cls} | ${x.category} | ${pct(x.flaggedAtPeak, x.numbers)} | ${pct(x.flaggedAtEnd, x.numbers)} | ${fmt(x.medianCallsToMedium)} | ${fmt(x.medianHoursToMedium)} | ${pct(x.baselineFlagged, x.numbers)} |`,
    ),
    ...r.campaigns.map(
      (c) =>
        `campaign ${c.campaign} (${c.category}, ${c.numbers} numbers): named ${c.sourcesNamed.join(' ') || '-'}; missed ${c.sourcesMissed.join(' ') || '-'}`,
    ),
  ];
  return lines.join('\n');
}
