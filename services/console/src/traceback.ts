import {
  cdrExtract,
  feedbackFor,
  numbersVia,
  riskHistory,
  signalling,
  sourcePath,
  type CdrExtract,
  type NumberCount,
  type RiskChange,
  type Signalling,
  type SourceKind,
  type SourcePathEntry as PathEntry,
  type StoreDb,
} from '@ringfence/store';
import { decisionInForce, withUndo, type ActionView } from './decisions.js';
import { resolveWindow, type TimeWindow } from './investigation.js';
import { en } from './i18n/en.js';
import { maskNumber } from './masking.js';
import type { Role } from './roles.js';

export type TracebackKind = 'number' | SourceKind;

export interface Share {
  id: string;
  calls: number;
  /** Fraction of the subject's calls, 0..1. */
  share: number;
  firstMs: number;
  lastMs: number;
}

/** One kind of spoofing evidence: `calls` of the subject's `of` calls show it. */
export interface Anomaly {
  kind: 'onnet_from_offnet' | 'asserted_mismatch' | 'weak_attestation' | 'invalid_calling';
  calls: number;
  of: number;
}

/** What an industry traceback request carries, for one number or source. */
export interface TracebackReport {
  subject: { kind: TracebackKind; id: string };
  window: TimeWindow;
  generatedMs: number;
  generatedBy: string;
  verdict: RiskChange | null;
  decision: ActionView | null;
  actions: ActionView[];
  totalCalls: number;
  firstMs: number | null;
  lastMs: number | null;
  /** Each distinct entry route: switch, upstream carrier, trunk, attestation. */
  path: (PathEntry & { share: number })[];
  /** The providers in the path, busiest first. */
  providers: { carriers: Share[]; trunks: Share[]; switches: Share[] };
  attestationMix: Record<string, number>;
  signalling: Signalling;
  /** Spoofing evidence derived from the signalling figures; pages put it in the reader's words. */
  anomalyFacts: Anomaly[];
  /** The same evidence in English words (the API's readers). */
  anomalies: string[];
  /** Other calling numbers that came in the same way (same trunks, or through the source). */
  sameWay: NumberCount[];
  /** First CDRs in the window; called numbers masked for the requester's role. */
  cdrs: CdrExtract[];
}

function shares(path: readonly PathEntry[], key: (p: PathEntry) => string, total: number): Share[] {
  const m = new Map<string, Share>();
  for (const p of path) {
    const id = key(p);
    const s = m.get(id) ?? { id, calls: 0, share: 0, firstMs: p.firstMs, lastMs: p.lastMs };
    s.calls += p.calls;
    s.firstMs = Math.min(s.firstMs, p.firstMs);
    s.lastMs = Math.max(s.lastMs, p.lastMs);
    m.set(id, s);
  }
  return [...m.values()]
    .map((s) => ({ ...s, share: total > 0 ? s.calls / total : 0 }))
    .sort((a, b) => b.calls - a.calls || a.id.localeCompare(b.id));
}

/** The spoofing evidence in a subject's signalling figures and attestation mix. */
export function findAnomalies(
  sig: Signalling,
  attestationMix: Record<string, number>,
  total: number,
): Anomaly[] {
  const out: Anomaly[] = [];
  if (sig.onNetFromOffNet > 0)
    out.push({ kind: 'onnet_from_offnet', calls: sig.onNetFromOffNet, of: sig.calls });
  if (sig.assertedMismatch > 0)
    out.push({ kind: 'asserted_mismatch', calls: sig.assertedMismatch, of: sig.calls });
  const weak = (attestationMix['C'] ?? 0) + (attestationMix['none'] ?? 0);
  if (weak > 0) out.push({ kind: 'weak_attestation', calls: weak, of: total });
  if (sig.invalidCalling > 0) out.push({ kind: 'invalid_calling', calls: sig.invalidCalling, of: sig.calls });
  return out;
}

/** Builds the traceback report; the subject id must already be in stored form. */
export async function traceback(
  db: StoreDb,
  kind: TracebackKind,
  id: string,
  role: Role,
  user: string,
  options: {
    days: number;
    fromMs?: number;
    toMs?: number;
    onNetCarrier: string;
    onNetPrefixes: readonly string[];
  },
): Promise<TracebackReport> {
  const window = await resolveWindow(db, kind, id, options.days, options.fromMs, options.toMs);
  const { fromMs, toMs } = window;
  const onNet = { carrier: options.onNetCarrier, prefixes: options.onNetPrefixes };
  const [path, sig, cdrs, history, feedback] = await Promise.all([
    sourcePath(db, kind, id, fromMs, toMs),
    signalling(db, kind, id, fromMs, toMs, onNet),
    cdrExtract(db, kind, id, fromMs, toMs),
    riskHistory(db, kind, id, 1),
    feedbackFor(db, kind, id),
  ]);
  // A call is one path row (its switch, carrier, trunk and attestation are fixed), so rows add up.
  const total = path.reduce((n, p) => n + p.calls, 0);
  const trunks = shares(path, (p) => p.ingressTrunk, total);
  const sameWay =
    kind === 'number'
      ? await numbersVia(
          db,
          'trunk',
          trunks
            .filter((t) => t.id !== '')
            .slice(0, 5)
            .map((t) => t.id),
          id,
          fromMs,
          toMs,
        )
      : await numbersVia(db, kind, [id], '', fromMs, toMs);
  const attestationMix: Record<string, number> = {};
  for (const p of path) attestationMix[p.attestation] = (attestationMix[p.attestation] ?? 0) + p.calls;
  const anomalyFacts = findAnomalies(sig, attestationMix, total);
  return {
    subject: { kind, id },
    window,
    generatedMs: Date.now(),
    generatedBy: user,
    verdict: history.at(-1) ?? null,
    decision: decisionInForce(feedback) ?? null,
    actions: withUndo(feedback),
    totalCalls: total,
    firstMs: path.length > 0 ? Math.min(...path.map((p) => p.firstMs)) : null,
    lastMs: path.length > 0 ? Math.max(...path.map((p) => p.lastMs)) : null,
    path: path.map((p) => ({ ...p, share: total > 0 ? p.calls / total : 0 })),
    providers: {
      carriers: shares(path, (p) => p.ingressCarrier, total),
      trunks,
      switches: shares(path, (p) => p.switchId, total),
    },
    attestationMix,
    signalling: sig,
    anomalyFacts,
    anomalies: anomalyFacts.map(en.traceback.anomaly),
    sameWay,
    cdrs: cdrs.map((c) => ({ ...c, called: maskNumber(c.called, role) })),
  };
}
