import type { LevelName } from '@ringfence/store';
import type { Role } from '../roles.js';
import type { Anomaly } from '../traceback.js';

/**
 * Errors the console's own checks raise that a page explains in the reader's language: the thrower
 * puts the key in the RingfenceError's `detail.messageKey` (its English message stays for the API and
 * the log), with any values the text needs beside it.
 */
export type ErrorKey =
  | 'numberLength'
  | 'idLength'
  | 'roleMayNot'
  | 'subjectEmpty'
  | 'noteTooLong'
  | 'undoNotFound'
  | 'undoOfUndo'
  | 'caseNotFound'
  | 'campaignNotFound'
  | 'caseDecided'
  | 'expiryNotAllowed'
  | 'expiryInvalid'
  | 'invalidInput';

/** Values an error text may show (a RingfenceError's `detail`). */
export type ErrorDetail = Readonly<Record<string, string | number | undefined>>;

/** Subject kinds the console shows (the store's kinds without `unspecified`). */
export type SubjectKindLabel = 'number' | 'trunk' | 'carrier' | 'device';

/**
 * Every text the console shows, one object per language. Each language file is typed with this
 * interface, so a text missing from either language is a compile error. Reason-code descriptions are
 * keyed by the engine's rule codes, which change with its rule set: a unit test checks them against
 * services/engine/config/default-rules.json instead of the type.
 */
export interface Messages {
  /** This language's own name, shown on the link that switches to it. */
  languageName: string;
  appName: string;
  nav: {
    home: string;
    searchPlaceholder: string;
    searchLabel: string;
    search: string;
    campaigns: string;
    alerts: string;
    redress: string;
    audit: string;
    logout: string;
    /** Accessible name of the language switch. */
    language: string;
  };
  roles: Record<Role, string>;
  login: {
    title: string;
    user: string;
    password: string;
    submit: string;
    formExpired: string;
    tooManyAttempts: string;
    wrongCredentials: string;
  };
  errors: {
    title: (status: number) => string;
    /** What went wrong, by HTTP status class (the server's detail follows in the log language). */
    byStatus: { 400: string; 401: string; 403: string; 404: string; 409: string; 429: string; other: string };
    detail: string;
    noSuchPage: string;
    malformedAddress: string;
    addressTooLong: string;
    enterNumber: string;
    csrf: string;
    messages: Record<ErrorKey, (d: ErrorDetail) => string>;
  };
  common: {
    window: string;
    none: string;
    calls: string;
    share: string;
    first: string;
    last: string;
    yes: string;
    no: string;
    score: string;
    /** `… N more` after a cut list. */
    more: (n: number) => string;
  };
  levels: Record<LevelName, string>;
  expired: string;
  kinds: Record<SubjectKindLabel, string>;
  /** Risk categories (engine rules) and complaint categories (12321 reports). */
  categories: Record<string, string>;
  noCategory: string;
  /** One line per engine rule code, saying what the rule saw. */
  reasons: Record<string, string>;
  /** Operator actions as stored in feedback. */
  actionNames: Record<string, string>;
  redressStatus: Record<string, string>;
  auditOutcome: Record<string, string>;
  attestation: Record<string, string>;
  number: {
    title: (display: string) => string;
    heading: string;
    searchedAs: (query: string) => string;
    traceback: string;
    verdict: string;
    neverScored: string;
    updated: string;
    override: string;
    reason: string;
    measured: string;
    threshold: string;
    windowCol: string;
    points: string;
    lifetime: string;
    timeline: string;
    traffic: string;
    answered: string;
    shortCalls: string;
    distinctCallees: string;
    video: string;
    talkTime: string;
    seconds: (n: number) => string;
    devices: string;
    carriers: string;
    trunks: string;
    features: string;
    noAlert: string;
    callees: string;
    callee: string;
    noneInWindow: string;
    complaints: string;
    when: string;
    reporter: string;
    category: string;
    call: string;
  };
  chart: {
    label: string;
    callsPerHour: string;
    scoreLine: string;
    barTitle: (calls: number) => string;
    pointTitle: (score: number) => string;
  };
  traceback: {
    title: (id: string) => string;
    heading: (kind: string) => string;
    generated: string;
    by: string;
    printable: string;
    json: string;
    investigation: string;
    summary: string;
    firstSeen: string;
    lastSeen: string;
    verdict: string;
    callingNumbers: string;
    calledNumbers: string;
    answered: string;
    shortAnswered: string;
    attestation: string;
    anomalies: string;
    noAnomalies: string;
    anomaly: (a: Anomaly) => string;
    path: string;
    switchCol: string;
    upstreamCarrier: string;
    trunk: string;
    carrier: string;
    providers: string;
    sameWayNumber: string;
    sameWaySource: string;
    numberCol: string;
    cdrs: (n: number) => string;
    callCol: string;
    setup: string;
    calling: string;
    called: string;
    asserted: string;
    attShort: string;
    durationS: string;
    cause: string;
  };
  campaigns: {
    title: string;
    heading: string;
    flagged: (n: number) => string;
    list: string;
    noCampaigns: string;
    campaign: string;
    firstSeen: string;
    ended: string;
    lastSeen: string;
    actOnCampaign: string;
    numbers: string;
    complaints: string;
    harm: string;
    categories: string;
    linkedBy: string;
    sources: string;
    linkCallees: string;
    linkTiming: string;
    leaderboard: string;
    kind: string;
    source: string;
    flaggedCalls: string;
    perDay: string;
    trend: string;
    ownVerdict: string;
  };
  actions: {
    heading: string;
    notePlaceholder: string;
    confirm: string;
    falsePositive: string;
    note: string;
    blocklist: string;
    allowlist: string;
    roleCannotAct: string;
    noDecision: string;
    /** `action` is already in words (actionNames). */
    override: (action: string) => string;
    byAt: (operator: string, time: string) => string;
    noActions: string;
    when: string;
    action: string;
    operator: string;
    noteCol: string;
    ref: string;
    undoes: (id: string) => string;
    caseRef: (id: string) => string;
    undone: string;
    undo: string;
    /** The expiry selector of the allow/block buttons. */
    expiresIn: string;
    noExpiry: string;
    days: (n: number) => string;
    /** A decision with an expiry: in force until `time`, or lapsed at it. */
    until: (time: string) => string;
    lapsed: (time: string) => string;
  };
  alerts: {
    title: string;
    recent: string;
    live: string;
    connecting: string;
    streaming: string;
    reconnecting: string;
    signedOut: string;
    when: string;
    kind: string;
    subject: string;
    level: string;
    score: string;
    category: string;
    reasons: string;
  };
  audit: {
    title: string;
    actorPlaceholder: string;
    filter: string;
    when: string;
    actor: string;
    action: string;
    subject: string;
    outcome: string;
    from: string;
    detail: string;
  };
  redress: {
    title: string;
    heading: string;
    open: string;
    kind: string;
    subject: string;
    channel: string;
    channelPlaceholder: string;
    contact: string;
    evidence: string;
    openCase: string;
    resolutionPlaceholder: string;
    protectPlaceholder: string;
    uphold: string;
    reject: string;
    caseCol: string;
    status: string;
    opened: string;
    decision: string;
    operator: string;
  };
}
