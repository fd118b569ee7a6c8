/**
 * Every text of report.html, one object per language; each language file is typed with this
 * interface, so a text missing from either is a compile error. The data files (CSV, JSON) carry
 * codes, not words, and are the same in every language.
 */
export interface ReportMessages {
  periodTypes: Record<'daily' | 'weekly' | 'monthly', string>;
  title: (type: string, label: string) => string;
  heading: (type: string, label: string) => string;
  period: (from: string, to: string, timeZone: string, formatVersion: number) => string;
  privacy: string;
  summary: string;
  figure: string;
  value: string;
  callsAnalysed: string;
  numbersFlagged: string;
  flaggedCalls: string;
  alerts: string;
  operatorActions: string;
  complaintsReceived: string;
  complaintsAboutFlagged: string;
  medianDelay: string;
  dataUpTo: string;
  noData: string;
  notApplicable: string;
  seconds: (n: number) => string;
  minutes: (n: number) => string;
  hours: (n: string) => string;
  hourTick: (hour: string) => string;
  callsPerHour: string;
  callsPerDay: string;
  flaggedByCategory: string;
  category: string;
  topSources: string;
  none: string;
  flaggedNumbers: string;
  shown: (shown: number, total: number) => string;
  columns: {
    number: string;
    level: string;
    category: string;
    calls: string;
    callees: string;
    firstSeen: string;
    lastSeen: string;
    topReasons: string;
    carrier: string;
    trunk: string;
    action: string;
    complaints: string;
    kind: string;
    rank: string;
    source: string;
    flaggedCalls: string;
    allCalls: string;
    share: string;
    flaggedNumbers: string;
    sourceRisk: string;
    tracebackRef: string;
    sampleCallIds: string;
  };
  sources: string;
  sourcesNote: string;
  levels: Record<string, string>;
  /** Risk categories as the engine names them, plus `unknown` (no category). */
  categories: Record<string, string>;
  kinds: Record<string, string>;
  /** The operator decision standing on a number (`none` when there is none). */
  actions: Record<string, string>;
  /** A standing decision with an expiry, e.g. "blocklist until 2026-12-10T09:00+08:00". */
  actionUntil: (action: string, until: string) => string;
}
