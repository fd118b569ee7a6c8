import { RingfenceError } from '@ringfence/common';
import { ByteReader, ByteWriter } from './binary.js';
import type { Decision } from './feedback.js';
import type { Stage, VerdictState } from './stage.js';
import { StateMemory } from './state-memory.js';
import { K, SubjectState, type RichState } from './subject-state.js';

/**
 * "RFS8": a stage's fixed-size tables (the number stage's sketches and filters, megabytes each) are
 * stored as bytes after its JSON part, instead of as base64 inside it.
 */
const MAGIC = 0x52465338;
/** Snapshots before the tables were stored as bytes: the number stage finds them in its JSON part. */
const MAGIC_V7 = 0x52465337;
/**
 * Snapshots before numbers counted answered calls once promoted: a promoted number is restored with
 * at least the answered calls in its 24 h window, so its complaint rate is not read off the few it
 * had made when it was promoted.
 */
const MAGIC_V6 = 0x52465336;
/** Snapshots before the callee-block masks: restored with none, so until its next call a number is judged by its trunk alone, as then. */
const MAGIC_V5 = 0x52465335;
/** Snapshots before the all-hours repeated-callee counters: restored with those at zero. */
const MAGIC_V4 = 0x52465334;
/**
 * Snapshots before decision expiries and tiny numbers' attested-A calls: restored with no expiry
 * and none counted. A reader older than RFS4 refuses an RFS4 snapshot instead of keeping its
 * lapsing decisions for ever.
 */
const MAGIC_V3 = 0x52465333;
/** Snapshots before complaint reporters: restored with every reporter unknown. */
const MAGIC_V2 = 0x52465332;

const TINY_FIELDS_V2 = [
  'firstSec',
  'lastSec',
  'calls',
  'hour',
  'hourCalls',
  'complaints',
  'lastCaller',
  'sinceEval',
  'attC',
  'attNone',
  'answered',
  'video',
  'talk',
  'nT0',
  'nT1',
  'nD0',
  'pendingSec',
  'suspectSec',
] as const;
const TINY_FIELDS_V3 = [
  ...TINY_FIELDS_V2,
  'pestCallee',
  'pestCalls',
  'pestNights',
  'pestLastSec',
  'lastCallee',
  'calleeRepeats',
] as const;
const TINY_FIELDS_V4 = [...TINY_FIELDS_V3, 'attA'] as const;
const TINY_FIELDS_V5 = [...TINY_FIELDS_V4, 'slowCallee', 'slowCalls', 'slowDays', 'slowDay'] as const;
const TINY_FIELDS = [...TINY_FIELDS_V5, 'calleeBlocks'] as const;
/** The tiny-state fields each snapshot version wrote, in order. */
const FIELDS_OF = new Map<number, readonly (typeof TINY_FIELDS)[number][]>([
  [MAGIC, TINY_FIELDS],
  [MAGIC_V7, TINY_FIELDS],
  [MAGIC_V6, TINY_FIELDS],
  [MAGIC_V5, TINY_FIELDS_V5],
  [MAGIC_V4, TINY_FIELDS_V4],
  [MAGIC_V3, TINY_FIELDS_V3],
  [MAGIC_V2, TINY_FIELDS_V2],
]);

function writeRich(w: ByteWriter, r: RichState): void {
  w.bytes(r.q);
  w.bytes(r.qTotal);
  w.bytes(r.m);
  w.bytes(r.sk);
  w.bytes(r.topHash);
  w.bytes(r.topCount);
  w.bytes(r.topLast);
  w.bytes(r.topMarks);
  w.bytes(r.callerHash);
  w.bytes(r.callerLast);
  for (const v of [
    r.qNow,
    r.mTotal,
    r.mNow,
    r.gNow,
    r.lastCallee,
    r.baseHour,
    r.baseHourCalls,
    r.baseline,
    r.tooLate,
  ]) {
    w.f64(v);
  }
}

function readRich(rd: ByteReader, memory: StateMemory): RichState {
  const r = memory.rich();
  r.q = new Uint32Array(rd.block());
  r.qTotal = new Float64Array(rd.block());
  r.m = new Uint16Array(rd.block());
  r.sk = new Uint8Array(rd.block());
  r.topHash = new Int32Array(rd.block());
  r.topCount = new Uint16Array(rd.block());
  r.topLast = new Int32Array(rd.block());
  r.topMarks = new Uint8Array(rd.block());
  r.callerHash = new Int32Array(rd.block());
  r.callerLast = new Int32Array(rd.block());
  r.qNow = rd.f64();
  r.mTotal = rd.f64();
  r.mNow = rd.f64();
  r.gNow = rd.f64();
  r.lastCallee = rd.f64();
  r.baseHour = rd.f64();
  r.baseHourCalls = rd.f64();
  r.baseline = rd.f64();
  r.tooLate = rd.f64();
  return r;
}

/** The key of the stage's unsettled suspects in the JSON part, beside the stage kind's own. */
const SUSPECTS = 'suspects';

/** What a stage's snapshot holds besides the stage itself. */
export interface StageExtra {
  /** The stage kind's own small state, as JSON. */
  readonly extra: Readonly<Record<string, unknown>>;
  /** The stage kind's fixed-size tables, as bytes: never through JSON, where they would cost a base64 copy and a scan. */
  readonly tables: readonly Uint8Array[];
}

/**
 * Writes a stage's whole state (subjects, verdicts, decisions, clocks) plus `extra` and `tables` as a
 * compact binary blob. Without tables the layout is RFS7's (the magic aside): tables follow the JSON
 * part only when there are any.
 */
export function writeStage(stage: Stage, extra: object, tables: readonly Uint8Array[] = []): Buffer {
  // Sized as the stage's previous snapshot, with room to grow a little.
  const w = new ByteWriter(Math.ceil(stage.snapshotBytes * 1.1));
  w.i32(MAGIC);
  w.f64(stage.maxEventMs);
  w.f64(stage.lateRecords);
  w.f64(stage.lastSweepHour);
  w.i32(stage.states.size);
  for (const [key, s] of stage.states) {
    w.str(key);
    for (const f of TINY_FIELDS) w.f64(s[f]);
    w.str(s.trunk0);
    w.str(s.trunk1);
    w.str(s.device0);
    w.json(s.complaintSecs);
    w.json(s.complaintBy);
    w.i32(s.pending < 0 ? 0 : 1);
    if (s.pending >= 0) w.bytes(stage.memory.pendingRows.subarray(s.pending, s.pending + K));
    w.i32(s.rich === null ? 0 : 1);
    if (s.rich !== null) writeRich(w, s.rich);
  }
  w.json([...stage.verdicts]);
  w.json([...stage.feedback.decisions]);
  // Keys a crashed owner may have published differently, not yet settled by a flush: an owner that
  // dies before its first flush hands them on, or the next owner, whose snapshot ends lie past what
  // was published, would never settle them. Written only when there are any, so a snapshot without
  // them is byte for byte what it was; earlier releases ignore the key.
  w.json(stage.suspects.size === 0 ? extra : { ...extra, [SUSPECTS]: [...stage.suspects] });
  if (tables.length > 0) {
    w.i32(tables.length);
    for (const t of tables) w.bytes(t);
  }
  const out = w.finish();
  stage.snapshotBytes = out.length;
  return out;
}

/** Replaces a stage's state with a snapshot written by writeStage; returns the rest it holds. */
export function readStage(stage: Stage, buf: Buffer): StageExtra {
  const rd = new ByteReader(buf);
  const magic = rd.i32();
  const fields = FIELDS_OF.get(magic);
  if (fields === undefined) throw new RingfenceError('INTEGRITY', 'not a Ringfence engine snapshot');
  stage.states.clear();
  stage.memory = new StateMemory();
  stage.verdicts.clear();
  stage.feedback.decisions.clear();
  stage.maxEventMs = rd.f64();
  stage.lateRecords = rd.f64();
  stage.lastSweepHour = rd.f64();
  const n = rd.i32();
  for (let i = 0; i < n; i++) {
    const key = rd.str();
    const s = new SubjectState(0);
    for (const f of fields) s[f] = rd.f64();
    s.trunk0 = rd.str();
    s.trunk1 = rd.str();
    s.device0 = rd.str();
    s.complaintSecs = rd.json<number[] | null>();
    s.complaintBy = magic !== MAGIC_V2 ? rd.json<number[] | null>() : (s.complaintSecs?.map(() => 0) ?? null);
    if (rd.i32() === 1) {
      s.pending = stage.memory.pendingAlloc();
      stage.memory.pendingRows.set(new Uint32Array(rd.block()), s.pending);
    }
    if (rd.i32() === 1) {
      s.rich = readRich(rd, stage.memory);
      if (magic !== MAGIC && magic !== MAGIC_V7) s.answered = Math.max(s.answered, s.rich.answered);
    }
    stage.states.set(key, s);
  }
  for (const [k, v] of rd.json<[string, VerdictState][]>()) stage.verdicts.set(k, v);
  for (const [k, v] of rd.json<[string, Decision[]][]>()) stage.feedback.decisions.set(k, v);
  stage.feedback.reindex();
  const { [SUSPECTS]: suspects, ...extra } = rd.json<Record<string, unknown>>();
  stage.suspects.clear();
  if (Array.isArray(suspects)) for (const key of suspects) stage.suspects.add(String(key));
  const tables: Uint8Array[] = [];
  // No writer before RFS8 put anything after the JSON part, so bytes there are tables whatever the magic.
  if (!rd.done) {
    const n = rd.i32();
    for (let i = 0; i < n; i++) tables.push(new Uint8Array(rd.block()));
  }
  if (!rd.done) throw new RingfenceError('INTEGRITY', 'snapshot has trailing bytes');
  stage.snapshotBytes = buf.length;
  return { extra, tables };
}
