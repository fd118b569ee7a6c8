import { AttestationTally } from '@ringfence/cdr';
import { RingfenceError } from '@ringfence/common';
import {
  Attestation,
  CallingLocation,
  Media,
  type ICallDetailRecord,
  type IComplaintEvent,
} from '@ringfence/proto';
import {
  F_ANSWERED,
  F_ASSERTED_MISMATCH,
  F_ATTESTATION_A,
  F_ATTESTATION_C,
  F_ATTESTATION_NONE,
  F_IDENTITY,
  F_INVALID,
  F_NEIGHBOUR,
  F_NIGHT,
  F_ONE_RING,
  F_ONNET_OUTSIDE,
  F_REJECTED,
  F_SHORT,
  F_VIDEO,
} from './call-flags.js';
import { FEATURE_INDEX } from './features.js';
import type { FeedbackInput } from './feedback.js';
import { hashString, hashWithPrefixes } from './hash.js';
import { LocalClock } from './local-time.js';
import { blockLength, nationalValue, regionLength, sharedPrefix } from './number-parts.js';
import { blankObservation, type SourceObservation } from './observation.js';
import { CallIds } from './call-ids.js';
import { BLOCK_BITS, CampaignTable, campaignBlockKey } from './campaign-table.js';
import { TaintTable } from './taint-table.js';
import { CalleeFilter } from './callee-filter.js';
import { ReceivedCalls } from './received-calls.js';
import { SLOW_DAYS, SlowHistory } from './slow-history.js';
import type { Rules, SubjectKindName } from './rules.js';
import { readStage, writeStage } from './snapshot.js';
import { Stage } from './stage.js';
import { C_D0, C_T0, C_T1, SLOT_D0, SLOT_T0, SLOT_T1, type SubjectState } from './subject-state.js';
import type { EngineSink } from './verdict.js';

const SPOOFING_SHARE = FEATURE_INDEX.spoofing_source_share;
const DEVICE_SHARE = FEATURE_INDEX.flagged_device_share;
const RECEIVED = FEATURE_INDEX.calls_received_24h;
const MADE_RECEIVED = FEATURE_INDEX.made_received_ratio;
const RECEIVED_RECENTLY = FEATURE_INDEX.received_recently;
const CAMPAIGN_MEMBERS = FEATURE_INDEX.campaign_members;
const NIGHT_REPEAT_CALLS = FEATURE_INDEX.night_repeat_calls;
const NIGHT_REPEAT_NIGHTS = FEATURE_INDEX.night_repeat_nights;
const WATCHED_BEFORE = FEATURE_INDEX.watched_before_h;
const ATTESTATION_IN_USE = FEATURE_INDEX.attestation_in_use;
const CALLEE_REPEATS = FEATURE_INDEX.callee_repeats;
const REPEAT_CALLEE_CALLS = FEATURE_INDEX.repeat_callee_calls;
const REPEAT_CALLEE_DAYS = FEATURE_INDEX.repeat_callee_days;
/** Net unanswered calls to one callee, on more than one day, before a tiny number is scored at all. */
const SLOW_ELIGIBLE_CALLS = 6;
/** Unanswered night calls more than this apart belong to different nights. */
const NIGHT_GAP_SEC = 8 * 3600;
/** Night-time repeats older than this (behind the number's latest call) no longer count. */
const NIGHT_MEMORY_SEC = 48 * 3600;

/** What a number stage shares with the other stages of the engine. */
export interface NumberStageOptions {
  /** The cdr.v1 partition this stage holds (its campaign counts are reported under it). */
  partition?: number;
  /** Sources that taint their callers now, from the source stages' verdicts. */
  taint?: TaintTable;
  /** Thin campaigns per entry trunk, summed over every number stage. */
  campaigns?: CampaignTable;
  /**
   * Counts a call received by `callee` (hashString of it: `hash`) where the callee's own state is:
   * the stage of the callee's partition. Unset: this stage (one partition).
   */
  receivedBy?: (callee: string, sec: number, hash: number) => void;
}
const ATTEMPTS_24H = FEATURE_INDEX.attempts_24h;
/** Distinct trunk ids kept as shared strings; trunks are few, so the cap is a safety net. */
const TRUNK_NAMES_CAP = 100_000;

const CAUSE_REJECTED = 21;

/**
 * One night-time call to `callee`. Unanswered, it counts towards the callee rung most often that way
 * (a one-counter Misra-Gries, so one number's state stays a few fields whatever it dials); answered,
 * it counts against it twice: family calling across time zones gets through, a harasser rarely does.
 */
function nightCall(s: SubjectState, callee: number, sec: number, answered: boolean): void {
  if (answered) {
    if (s.pestCallee === callee) s.pestCalls = Math.max(0, s.pestCalls - 2);
    return;
  }
  // Counts past their memory start over (a number carried across eviction may return much later).
  if (s.pestCalls > 0 && sec - s.pestLastSec >= NIGHT_MEMORY_SEC) s.pestCalls = 0;
  if (s.pestCallee === callee && s.pestCalls > 0) {
    s.pestCalls++;
    if (sec - s.pestLastSec > NIGHT_GAP_SEC) s.pestNights++;
    if (sec > s.pestLastSec) s.pestLastSec = sec;
  } else if (s.pestCalls <= 1) {
    s.pestCallee = callee;
    s.pestCalls = 1;
    s.pestNights = 1;
    s.pestLastSec = sec;
  } else s.pestCalls--;
}

/**
 * One call to `callee` at any hour (at `sec`, on its local day): the all-hours counterpart of nightCall, with
 * the days the callee was rung unanswered kept as a bit mask of the last SLOW_DAYS days, so calls a
 * few a day to one person add up over a week (the 24h windows forget them every day).
 */
function slowCall(s: SubjectState, callee: number, sec: number, clock: LocalClock, answered: boolean): void {
  if (answered) {
    if (s.slowCallee === callee && s.slowCalls > 0) s.slowCalls = Math.max(0, s.slowCalls - 2);
    return;
  }
  // Most calls are answered: only the others need the local day.
  const day = clock.dayOf(sec);
  if (s.slowCalls > 0 && day - s.slowDay >= SLOW_DAYS) s.slowCalls = 0;
  if (s.slowCallee === callee && s.slowCalls > 0) {
    s.slowCalls++;
    if (day > s.slowDay) {
      s.slowDays = day - s.slowDay >= SLOW_DAYS ? 1 : ((s.slowDays << (day - s.slowDay)) | 1) & 0x7f;
      s.slowDay = day;
    } else if (s.slowDay - day < SLOW_DAYS) s.slowDays |= 1 << (s.slowDay - day);
  } else if (s.slowCalls <= 1) {
    s.slowCallee = callee;
    s.slowCalls = 1;
    s.slowDays = 1;
    s.slowDay = day;
  } else s.slowCalls--;
}

/** Days among the last SLOW_DAYS up to local day `day` on which the slow callee was rung unanswered. */
function slowDaysAt(s: SubjectState, day: number): number {
  const shift = day - s.slowDay;
  if (s.slowCalls === 0 || shift >= SLOW_DAYS) return 0;
  let m = shift > 0 ? (s.slowDays << shift) & 0x7f : s.slowDays;
  let n = 0;
  for (; m !== 0; m &= m - 1) n++;
  return n;
}

/** Whether a tiny number's all-hours counter says enough to score it: one callee, more than one day. */
function slowEvidence(s: SubjectState): boolean {
  return s.slowCalls >= SLOW_ELIGIBLE_CALLS && (s.slowDays & ~1) !== 0;
}

/**
 * Per calling number: windows, features and verdicts. Emits one source observation per call and
 * source (trunk, carrier, device) for the source stage; the emitted object is reused for the next
 * one, so a consumer that keeps it must copy it.
 */
export class NumberStage {
  readonly stage: Stage;
  private readonly clock: LocalClock;
  private readonly onNet: readonly string[];
  private readonly nightFrom: number;
  private readonly nightTo: number;
  private readonly hashes: [number, number, number, number] = [0, 0, 0, 0];
  readonly partition: number;
  /** Sources that taint their callers now (trunks flagged for spoofing, devices at MEDIUM+). */
  readonly taint: TaintTable;
  private readonly obs: SourceObservation = blankObservation();
  /** One string per trunk id, so the numbers that remember a trunk share it. */
  private readonly trunkNames = new Map<string, string>();
  /** Calls received per number (by callee), for the asymmetry features. */
  readonly received = new ReceivedCalls();
  /** Whether a number received any call lately: a caller id nobody calls may be made up. */
  readonly called = new CalleeFilter();
  /** Trunks carrying a thin campaign now, over every number stage (see detectCampaigns). */
  readonly campaigns: CampaignTable;
  private readonly receivedBy: ((callee: string, sec: number, hash: number) => void) | null;
  /** Call ids counted lately: a CDR sent again counts once (see CallIds). */
  readonly callIds = new CallIds();
  /** CDRs recognised as copies of one already counted, and ignored. */
  duplicates = 0;
  /** Repeated-callee counters of evicted numbers, put back when they call again (see SlowHistory). */
  readonly history = new SlowHistory();
  /**
   * The earliest call time this stage has seen (s): how long it had been watching when a number
   * first called. A number first seen in the engine's first day is new only to the engine.
   */
  private watchedSinceSec = Number.POSITIVE_INFINITY;
  /** Whether this stage's calls carry attestation: where none do, a missing one is no evidence. */
  private readonly attestation = new AttestationTally();

  constructor(
    readonly rules: Rules,
    sink: EngineSink,
    private readonly emit: (o: SourceObservation) => void,
    options: NumberStageOptions = {},
  ) {
    this.partition = options.partition ?? 0;
    this.taint = options.taint ?? new TaintTable();
    this.campaigns =
      options.campaigns ?? new CampaignTable(rules.campaign.minMembers, rules.campaign.minBlockShare);
    this.receivedBy = options.receivedBy ?? null;
    this.taint.onChange((kind, id, tainted) => {
      if (tainted) this.implicate(kind, id);
    });
    this.campaigns.onChange((trunks) => this.onCampaigns(trunks));
    this.stage = new Stage(rules, sink, (key) => ['number', key], 'number');
    this.stage.decorate = (key, st, f) => this.decorate(key, st, f);
    this.stage.eligible = (key, st) =>
      st.complaints > 0 ||
      this.tainted(st) ||
      this.campaignOf(key, st) > 0 ||
      st.pestNights >= 2 ||
      slowEvidence(st);
    // Campaign detection before every sweep, counted in the sweep's own pass over the state (the
    // numbers it evicts are counted before they go, as a separate pass before it would).
    const sweepCounts = new Map<string, number>();
    this.stage.beforeSweep = (timeMs) => {
      sweepCounts.clear();
      const sec = Math.floor(timeMs / 1000);
      this.history.expire(sec, this.clock.dayOf(sec), NIGHT_MEMORY_SEC);
    };
    this.stage.sweepVisit = (key, st) => this.countEvidence(sweepCounts, key, st);
    this.stage.afterSweep = () => this.campaigns.update(this.partition, sweepCounts);
    this.stage.onEvict = (key, st) => this.history.keep(key, st);
    this.stage.onStart = (key, st, sec) => {
      if (this.history.size > 0) this.history.revive(key, st, sec, this.clock.dayOf(sec), NIGHT_MEMORY_SEC);
    };
    this.clock = new LocalClock(rules.timeZone);
    this.onNet = rules.onNetPrefixes;
    this.nightFrom = rules.nightHours[0];
    this.nightTo = rules.nightHours[1];
  }

  private isNight(sec: number): boolean {
    const h = this.clock.hourOf(sec);
    const from = this.nightFrom;
    const to = this.nightTo;
    return from <= to ? h >= from && h < to : h >= from || h < to;
  }

  private isOnNet(e164: string): boolean {
    const onNet = this.onNet;
    for (let i = 0; i < onNet.length; i++) if (e164.startsWith(onNet[i]!)) return true;
    return false;
  }

  /** Scores one normalised CDR. */
  onCdr(cdr: ICallDetailRecord): void {
    const calling = cdr.calling?.e164 || cdr.calling?.raw || '';
    if (calling === '') return;
    const setupMs = Number(cdr.setupTimeMs ?? 0);
    const callId = cdr.callId ?? '';
    // A copy changes nothing: no feature, no event time, no source observation.
    if (callId !== '' && !this.callIds.add(Math.floor(setupMs / 1000), callId)) {
      this.duplicates++;
      return;
    }
    const answerMs = Number(cdr.answerTimeMs ?? 0);
    const releaseMs = Number(cdr.releaseTimeMs ?? setupMs);
    const sec = Math.floor(setupMs / 1000);
    const rules = this.rules;
    this.stage.observeTime(setupMs);
    if (sec < this.watchedSinceSec) this.watchedSinceSec = sec;

    const called = cdr.called?.e164 || cdr.called?.raw || '';
    const calledE164 = cdr.called?.e164 ?? '';
    const callingE164 = cdr.calling?.e164 ?? '';
    const carrier = cdr.ingressCarrier ?? '';
    let flags = 0;
    const answered = answerMs > 0;
    const talkSec = answered ? Math.max(0, (releaseMs - answerMs) / 1000) : 0;
    if (answered) {
      flags |= F_ANSWERED;
      if (talkSec < rules.shortCallSeconds) flags |= F_SHORT;
    } else {
      if ((releaseMs - setupMs) / 1000 < rules.oneRingSeconds) flags |= F_ONE_RING;
      flags |= F_REJECTED;
    }
    if (cdr.releaseCause === CAUSE_REJECTED) flags |= F_REJECTED;
    if (this.isNight(sec)) flags |= F_NIGHT;
    if (callingE164 === '' || cdr.calling?.valid !== true) flags |= F_INVALID;
    // The home network's location register says the subscriber is abroad: a roamer calling home.
    const roaming = cdr.callingLocation === CallingLocation.CALLING_LOCATION_ROAMING;
    if (!roaming && carrier !== rules.onNetCarrier && callingE164 !== '' && this.isOnNet(callingE164)) {
      flags |= F_ONNET_OUTSIDE;
    }
    const att = cdr.attestation ?? Attestation.ATTESTATION_UNSPECIFIED;
    this.attestation.add(att !== Attestation.ATTESTATION_UNSPECIFIED);
    const attesting = this.attestation.inUse;
    // Where no call is attested, a call that entered on the home network itself is vouched for as A
    // would vouch: the carrier has the customer and knows the numbers it may present.
    if (att === Attestation.ATTESTATION_A || (!attesting && carrier === rules.onNetCarrier))
      flags |= F_ATTESTATION_A;
    else if (att === Attestation.ATTESTATION_C) flags |= F_ATTESTATION_C;
    else if (att === Attestation.ATTESTATION_UNSPECIFIED)
      flags |= attesting ? F_ATTESTATION_C | F_ATTESTATION_NONE : F_ATTESTATION_C;
    const asserted = cdr.asserted?.e164 ?? '';
    if (asserted !== '' && asserted !== callingE164) flags |= F_ASSERTED_MISMATCH;
    // Neighbour spoofing needs an unverified identity: subscribers do call people in their own block;
    // where nothing is attested, no identity is verified and the test says nothing.
    if (
      attesting &&
      (flags & F_ATTESTATION_A) === 0 &&
      callingE164 !== '' &&
      calledE164 !== '' &&
      callingE164 !== calledE164 &&
      sharedPrefix(callingE164, calledE164) >= rules.neighbourDigits
    ) {
      flags |= F_NEIGHBOUR;
    }
    if (cdr.media === Media.MEDIA_VIDEO) flags |= F_VIDEO;
    const trunk = cdr.ingressTrunk ?? '';
    const device = cdr.deviceId ?? '';

    const h = this.hashes;
    if (calledE164 !== '') {
      hashWithPrefixes(calledE164, blockLength(calledE164), regionLength(calledE164), h);
    } else {
      h[0] = hashString(called);
      h[1] = h[0];
      h[2] = h[0];
    }
    h[3] = 0;
    if (this.receivedBy === null) this.addReceived(sec, h[0]);
    else this.receivedBy(called, sec, h[0]);
    const callerHash = hashString(calling);

    const s = this.stage.state(calling, sec);
    s.calls++;
    const hour = Math.floor(sec / 3600);
    if (hour !== s.hour) {
      s.hour = hour;
      s.hourCalls = 0;
    }
    s.hourCalls++;
    if (s.rich === null && (s.hourCalls >= rules.promoteCallsPerHour || (flags & F_IDENTITY) !== 0)) {
      s.rich = this.stage.memory.rich();
      s.rich.advance(sec);
      s.rich.seed(s.firstSec, s, s.calls - 1);
    }
    let slots = 0;
    // Foreign numbers are what an international gateway carries: its taint never reaches them.
    // Nor does it reach a subscriber known to be roaming: the gateway is how a roamer's calls come home.
    if (
      trunk !== '' &&
      (s.trunk0 === trunk || s.trunk1 === trunk || (!roaming && this.taintable(trunk, callingE164)))
    ) {
      if (s.trunk0 === trunk) slots = SLOT_T0;
      else if (s.trunk0 === '') {
        s.trunk0 = this.trunkName(trunk);
        slots = SLOT_T0;
      } else if (s.trunk1 === trunk) slots = SLOT_T1;
      else if (s.trunk1 === '') {
        s.trunk1 = this.trunkName(trunk);
        slots = SLOT_T1;
      }
    }
    if (device !== '') {
      if (s.device0 === '') s.device0 = device;
      if (s.device0 === device) slots |= SLOT_D0;
    }
    if ((flags & F_NIGHT) !== 0) nightCall(s, h[0], sec, (flags & F_REJECTED) === 0);
    else if (s.pestCalls > 0 && (flags & (F_REJECTED | F_SHORT)) === 0 && s.pestCallee === h[0])
      // A conversation by day with the person rung at night: the two talk, as family and partners do;
      // a harasser's target does not talk with them by day.
      s.pestCalls = Math.max(0, s.pestCalls - 2);
    // 30 bits of the callee hash: a small integer, which V8 stores in the object itself (a full 32-bit
    // hash is boxed, and every store then touches the box too).
    slowCall(s, h[0] & 0x3fffffff, sec, this.clock, (flags & F_REJECTED) === 0);
    s.calleeBlocks |= 1 << ((h[1] >>> 0) % BLOCK_BITS);
    if (h[0] === s.lastCallee) s.calleeRepeats++;
    s.lastCallee = h[0];
    let evaluate = false;
    if (s.rich !== null) {
      const rich = s.rich;
      const crossed = rich.advance(sec);
      const calleeNum = calledE164 !== '' ? nationalValue(calledE164) : 0;
      flags |= rich.callerContext(sec, calleeNum, h[0], rules.sequentialDistance);
      rich.record(sec, flags, talkSec, h, true, slots);
      // The complaint rate's denominator: answered calls over the same span as complaints_total.
      if (answered) s.answered++;
      s.sinceEval++;
      const attempts = rich.qTotal[0] ?? 0;
      // Busy numbers are re-scored when their attempts grew ~2%: cheap, and still deterministic.
      evaluate =
        crossed ||
        attempts <= 64 ||
        s.sinceEval >= Math.max(rules.evaluateEvery, attempts / 48) ||
        (flags & F_IDENTITY) !== 0;
    } else {
      if ((flags & F_ATTESTATION_C) !== 0) s.attC++;
      if ((flags & F_ATTESTATION_NONE) !== 0) s.attNone++;
      if ((flags & F_ATTESTATION_A) !== 0) s.attA++;
      if (answered) {
        s.answered++;
        s.talk += Math.min(Math.round(talkSec), 86_400);
      }
      if ((flags & F_VIDEO) !== 0) s.video++;
      if ((slots & SLOT_T0) !== 0) s.nT0++;
      if ((slots & SLOT_T1) !== 0) s.nT1++;
      if ((slots & SLOT_D0) !== 0) s.nD0++;
      s.sinceEval++;
      evaluate = s.complaints > 0 || this.tainted(s) || s.pestNights >= 2 || slowEvidence(s);
    }
    if (evaluate) {
      s.sinceEval = 0;
      this.stage.evaluate(calling, s, setupMs);
    }

    // Sources see only the call's own facts: their state must not depend on taint (no cycle).
    const obsFlags = flags & ~F_REJECTED;
    if (trunk !== '')
      this.emit(this.observation('trunk', trunk, setupMs, calling, callerHash, talkSec, obsFlags));
    if (carrier !== '')
      this.emit(this.observation('carrier', carrier, setupMs, calling, callerHash, talkSec, obsFlags));
    if (device !== '')
      this.emit(this.observation('device', device, setupMs, calling, callerHash, talkSec, obsFlags));
  }

  /**
   * A call received by one of this stage's numbers (its hashString: `hash`) at event time `sec`,
   * made by a caller of any partition. Counts are sums, so the order they arrive in does not matter.
   */
  addReceived(sec: number, hash: number): void {
    this.received.add(sec, hash);
    this.called.add(sec, hash);
  }

  /** Fills the one observation object this stage emits (reused: the consumer copies what it keeps). */
  private observation(
    kind: SourceObservation['kind'],
    id: string,
    timeMs: number,
    caller: string,
    callerHash: number,
    talkSec: number,
    flags: number,
  ): SourceObservation {
    const h = this.hashes;
    const o = this.obs;
    o.kind = kind;
    o.id = id;
    o.timeMs = timeMs;
    o.caller = caller;
    o.callerHash = callerHash;
    o.calleeHash = h[0];
    o.blockHash = h[1];
    o.regionHash = h[2];
    o.talkSec = talkSec;
    o.flags = flags;
    return o;
  }

  /**
   * A complaint against a number, kept with its event time apart from the call windows (complaints
   * and calls arrive on different partitions, in any order; the result must not depend on it).
   */
  onComplaint(c: IComplaintEvent): void {
    const key = c.reported?.e164 || c.reported?.raw || '';
    if (key === '') return;
    const timeMs = Number(c.timeMs ?? 0);
    const sec = Math.floor(timeMs / 1000);
    this.stage.observeTime(timeMs);
    const s = this.stage.state(key, sec);
    const reporter = c.reporter?.e164 || c.reporter?.raw || '';
    s.addComplaint(sec, reporter === '' ? 0 : hashString(reporter));
    this.stage.evaluate(key, s, timeMs);
  }

  private taintable(trunk: string, callingE164: string): boolean {
    const home = this.rules.homeCountryCode;
    if (home === undefined || callingE164 === '' || callingE164.startsWith(home)) return true;
    const intl = this.rules.internationalTrunkPrefixes;
    for (let i = 0; i < intl.length; i++) if (trunk.startsWith(intl[i]!)) return false;
    return true;
  }

  private trunkName(trunk: string): string {
    let name = this.trunkNames.get(trunk);
    if (name === undefined) {
      if (this.trunkNames.size >= TRUNK_NAMES_CAP) this.trunkNames.clear();
      name = trunk;
      this.trunkNames.set(trunk, name);
    }
    return name;
  }

  /** What taintedCalls() found: calls through flagged trunks, and through a flagged device. */
  private taintedVia = 0;
  private taintedDev = 0;

  /** Counts a number's calls through its remembered trunks and device that are flagged now (no tuple: hot). */
  private taintedCalls(s: SubjectState): void {
    const r = s.rich;
    let via = 0;
    let dev = 0;
    const trunks = this.taint.trunks;
    if (s.trunk0 !== '' && trunks.has(s.trunk0)) via += r !== null ? r.slotCalls(C_T0) : s.nT0;
    if (s.trunk1 !== '' && trunks.has(s.trunk1)) via += r !== null ? r.slotCalls(C_T1) : s.nT1;
    if (s.device0 !== '' && this.taint.devices.has(s.device0)) dev = r !== null ? r.slotCalls(C_D0) : s.nD0;
    this.taintedVia = via;
    this.taintedDev = dev;
  }

  /** True when a number made calls through a source flagged now. */
  tainted(s: SubjectState): boolean {
    if (this.taint.size === 0) return false;
    this.taintedCalls(s);
    return this.taintedVia > 0 || this.taintedDev > 0;
  }

  /** Number-only features, looked up at scoring time: taint shares and calls received. */
  private decorate(key: string, s: SubjectState, f: Float64Array): void {
    this.taintedCalls(s);
    const via = this.taintedVia;
    const dev = this.taintedDev;
    const att = s.rich !== null ? s.rich.qTotal[0]! : s.calls;
    f[SPOOFING_SHARE] = att > 0 ? Math.min(1, via / att) : 0;
    f[DEVICE_SHARE] = att > 0 ? Math.min(1, dev / att) : 0;
    const keyHash = hashString(key);
    const received = this.received.count(s.lastSec, keyHash);
    f[RECEIVED] = received;
    f[RECEIVED_RECENTLY] = this.called.has(s.lastSec, keyHash) ? 1 : 0;
    f[CAMPAIGN_MEMBERS] = this.campaignOf(key, s);
    const recent = s.lastSec - s.pestLastSec < NIGHT_MEMORY_SEC;
    f[NIGHT_REPEAT_CALLS] = recent ? s.pestCalls : 0;
    f[NIGHT_REPEAT_NIGHTS] = recent ? s.pestNights : 0;
    f[WATCHED_BEFORE] = (s.firstSec - this.watchedSinceSec) / 3600;
    f[ATTESTATION_IN_USE] = this.attestation.inUse ? 1 : 0;
    f[MADE_RECEIVED] = (f[ATTEMPTS_24H] ?? 0) / Math.max(1, received);
    f[CALLEE_REPEATS] = s.calleeRepeats;
    const days = slowDaysAt(s, this.clock.dayOf(s.lastSec));
    f[REPEAT_CALLEE_CALLS] = days > 0 ? s.slowCalls : 0;
    f[REPEAT_CALLEE_DAYS] = days;
  }

  /**
   * What every thin-campaign number shows, whatever its attestation: a tiny (never busy) number that
   * entered through a trunk, that nobody called lately, with few answered calls that were hung up on
   * soon (a conversation is a subscriber's), each to someone new (people call the same few people
   * again; a campaign works through a list).
   */
  private campaignShape(key: string, s: SubjectState): boolean {
    const c = this.rules.campaign;
    const calls = s.calls;
    return (
      s.rich === null &&
      s.trunk0 !== '' &&
      s.answered <= calls * c.maxAnswerRatio &&
      s.talk <= s.answered * c.maxMeanTalkSeconds &&
      s.calleeRepeats === 0 &&
      !this.called.has(s.lastSec, hashString(key))
    );
  }

  /** Calls enough, and unverified enough, to count toward a campaign (with the shape above). */
  private countsToward(s: SubjectState): boolean {
    const c = this.rules.campaign;
    return s.calls >= c.minCalls && s.attC >= s.calls * c.minUnverifiedShare;
  }

  /**
   * Evidence that counts toward a campaign: the shape, with many of the calls unverified. Alone
   * each such number is an ordinary subscriber; many of them on one trunk are a campaign.
   */
  private campaignEvidence(key: string, s: SubjectState): boolean {
    return this.countsToward(s) && this.campaignShape(key, s);
  }

  /**
   * Evidence enough to join a campaign already found on the number's trunk: the evidence above, or
   * the shape over `campaign.joinMinCalls` calls with none attested A and some unverified, or over
   * `campaign.joinMinCallsUnanswered` calls with every one unverified and unanswered where calls
   * are attested at all. A campaign's numbers share one attestation mix and a few of them draw
   * mostly B by chance; a subscriber gets A on some calls. It does not count toward the campaign
   * itself, so the member count and the campaign's blocks stay what the stronger evidence says.
   * The call counts are checked first: the shape looks the number up among those called lately.
   */
  private joinEvidence(key: string, s: SubjectState): boolean {
    const c = this.rules.campaign;
    const calls = s.calls;
    const enough =
      this.countsToward(s) ||
      (calls >= c.joinMinCalls && s.attA === 0 && s.attC > 0) ||
      (calls >= c.joinMinCallsUnanswered && this.attestation.inUse && s.answered === 0 && s.attC === calls);
    return enough && this.campaignShape(key, s);
  }

  /**
   * The campaign a number belongs to now: its trunk's member count, or 0. Evidence and trunk are not
   * enough: the number must also have dialled only blocks the campaign dials (a campaign works
   * through a list; a subscriber who looks like a member calls their own contacts).
   */
  private campaignOf(key: string, s: SubjectState): number {
    if (s.trunk0 === '') return 0;
    const members = this.campaigns.members(s.trunk0);
    return members > 0 && this.joinEvidence(key, s) && this.campaigns.dialsBlocks(s.trunk0, s.calleeBlocks)
      ? members
      : 0;
  }

  /**
   * Counts this stage's numbers with campaign evidence per entry trunk and reports them to the
   * campaign table, where a trunk with at least `campaign.minMembers` of them over every stage
   * carries a campaign. Runs at every sweep (within the sweep's pass) and at the end of input, over
   * the stage's whole state, so the result depends on the state, not on the order calls arrived in.
   */
  detectCampaigns(): void {
    const counts = new Map<string, number>();
    this.stage.states.forEach((s, key) => this.countEvidence(counts, key, s));
    this.campaigns.update(this.partition, counts);
  }

  private countEvidence(counts: Map<string, number>, key: string, s: SubjectState): void {
    if (!this.campaignEvidence(key, s)) return;
    counts.set(s.trunk0, (counts.get(s.trunk0) ?? 0) + 1);
    for (let bit = 0, m = s.calleeBlocks; m !== 0; bit++, m >>>= 1) {
      if ((m & 1) === 0) continue;
      const k = campaignBlockKey(s.trunk0, bit);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }

  /** Campaigns changed (in any stage): this stage's members and former members are re-scored at once. */
  private onCampaigns(trunks: ReadonlySet<string>): void {
    this.stage.states.forEach((s, key) => {
      if (trunks.has(s.trunk0) && (this.stage.verdicts.has(key) || this.campaignOf(key, s) > 0))
        this.stage.evaluate(key, s, s.lastSec * 1000);
    });
  }

  /**
   * A source started tainting its callers: this stage's numbers that called through it are
   * re-scored now (at their own latest event time), not at their next call. Taint changes are
   * rare (a source's level or category changing), so a pass over the stage costs little.
   */
  private implicate(kind: SubjectKindName, id: string): void {
    this.stage.states.forEach((s, key) => {
      const used = kind === 'device' ? s.device0 === id : s.trunk0 === id || s.trunk1 === id;
      if (used) this.stage.evaluate(key, s, s.lastSec * 1000);
    });
  }

  /**
   * End of input (or caught up): every number that can be above NONE is scored on its final state
   * with the final taints and published exactly, then expired risk is tombstoned. The result is a
   * function of the input, not of the order in which partitions or stages delivered it.
   */
  flush(): void {
    const stage = this.stage;
    for (const [key, s] of stage.states) {
      if (
        s.rich !== null ||
        s.complaints > 0 ||
        stage.verdicts.has(key) ||
        this.tainted(s) ||
        this.campaignOf(key, s) > 0
      ) {
        s.sinceEval = 0;
        stage.evaluate(key, s, s.lastSec * 1000, true);
      }
    }
    stage.sweep();
    stage.republishSuspects();
  }

  /**
   * Compact binary snapshot of the whole stage, with its own campaign counts. The taint it sees is
   * the source stages' and is rebuilt from them (or from source-risk.v1), not kept here.
   */
  snapshot(): Buffer {
    return writeStage(
      this.stage,
      {
        campaignCounts: [...this.campaigns.countsOf(this.partition)],
        history: this.history.toJSON(),
        watchedSinceSec: Number.isFinite(this.watchedSinceSec) ? this.watchedSinceSec : null,
        attestation: this.attestation.toJSON(),
      },
      [this.received.toBytes(), this.called.toBytes(), this.callIds.toBytes()],
    );
  }

  restore(buf: Buffer): void {
    const { extra: json, tables } = readStage(this.stage, buf);
    const extra = json as {
      /** The tables, as base64, in snapshots before RFS8 stored them as bytes. */
      received?: string;
      called?: string;
      campaignCounts?: [string, number][];
      /** Before the campaign table: the trunks carrying a campaign, with their member counts. */
      campaigns?: [string, number][];
      callIds?: string;
      history?: { keys: string[]; rows: string };
      /** Null before the stage saw a call; absent in snapshots from before it was kept. */
      watchedSinceSec?: number | null;
      /** Calls with any attestation, and calls counted; absent before it was kept. */
      attestation?: [number, number];
    };
    if (tables.length !== 0 && tables.length !== 3) {
      throw new RingfenceError('INTEGRITY', `number stage snapshot has ${tables.length} tables, not 3`);
    }
    const [received, called, callIds] =
      tables.length > 0 ? tables : [extra.received, extra.called, extra.callIds].map(fromBase64);
    // Snapshots written before the sketch existed restore with it empty: received calls are
    // under-counted for a day, never over-counted.
    if (received === undefined) this.received.clear();
    else this.received.fromBytes(received);
    // Likewise the callee filter: until it fills, numbers count as never called for up to two days.
    if (called === undefined) this.called.clear();
    else this.called.fromBytes(called);
    // Snapshots from before call-id deduplication (RFS3) restore with no ids: a resend of a call
    // counted before the restore counts once more.
    if (callIds === undefined) this.callIds.clear();
    else this.callIds.fromBytes(callIds);
    this.campaigns.load(this.partition, new Map(extra.campaignCounts ?? extra.campaigns ?? []));
    // Snapshots from before carried history restore with none: numbers evicted before it start afresh.
    this.history.restore(extra.history);
    // Snapshots written before the watch start was kept come from a stage that had been running:
    // its numbers are judged as before, as if it had been watching for ever.
    this.watchedSinceSec =
      extra.watchedSinceSec === undefined
        ? Number.NEGATIVE_INFINITY
        : (extra.watchedSinceSec ?? Number.POSITIVE_INFINITY);
    // Snapshots from before restore as a stage whose calls are attested: judged as before.
    this.attestation.restore(extra.attestation);
  }

  onFeedback(fb: FeedbackInput): void {
    if (fb.kind === 'number') this.stage.applyFeedback(fb.id, fb);
  }
}

function fromBase64(s: string | undefined): Uint8Array | undefined {
  return s === undefined ? undefined : Buffer.from(s, 'base64');
}
