import { FEATURE_COUNT, FEATURE_INDEX, FEATURE_NAMES } from './features.js';
import { FeedbackBook, isStanding, overrideOf, type FeedbackInput } from './feedback.js';
import type { Rules, SubjectKindName } from './rules.js';
import { ScoreScratch } from './score.js';
import { StateMemory } from './state-memory.js';
import { SubjectState } from './subject-state.js';
import { LEVELS, type EngineSink, type LevelFirst, type LevelName, type Verdict } from './verdict.js';

const DAY_MS = 86_400_000;
/** A subject idle this long (seconds) has empty windows: its next event starts it afresh. */
const IDLE_SEC = 86_400;

/** What the stage remembers about a subject's verdict once it rose above NONE. */
export interface VerdictState {
  score: number;
  level: LevelName;
  category: string;
  publishedLevel: LevelName;
  publishedScore: number;
  publishedCategory: string;
  first: Partial<Record<LevelName, LevelFirst>>;
  last: Verdict | null;
}

const rank = (l: LevelName): number => LEVELS.indexOf(l);

/**
 * Subjects of one stage (numbers, or sources): their state, their verdicts and the decisions of
 * operators; turns features into verdicts and publishes changes, alerts and expiries to the sink.
 */
export class Stage {
  readonly states = new Map<string, SubjectState>();
  readonly verdicts = new Map<string, VerdictState>();
  readonly feedback = new FeedbackBook();
  /** Windows and pending counts of this stage's subjects (replaced with them by a snapshot read). */
  memory = new StateMemory();
  /** Highest event time seen; the watermark is this minus the allowed lateness. */
  maxEventMs = 0;
  lateRecords = 0;
  lastSweepHour = -1;
  /** Size of this stage's latest snapshot, for sizing the next one's buffer. */
  snapshotBytes = 0;
  /**
   * Sweep on every new event-time hour of this stage's own input (one ordered stream, offline). A
   * service reading several partitions turns this off and calls sweep() with a watermark that no
   * partition is behind (its order across partitions is arbitrary).
   */
  autoSweep = true;
  /** Extra features a stage computes from what it knows beyond the subject's windows (numbers: taint, complaints). */
  decorate: ((key: string, s: SubjectState, f: Float64Array) => void) | null = null;
  /** Runs before every sweep, with the sweep's event time. */
  beforeSweep: ((timeMs: number) => void) | null = null;
  /**
   * Sees every subject a sweep passes over, before it may be evicted (numbers: campaign evidence):
   * one pass over the state serves both, and on a large state each pass is mostly cache misses.
   */
  sweepVisit: ((key: string, s: SubjectState) => void) | null = null;
  /** Runs after every sweep's pass (numbers: campaign detection from what sweepVisit counted). */
  afterSweep: (() => void) | null = null;
  /** Which tiny subjects are scored at all; others stay at NONE (numbers: only complained about or tainted). */
  eligible: ((key: string, s: SubjectState) => boolean) | null = null;
  /** Every scoring result, published or not (sources: whether they taint their callers). */
  onScored:
    ((key: string, kind: SubjectKindName, id: string, level: LevelName, category: string) => void) | null =
    null;
  private readonly fv = new Float64Array(FEATURE_COUNT);
  private readonly allowNumbers: ReadonlySet<string>;
  private readonly scratch: ScoreScratch;

  constructor(
    readonly rules: Rules,
    readonly sink: EngineSink,
    private readonly kindOf: (key: string) => [SubjectKindName, string],
    /** The kind of every key when the stage holds one kind only (numbers), so scoring needs no split. */
    private readonly onlyKind: SubjectKindName | null = null,
  ) {
    this.allowNumbers = new Set(rules.allowlist.numbers);
    this.scratch = new ScoreScratch(rules);
  }

  /** Advances event time; counts late records; runs the hourly eviction sweep. */
  observeTime(timeMs: number): void {
    if (timeMs > this.maxEventMs) {
      this.maxEventMs = timeMs;
      if (timeMs >= this.feedback.nextExpiryMs) this.lapseDecisions();
      const hour = Math.floor(timeMs / 3_600_000);
      if (hour > this.lastSweepHour) {
        if (this.lastSweepHour >= 0 && this.autoSweep) this.sweep(timeMs);
        this.lastSweepHour = hour;
      }
    } else if (timeMs < this.maxEventMs - this.rules.allowedLatenessMs) {
      this.lateRecords++;
    }
  }

  get watermarkMs(): number {
    return this.maxEventMs - this.rules.allowedLatenessMs;
  }

  /**
   * Keys whose published verdict may not be this state's (a crashed process published them after the
   * snapshot this state was restored from); republishSuspects() settles them.
   */
  readonly suspects = new Set<string>();

  /** Called with the key of every subject the sweep evicts (before any tombstone). */
  onEvict: ((key: string, s: SubjectState) => void) | null = null;
  /** Called with every subject state() starts afresh, with the event's time (numbers: carried history). */
  onStart: ((key: string, s: SubjectState, sec: number) => void) | null = null;

  /**
   * The state of `key` for an event at `sec`. A subject idle for more than a day starts afresh (its
   * windows are empty by then anyway), exactly as if a sweep had evicted it in between: whether a
   * sweep ran first depends on arrival order across partitions, the result must not.
   */
  state(key: string, sec: number): SubjectState {
    let s = this.states.get(key);
    if (s !== undefined && sec - s.lastSec > IDLE_SEC) {
      this.evict(key, s, this.watermarkMs);
      s = undefined;
    }
    if (s === undefined) {
      s = new SubjectState(sec);
      this.states.set(key, s);
      if (this.onStart !== null) this.onStart(key, s, sec);
    } else {
      if (sec > s.lastSec) s.lastSec = sec;
      if (sec < s.firstSec) s.firstSec = sec;
    }
    return s;
  }

  /** What state() does to a subject already looked up; false when it must be looked up again (evicted). */
  touch(key: string, s: SubjectState, sec: number): boolean {
    if (sec - s.lastSec > IDLE_SEC) {
      this.evict(key, s, this.watermarkMs);
      return false;
    }
    if (sec > s.lastSec) s.lastSec = sec;
    if (sec < s.firstSec) s.firstSec = sec;
    return true;
  }

  private isAllowlisted(kind: SubjectKindName, id: string): boolean {
    if (kind !== 'number') return false;
    if (this.allowNumbers.size > 0 && this.allowNumbers.has(id)) return true;
    const prefixes = this.rules.allowlist.prefixes;
    for (let i = 0; i < prefixes.length; i++) if (id.startsWith(prefixes[i]!)) return true;
    return false;
  }

  /** Feature vector of subject `key` at its own latest event time. */
  features(key: string, s: SubjectState): Float64Array {
    const f = this.fv;
    if (s.rich !== null) {
      s.rich.features(f, s.lastSec);
    } else {
      // A tiny state knows only a few lifetime counts; everything else is unknown and fires no rule.
      f.fill(Number.NaN);
      const calls = Math.max(s.calls, 1);
      f[FEATURE_INDEX.attempts_24h] = s.calls;
      f[FEATURE_INDEX.attestation_c_share] = s.attC / calls;
      f[FEATURE_INDEX.attestation_none_share] = s.attNone / calls;
      f[FEATURE_INDEX.attestation_a_share] = s.attA / calls;
      f[FEATURE_INDEX.answer_ratio] = s.answered / calls;
      f[FEATURE_INDEX.video_share] = s.video / calls;
      f[FEATURE_INDEX.mean_talk_s] = s.answered > 0 ? s.talk / s.answered : 0;
    }
    const complaints = s.complaintsWithin(s.lastSec);
    f[FEATURE_INDEX.complaints_24h] = complaints;
    // Both over the subject's tracked life: complaints come hours after the calls they are about,
    // so complaints of the last 24 h over the calls answered in them spikes when a line that went
    // quiet for the night starts its next burst (the calls complained about have left the window).
    f[FEATURE_INDEX.complaint_rate] = s.complaints / Math.max(1, s.answered);
    f[FEATURE_INDEX.complaints_total] = s.complaints;
    f[FEATURE_INDEX.complaint_reporters] = s.complaintReporters();
    f[FEATURE_INDEX.number_age_h] = (s.lastSec - s.firstSec) / 3600;
    if (this.decorate !== null) this.decorate(key, s, f);
    return f;
  }

  /**
   * Scores a subject and publishes what changed; `timeMs` is the event time that triggered it. With
   * `exact`, any difference from the published score, level or category is published (end of
   * input), so the last published verdict is the score of the final state, whatever the path.
   */
  evaluate(key: string, s: SubjectState | undefined, timeMs: number, exact = false): void {
    let kind: SubjectKindName;
    let id: string;
    if (this.onlyKind !== null) {
      kind = this.onlyKind;
      id = key;
    } else {
      [kind, id] = this.kindOf(key);
    }
    const sc = this.scratch;
    if (s === undefined || (s.rich === null && this.eligible !== null && !this.eligible(key, s))) sc.clear();
    else sc.run(this.rules, kind, this.features(key, s));
    let score = sc.score;
    let level = sc.level;
    let override = '';
    const decision =
      this.feedback.decisions.size > 0 ? this.feedback.current(key, this.maxEventMs) : undefined;
    if (this.isAllowlisted(kind, id)) override = 'allowlist';
    if (decision !== undefined) override = overrideOf(decision);
    const overrideExpiresMs = decision?.expiresMs ?? 0;
    if (override === 'allowlist' || override === 'redress' || override === 'false_positive') {
      score = 0;
      level = 'NONE';
    } else if (override === 'blocklist') {
      score = 100;
      level = 'HIGH';
    } else if (override === 'confirm') {
      score = Math.max(score, this.rules.levels.high);
      level = 'HIGH';
    }
    const category = level === 'NONE' ? '' : sc.category;
    if (this.onScored !== null) this.onScored(key, kind, id, level, category);
    let vs = this.verdicts.get(key);
    if (vs === undefined) {
      // An operator's decision is published even for a subject never flagged: risk-api must hear it.
      if (level === 'NONE' && override === '') return;
      vs = {
        score: 0,
        level: 'NONE',
        category: '',
        publishedLevel: 'NONE',
        publishedScore: 0,
        publishedCategory: '',
        first: {},
        last: null,
      };
      this.verdicts.set(key, vs);
    }
    const calls = s?.calls ?? 0;
    const levelRank = rank(level);
    for (let l = 1; l <= levelRank; l++) {
      const name = LEVELS[l]!;
      vs.first[name] ??= { timeMs, calls };
    }
    vs.score = score;
    vs.level = level;
    vs.category = category;
    // A category change is always published: whether a source taints its callers follows its
    // level and category, and stages of other instances learn it from the published verdict.
    const changed =
      level !== vs.publishedLevel ||
      category !== vs.publishedCategory ||
      Math.abs(score - vs.publishedScore) >= this.rules.publishScoreDelta ||
      (exact && score !== vs.publishedScore) ||
      (vs.last !== null &&
        (vs.last.override !== override || (vs.last.overrideExpiresMs ?? 0) !== overrideExpiresMs));
    if (!changed && vs.last !== null) return;
    const verdict: Verdict = {
      kind,
      id,
      score,
      level,
      category,
      reasons: sc.reasons(this.rules),
      updatedMs: timeMs,
      firstSeenMs: (s?.firstSec ?? Math.floor(timeMs / 1000)) * 1000,
      calls,
      first: { ...vs.first },
      override,
      ...(overrideExpiresMs > 0 ? { overrideExpiresMs } : {}),
    };
    const from = vs.publishedLevel;
    vs.publishedLevel = level;
    vs.publishedScore = score;
    vs.publishedCategory = category;
    vs.last = verdict;
    this.sink.verdict(verdict);
    if (levelRank > rank(from)) {
      const evidence: Record<string, number> = {};
      const f = s === undefined ? undefined : this.features(key, s);
      if (f !== undefined)
        FEATURE_NAMES.forEach((n, i) => (evidence[n] = Math.round((f[i] ?? 0) * 1000) / 1000));
      this.sink.alert({
        alertId: `${key}|${level}|${timeMs}`,
        timeMs,
        kind,
        id,
        fromLevel: from,
        toLevel: level,
        verdict,
        evidence,
      });
    }
  }

  /** Applies an operator decision and re-scores the subject at once. */
  applyFeedback(key: string, fb: FeedbackInput): void {
    this.feedback.apply(key, fb);
    this.evaluate(
      key,
      this.states.get(key),
      Math.max(fb.timeMs, this.verdicts.get(key)?.last?.updatedMs ?? 0),
    );
  }

  /**
   * Lapses the decisions whose expiry the stage's event time has reached: each subject that lost one
   * is re-scored at that event time, or, with no state left (a quiet number kept only for its
   * decision), loses its verdict with a tombstone, as an eviction would have done without it.
   */
  lapseDecisions(): void {
    const atMs = this.maxEventMs;
    for (const key of this.feedback.lapse(atMs)) {
      const s = this.states.get(key);
      const timeMs = Math.max(atMs, this.verdicts.get(key)?.last?.updatedMs ?? 0);
      if (s !== undefined || isStanding(this.feedback.current(key, atMs))) {
        this.evaluate(key, s, timeMs);
      } else if (this.verdicts.delete(key)) {
        const [kind, id] = this.onlyKind !== null ? [this.onlyKind, key] : this.kindOf(key);
        if (this.onScored !== null) this.onScored(key, kind, id, 'NONE', '');
        this.sink.tombstone(kind, id, timeMs);
      }
    }
  }

  /**
   * Evicts subjects idle for a whole window before the watermark `timeMs` minus the allowed
   * lateness; those that had a verdict get a tombstone (their risk expired). Any later event of
   * theirs that is within the lateness would have started them afresh anyway (state()).
   */
  sweep(timeMs: number = this.maxEventMs): void {
    this.lapseDecisions();
    if (this.beforeSweep !== null) this.beforeSweep(timeMs);
    const horizonSec = Math.floor((timeMs - this.rules.allowedLatenessMs - DAY_MS) / 1000);
    const visit = this.sweepVisit;
    const evictMs = timeMs - this.rules.allowedLatenessMs;
    // forEach: a for-of over entries allocates an entry array per subject, every hour.
    this.states.forEach((s, key) => {
      if (visit !== null) visit(key, s);
      if (s.lastSec < horizonSec) this.evict(key, s, evictMs);
    });
    if (this.afterSweep !== null) this.afterSweep();
  }

  /**
   * Publishes the verdict in force for every suspect key (a tombstone where there is none), so the
   * compacted outputs end as an uninterrupted run's would. Called after an exact flush.
   */
  republishSuspects(): void {
    for (const key of this.suspects) {
      const last = this.verdicts.get(key)?.last;
      if (last !== undefined && last !== null) this.sink.verdict(last);
      else {
        const [kind, id] = this.onlyKind !== null ? [this.onlyKind, key] : this.kindOf(key);
        this.sink.tombstone(kind, id, this.maxEventMs);
      }
    }
    this.suspects.clear();
  }

  /** Drops one subject's state (and verdict, with a tombstone). */
  evict(key: string, s: SubjectState, timeMs: number): void {
    this.states.delete(key);
    if (this.onEvict !== null) this.onEvict(key, s);
    if (s.rich !== null) {
      this.memory.releaseRich(s.rich);
      s.rich = null;
    }
    this.memory.pendingRelease(s.pending);
    s.pending = -1;
    // An operator's allowlist or blocklist outlives the subject's idle state: its verdict stays
    // published (and kept here), so the switch does not forget a blocklisted number that went quiet.
    if (isStanding(this.feedback.current(key, this.maxEventMs))) return;
    if (this.verdicts.delete(key)) {
      const [kind, id] = this.onlyKind !== null ? [this.onlyKind, key] : this.kindOf(key);
      if (this.onScored !== null) this.onScored(key, kind, id, 'NONE', '');
      this.sink.tombstone(kind, id, timeMs);
    }
  }
}
