import { F_ATTESTATION_C, F_ATTESTATION_NONE, F_IDENTITY } from './call-flags.js';
import type { FeedbackInput } from './feedback.js';
import type { SourceObservation } from './observation.js';
import type { Rules, SubjectKindName } from './rules.js';
import { readStage, writeStage } from './snapshot.js';
import { Stage } from './stage.js';
import { RichState, type SubjectState } from './subject-state.js';
import { subjectKey, type EngineSink, type Verdict } from './verdict.js';

const DAY_MS = 86_400_000;
/** Recent unverified callers remembered per trunk/carrier, to implicate once the source is flagged. */
const RECENT_CAP = 4096;

function sourceKind(key: string): [SubjectKindName, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i) as SubjectKindName, key.slice(i + 1)];
}

/** Cached keys and states per source id; bounded, since ids come and go (devices are many). */
const CACHE_CAP = 200_000;

interface Cached {
  key: string;
  /** The subject's state while it is tracked; null once evicted (or never created). */
  s: SubjectState | null;
}

/** How the source stage tells the number stage about spoofing sources (direct offline, via Kafka in the service). */
export interface SourceHooks {
  /** Every source verdict and expiry, so the number stage's set of spoofing sources stays current. */
  sourceVerdict?: (v: Verdict) => void;
  sourceExpired?: (key: string) => void;
  /** A caller that used a source (trunk or device) before it was flagged. */
  implicate?: (caller: string, timeMs: number, kind: SubjectKindName) => void;
}

interface Recent {
  callers: string[];
  times: number[];
  next: number;
}

/** Trunks taint their callers when flagged for spoofing; devices (handsets) when flagged at all. */
export function taintsCallers(v: Verdict): boolean {
  const flagged = v.level === 'MEDIUM' || v.level === 'HIGH';
  if (v.kind === 'device') return flagged;
  return v.kind === 'trunk' && flagged && v.category === 'spoofing';
}

/**
 * Per ingress trunk, ingress carrier and device: the same windows fed by the number stage's
 * observations, so a campaign that rotates numbers is still named by where it enters.
 */
export class SourceStage {
  readonly stage: Stage;
  private readonly hashes = [0, 0, 0, 0, 0];
  private readonly recent = new Map<string, Recent>();
  private readonly flagged = new Set<string>();
  /**
   * Key and state per id and kind, so the hot path builds no key string and does one map lookup
   * per call; kept in step with the stage's evictions and restores.
   */
  private readonly cache: Record<SourceObservation['kind'], Map<string, Cached>> = {
    trunk: new Map(),
    carrier: new Map(),
    device: new Map(),
  };

  constructor(
    readonly rules: Rules,
    sink: EngineSink,
    private readonly hooks: SourceHooks = {},
  ) {
    const inner: EngineSink = {
      verdict: (v) => {
        sink.verdict(v);
        this.onVerdict(v);
      },
      tombstone: (kind, id, timeMs) => {
        sink.tombstone(kind, id, timeMs);
        const key = subjectKey(kind, id);
        this.flagged.delete(key);
        this.recent.delete(key);
        this.hooks.sourceExpired?.(key);
      },
      alert: (a) => sink.alert(a),
    };
    this.stage = new Stage(rules, inner, sourceKind);
    this.stage.onEvict = (key) => this.forget(key);
  }

  /** A subject left the stage: its cached state must not be used again. */
  private forget(key: string): void {
    const i = key.indexOf(':');
    const c = (
      this.cache[key.slice(0, i) as SourceObservation['kind']] as Map<string, Cached> | undefined
    )?.get(key.slice(i + 1));
    if (c !== undefined) c.s = null;
  }

  private onVerdict(v: Verdict): void {
    this.hooks.sourceVerdict?.(v);
    const key = subjectKey(v.kind, v.id);
    if (!taintsCallers(v)) {
      this.flagged.delete(key);
      return;
    }
    if (this.flagged.has(key)) return;
    this.flagged.add(key);
    const r = this.recent.get(key);
    this.recent.delete(key);
    if (r === undefined || this.hooks.implicate === undefined) return;
    for (let i = 0; i < r.callers.length; i++) {
      const t = r.times[i]!;
      if (t > v.updatedMs - DAY_MS) this.hooks.implicate(r.callers[i]!, t, v.kind);
    }
  }

  private remember(key: string, o: SourceObservation): void {
    let r = this.recent.get(key);
    if (r === undefined) {
      r = { callers: [], times: [], next: 0 };
      this.recent.set(key, r);
    }
    if (r.callers.length < RECENT_CAP) {
      r.callers.push(o.caller);
      r.times.push(o.timeMs);
    } else {
      r.callers[r.next] = o.caller;
      r.times[r.next] = o.timeMs;
      r.next = (r.next + 1) % RECENT_CAP;
    }
  }

  onObservation(o: SourceObservation): void {
    const sec = Math.floor(o.timeMs / 1000);
    this.stage.observeTime(o.timeMs);
    const cache = this.cache[o.kind] as Map<string, Cached> | undefined;
    let key: string;
    let s: SubjectState;
    if (cache === undefined) {
      key = `${o.kind}:${o.id}`;
      s = this.stage.state(key, sec);
    } else {
      let c = cache.get(o.id);
      if (c === undefined) {
        if (cache.size >= CACHE_CAP) cache.clear();
        c = { key: `${o.kind}:${o.id}`, s: null };
        cache.set(o.id, c);
      }
      key = c.key;
      if (c.s === null) {
        s = this.stage.state(key, sec);
        c.s = s;
      } else {
        s = c.s;
        this.stage.touch(s, sec);
      }
    }
    s.calls++;
    // Devices are as many as subscribers: keep them tiny until a second calling number shows up.
    if (s.rich === null) {
      if (o.kind !== 'device' || (s.lastCaller !== 0 && s.lastCaller !== o.callerHash)) {
        s.rich = new RichState();
        s.rich.advance(sec);
        s.rich.addCaller(sec, s.lastCaller);
      } else {
        s.lastCaller = o.callerHash;
      }
    }
    if (s.rich === null) return;
    // Trunks: only unverified calls can be tainted later. Devices: only shared handsets get this far.
    if (
      o.kind !== 'carrier' &&
      (o.kind === 'device' || (o.flags & F_ATTESTATION_C) !== 0) &&
      !this.flagged.has(key)
    ) {
      this.remember(key, o);
    }
    const crossed = s.rich.advance(sec);
    const h = this.hashes;
    h[0] = o.calleeHash;
    h[1] = o.blockHash;
    h[2] = o.regionHash;
    h[3] = o.callerHash;
    h[4] = (o.flags & (F_IDENTITY | F_ATTESTATION_NONE)) !== 0 ? o.callerHash : 0;
    s.rich.record(sec, o.flags, o.talkSec, h, false);
    s.sinceEval++;
    const attempts = s.rich.qTotal[0] ?? 0;
    if (crossed || attempts <= 64 || s.sinceEval >= Math.max(this.rules.evaluateEvery, attempts / 48)) {
      s.sinceEval = 0;
      this.stage.evaluate(key, s, o.timeMs);
    }
  }

  onFeedback(fb: FeedbackInput): void {
    if (fb.kind !== 'number') this.stage.applyFeedback(`${fb.kind}:${fb.id}`, fb);
  }

  /** Compact binary snapshot of the whole stage. */
  snapshot(): Buffer {
    return writeStage(this.stage, { recent: [...this.recent], flagged: [...this.flagged] });
  }

  restore(buf: Buffer): void {
    const extra = readStage(this.stage, buf) as { recent: [string, Recent][]; flagged: string[] };
    for (const c of Object.values(this.cache)) c.clear();
    this.recent.clear();
    this.flagged.clear();
    for (const [k, r] of extra.recent) this.recent.set(k, r);
    for (const f of extra.flagged) this.flagged.add(f);
  }

  /** Re-scores every busy source at the end of input so the final verdict reflects all its calls. */
  flush(): void {
    for (const [key, s] of this.stage.states) {
      if (s.rich !== null && s.sinceEval > 0) {
        s.sinceEval = 0;
        this.stage.evaluate(key, s, s.lastSec * 1000);
      }
    }
  }
}
