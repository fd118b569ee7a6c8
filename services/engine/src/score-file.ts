import { createWriteStream } from 'node:fs';
import { TOPIC_SPECS, type TopicRole } from '@ringfence/common';
import { once } from 'node:events';
import { parseCdr, parseComplaint, readRecords } from '@ringfence/cdr';
import type { IComplaintEvent } from '@ringfence/proto';
import { CollectingSink } from './collecting-sink.js';
import { Engine } from './engine.js';
import { loadRules, type Rules } from './rules.js';
import type { Verdict } from './verdict.js';

export interface ScoreFileOptions {
  complaints?: string | undefined;
  rules?: Rules | undefined;
  /** Where to write verdicts JSONL; omitted: only returned. */
  out?: string | undefined;
  /**
   * Partition counts of cdr.v1 and scorer.source-events.v1, as the scorer service's: verdicts equal
   * the service's for the same counts. Default: the local stack's (TOPIC_SPECS).
   */
  partitions?: { numbers: number; sources: number } | undefined;
}

export interface ScoreFileResult {
  cdrs: number;
  rejected: number;
  complaints: number;
  lateRecords: number;
  /** CDRs whose call_id was already counted (resent copies), ignored. */
  duplicates: number;
  alerts: number;
  verdicts: Verdict[];
}

const defaultPartitions = (role: TopicRole): number =>
  TOPIC_SPECS.find((s) => s.role === role)?.partitions ?? 1;

/** The offline output line of one subject (SHARED CONTRACTS). */
export function verdictLine(v: Verdict): Record<string, unknown> {
  const first: Record<string, { time_ms: number; calls: number }> = {};
  for (const [level, f] of Object.entries(v.first)) first[level] = { time_ms: f.timeMs, calls: f.calls };
  return {
    kind: v.kind,
    id: v.id,
    level: v.level,
    score: v.score,
    category: v.category,
    reasons: v.reasons,
    first,
  };
}

/**
 * Scores a CDR file (JSONL/CSV, gzip ok) with optional complaints through the same engine the
 * scorer service runs; complaints are merged in by event time.
 */
export async function scoreFile(path: string, options: ScoreFileOptions = {}): Promise<ScoreFileResult> {
  const rules = options.rules ?? loadRules();
  const sink = new CollectingSink();
  const engine = new Engine(rules, sink, {
    numberPartitions: options.partitions?.numbers ?? defaultPartitions('cdr'),
    sourcePartitions: options.partitions?.sources ?? defaultPartitions('sourceEvents'),
  });
  const complaints: IComplaintEvent[] = [];
  if (options.complaints !== undefined) {
    for await (const rec of readRecords(options.complaints)) {
      if (rec.error !== undefined) continue;
      const r = parseComplaint(rec.value);
      if (r.ok) complaints.push(r.value);
    }
    complaints.sort((a, b) => Number(a.timeMs ?? 0) - Number(b.timeMs ?? 0));
  }
  let ci = 0;
  let cdrs = 0;
  let rejected = 0;
  for await (const rec of readRecords(path)) {
    const r = rec.error === undefined ? parseCdr(rec.value) : undefined;
    if (r === undefined || !r.ok) {
      rejected++;
      continue;
    }
    const t = Number(r.value.setupTimeMs ?? 0);
    while (ci < complaints.length && Number(complaints[ci]!.timeMs ?? 0) <= t)
      engine.onComplaint(complaints[ci++]!);
    engine.onCdr(r.value);
    cdrs++;
  }
  while (ci < complaints.length) engine.onComplaint(complaints[ci++]!);
  engine.flush();
  const verdicts = [...sink.latest.values()].sort((a, b) =>
    a.kind === b.kind ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.kind < b.kind ? -1 : 1,
  );
  if (options.out !== undefined) {
    const out = createWriteStream(options.out);
    for (const v of verdicts) {
      if (!out.write(`${JSON.stringify(verdictLine(v))}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  }
  return {
    cdrs,
    rejected,
    complaints: complaints.length,
    lateRecords: engine.lateRecords,
    duplicates: engine.duplicates,
    alerts: sink.alerts.length,
    verdicts,
  };
}
