import { normaliseNumber } from '@ringfence/cdr';
import {
  callerHourly,
  callerSummary,
  calleeSample,
  callSpan,
  complaintsAbout,
  feedbackFor,
  listAlerts,
  riskHistory,
  type CalleeCount,
  type CallerSummary,
  type HourlyCount,
  type RiskChange,
  type SourceKind,
  type StoreDb,
} from '@ringfence/store';
import { decisionInForce, withUndo, type ActionView } from './decisions.js';
import { maskNumber } from './masking.js';
import type { Role } from './roles.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

/** The number as stored: E.164 when the input has one, else the trimmed raw string (cdr.v1 key rule). */
export function subjectNumber(input: string, region: string): string {
  const n = normaliseNumber(input.trim(), region);
  return n.e164 !== '' ? n.e164 : input.trim();
}

/**
 * The window a page shows: explicit bounds when given, else the subject's stored calls (at most
 * `days`, ending just after the last one, so replayed or historic data is found), else `days` to now.
 */
export async function resolveWindow(
  db: StoreDb,
  kind: 'number' | SourceKind,
  id: string,
  days: number,
  fromMs?: number,
  toMs?: number,
): Promise<TimeWindow> {
  if (fromMs !== undefined && toMs !== undefined && fromMs < toMs) return { fromMs, toMs };
  const span = await callSpan(db, kind, id);
  if (span === null) {
    const to = Math.ceil(Date.now() / HOUR) * HOUR;
    return { fromMs: to - days * DAY, toMs: to };
  }
  const to = Math.ceil((span.lastMs + 1) / HOUR) * HOUR;
  const from = Math.max(to - days * DAY, Math.floor(span.firstMs / HOUR) * HOUR - HOUR);
  return { fromMs: Math.max(0, from), toMs: to };
}

export interface Investigation {
  query: string;
  number: string;
  window: TimeWindow;
  /** Latest stored verdict (null when the number was never scored). */
  verdict: RiskChange | null;
  /** Score over time within the window. */
  scores: { timeMs: number; score: number; level: string }[];
  hourly: HourlyCount[];
  summary: CallerSummary;
  /** Feature snapshot of the latest alert (feature name → value). */
  evidence: Record<string, number>;
  evidenceMs: number | null;
  callees: CalleeCount[];
  complaints: { complaintId: string; timeMs: number; reporter: string; category: string; callId: string }[];
  actions: ActionView[];
  decision: ActionView | null;
}

/** Everything the number page shows, with callee and complainant numbers masked for `role`. */
export async function investigate(
  db: StoreDb,
  query: string,
  role: Role,
  options: { region: string; days: number; fromMs?: number; toMs?: number },
): Promise<Investigation> {
  const number = subjectNumber(query, options.region);
  const window = await resolveWindow(db, 'number', number, options.days, options.fromMs, options.toMs);
  const { fromMs, toMs } = window;
  const [history, hourly, summary, alerts, callees, complaints, feedback] = await Promise.all([
    riskHistory(db, 'number', number),
    callerHourly(db, number, fromMs, toMs),
    callerSummary(db, number, fromMs, toMs),
    listAlerts(db, {
      from: Math.max(0, fromMs - 30 * DAY),
      to: toMs + 30 * DAY,
      kind: 'number',
      id: number,
      limit: 1,
    }),
    calleeSample(db, number, fromMs, toMs),
    complaintsAbout(db, number, fromMs - 30 * DAY > 0 ? fromMs - 30 * DAY : 0, toMs + DAY),
    feedbackFor(db, 'number', number),
  ]);
  const latest = history.at(-1) ?? null;
  const alert = alerts[0];
  return {
    query,
    number,
    window,
    verdict: latest,
    scores: history
      .filter((h) => h.updatedMs >= fromMs && h.updatedMs < toMs)
      .map((h) => ({ timeMs: h.updatedMs, score: h.score, level: h.level })),
    hourly,
    summary,
    evidence: alert?.evidence ?? {},
    evidenceMs: alert?.timeMs ?? null,
    callees: callees.map((c) => ({ ...c, called: maskNumber(c.called, role) })),
    complaints: complaints.map((c) => ({
      complaintId: c.complaintId,
      timeMs: c.timeMs,
      reporter: maskNumber(c.reporter, role),
      category: c.category,
      callId: c.callId,
    })),
    actions: withUndo(feedback),
    decision: decisionInForce(feedback) ?? null,
  };
}
