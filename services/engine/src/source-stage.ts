import { F_ATTESTATION_NONE, F_IDENTITY } from './call-flags.js';
import { FEATURE_INDEX } from './features.js';
import type { FeedbackInput } from './feedback.js';
import type { SourceObservation } from './observation.js';
import { CampaignTable } from './campaign-table.js';
import { TaintTable, taintsCallers } from './taint-table.js';
import type { Rules, SubjectKindName } from './rules.js';
import { readStage, writeStage } from './snapshot.js';
import { Stage } from './stage.js';
import type { SubjectState } from './subject-state.js';
import type { EngineSink, LevelName } from './verdict.js';

function sourceKind(key: string): [SubjectKindName, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i) as SubjectKindName, key.slice(i + 1)];
}

const KIND_INDEX = { trunk: 0, carrier: 1, device: 2 } as const;

/** Cached keys and states per source id; bounded, since ids come and go (devices are many). */
const CACHE_CAP = 200_000;

interface Cached {
  key: string;
  /** The subject's state while it is tracked; null once evicted (or never created). */
  s: SubjectState | null;
}

export interface SourceStageOptions {
  /** Where the taint this stage's sources put on their callers goes (shared with the number stages). */
  taint?: TaintTable;
  /** Thin campaigns per entry trunk, counted by the number stages. */
  campaigns?: CampaignTable;
}

/**
 * Per ingress trunk, ingress carrier and device: the same windows fed by the number stage's
 * observations, so a campaign that rotates numbers is still named by where it enters.
 */
export class SourceStage {
  readonly stage: Stage;
  private readonly hashes = [0, 0, 0, 0, 0];
  /** Keys of this stage's sources that taint their callers now. */
  private readonly flagged = new Set<string>();
  readonly taint: TaintTable;
  readonly campaigns: CampaignTable;
  /**
   * Key and state per id and kind, so the hot path builds no key string and does one map lookup
   * per call; kept in step with the stage's evictions and restores.
   */
  private readonly cache: Record<SourceObservation['kind'], Map<string, Cached>> = {
    trunk: new Map(),
    carrier: new Map(),
    device: new Map(),
  };

  /** The last id looked up per kind, and its cache entry. */
  private readonly lastIds = ['', '', ''];
  private readonly lastCached: (Cached | undefined)[] = [undefined, undefined, undefined];

  constructor(
    readonly rules: Rules,
    sink: EngineSink,
    options: SourceStageOptions = {},
  ) {
    this.taint = options.taint ?? new TaintTable();
    this.campaigns =
      options.campaigns ?? new CampaignTable(rules.campaign.minMembers, rules.campaign.minBlockShare);
    this.stage = new Stage(rules, sink, sourceKind);
    this.stage.onEvict = (key) => this.forget(key);
    this.stage.onScored = (key, kind, id, level, category) => this.onScored(key, kind, id, level, category);
    this.stage.decorate = (key, _s, f) => {
      f[FEATURE_INDEX.campaign_members] = key.startsWith('trunk:') ? this.campaigns.members(key.slice(6)) : 0;
    };
    this.campaigns.onChange((trunks) => this.onCampaigns(trunks));
  }

  /**
   * The number stages found (or lost) thin campaigns entering through these trunks: the ones this
   * stage tracks are re-scored now, so traceback names them without waiting for their next call.
   */
  private onCampaigns(trunks: ReadonlySet<string>): void {
    for (const trunk of trunks) {
      const key = `trunk:${trunk}`;
      const s = this.stage.states.get(key);
      if (s !== undefined) this.stage.evaluate(key, s, s.lastSec * 1000);
    }
  }

  /** Keys of the sources of this stage that taint their callers now (`<kind>:<id>`). */
  flaggedKeys(): ReadonlySet<string> {
    return this.flagged;
  }

  /** A subject left the stage: its cached state must not be used again. */
  private forget(key: string): void {
    const i = key.indexOf(':');
    const c = (
      this.cache[key.slice(0, i) as SourceObservation['kind']] as Map<string, Cached> | undefined
    )?.get(key.slice(i + 1));
    if (c !== undefined) c.s = null;
  }

  /** Taint follows every scoring (published or not), so it is the final state's once scoring is final. */
  private onScored(key: string, kind: SubjectKindName, id: string, level: LevelName, category: string): void {
    const taints = taintsCallers(kind, level, category);
    if (taints === this.flagged.has(key)) return;
    if (taints) this.flagged.add(key);
    else this.flagged.delete(key);
    this.taint.set(kind, id, taints);
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
      // Consecutive calls often share a carrier or trunk: compare with the last id before hashing.
      const k = KIND_INDEX[o.kind];
      let c = this.lastIds[k] === o.id ? this.lastCached[k] : cache.get(o.id);
      if (c === undefined) {
        if (cache.size >= CACHE_CAP) {
          cache.clear();
          this.lastCached.fill(undefined);
          this.lastIds.fill('');
        }
        c = { key: `${o.kind}:${o.id}`, s: null };
        cache.set(o.id, c);
      }
      this.lastIds[k] = o.id;
      this.lastCached[k] = c;
      key = c.key;
      if (c.s === null || !this.stage.touch(key, c.s, sec)) {
        s = this.stage.state(key, sec);
        c.s = s;
      } else {
        s = c.s;
      }
    }
    s.calls++;
    // Devices are as many as subscribers: keep them tiny (a row of pending counts) until a second
    // calling number shows up; the pending counts then go into the windows.
    if (s.rich === null) {
      if (o.kind !== 'device' || (s.lastCaller !== 0 && s.lastCaller !== o.callerHash)) {
        const memory = this.stage.memory;
        s.rich = memory.rich();
        s.rich.advance(Math.max(sec, s.lastSec));
        if (s.pending >= 0) {
          s.rich.seedCounts(memory.pendingRows, s.pending, s.pendingSec, s.lastCaller, s.suspectSec);
          memory.pendingRelease(s.pending);
          s.pending = -1;
        }
      } else {
        s.lastCaller = o.callerHash;
        if (s.pending < 0) s.pending = this.stage.memory.pendingAlloc();
        this.stage.memory.pendingRecord(s.pending, o.flags, o.talkSec);
        if (sec > s.pendingSec) s.pendingSec = sec;
        if ((o.flags & (F_IDENTITY | F_ATTESTATION_NONE)) !== 0 && sec > s.suspectSec) s.suspectSec = sec;
        // A handset with one number cannot taint yet: not worth remembering its caller.
        return;
      }
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
    return writeStage(this.stage, { flagged: [...this.flagged] });
  }

  restore(buf: Buffer): void {
    // Snapshots from before the campaign table also hold `recent` and `campaigns`: both are
    // rebuilt now (campaigns from the number stages' counts), so they are ignored.
    const extra = readStage(this.stage, buf).extra as { flagged: string[] };
    for (const c of Object.values(this.cache)) c.clear();
    this.lastCached.fill(undefined);
    this.lastIds.fill('');
    this.flagged.clear();
    for (const f of extra.flagged) this.flagged.add(f);
  }

  /**
   * End of input (or caught up): every busy source is scored on its final state and published
   * exactly, then expired risk is tombstoned; taints follow, so the number stage's flush that comes
   * next sees the final taints.
   */
  flush(): void {
    for (const [key, s] of this.stage.states) {
      if (s.rich !== null) {
        s.sinceEval = 0;
        this.stage.evaluate(key, s, s.lastSec * 1000, true);
      }
    }
    this.stage.sweep();
    this.stage.republishSuspects();
  }
}
