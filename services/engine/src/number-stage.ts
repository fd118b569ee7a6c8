import { Attestation, Media, type ICallDetailRecord, type IComplaintEvent } from '@ringfence/proto';
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
  F_VIA_FLAGGED_DEVICE,
  F_VIA_SPOOFING_SOURCE,
  F_VIDEO,
} from './call-flags.js';
import type { FeedbackInput } from './feedback.js';
import { hashPrefix, hashString } from './hash.js';
import { LocalClock } from './local-time.js';
import { blockLength, nationalValue, regionLength, sharedPrefix } from './number-parts.js';
import type { SourceObservation } from './observation.js';
import type { Rules, SubjectKindName } from './rules.js';
import { readStage, writeStage } from './snapshot.js';
import { Stage } from './stage.js';
import { RichState } from './subject-state.js';
import type { EngineSink, Verdict } from './verdict.js';

const CAUSE_REJECTED = 21;

/**
 * Per calling number: windows, features and verdicts. Emits one source observation per call and
 * source (trunk, carrier, device) for the source stage.
 */
export class NumberStage {
  readonly stage: Stage;
  private readonly clock: LocalClock;
  private readonly onNet: readonly string[];
  private readonly nightFrom: number;
  private readonly nightTo: number;
  private readonly hashes: [number, number, number, number] = [0, 0, 0, 0];
  /** Sources currently flagged for spoofing (`<kind>:<id>`), from the source stage's verdicts. */
  readonly spoofingSources = new Set<string>();
  /** Devices currently at MEDIUM or above (any category), e.g. handsets cycling throw-away SIMs. */
  readonly flaggedDevices = new Set<string>();

  constructor(
    readonly rules: Rules,
    sink: EngineSink,
    private readonly emit: (o: SourceObservation) => void,
  ) {
    this.stage = new Stage(rules, sink, (key) => ['number', key], 'number');
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
    const answerMs = Number(cdr.answerTimeMs ?? 0);
    const releaseMs = Number(cdr.releaseTimeMs ?? setupMs);
    const sec = Math.floor(setupMs / 1000);
    const rules = this.rules;
    this.stage.observeTime(setupMs);

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
    if (carrier !== rules.onNetCarrier && callingE164 !== '' && this.isOnNet(callingE164)) {
      flags |= F_ONNET_OUTSIDE;
    }
    const att = cdr.attestation ?? Attestation.ATTESTATION_UNSPECIFIED;
    if (att === Attestation.ATTESTATION_A) flags |= F_ATTESTATION_A;
    else if (att === Attestation.ATTESTATION_C) flags |= F_ATTESTATION_C;
    else if (att === Attestation.ATTESTATION_UNSPECIFIED) flags |= F_ATTESTATION_C | F_ATTESTATION_NONE;
    const asserted = cdr.asserted?.e164 ?? '';
    if (asserted !== '' && asserted !== callingE164) flags |= F_ASSERTED_MISMATCH;
    // Neighbour spoofing needs an unverified identity: subscribers do call people in their own block.
    if (
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
    if (trunk !== '' && this.spoofingSources.size > 0 && this.spoofingSources.has(trunk)) {
      flags |= F_VIA_SPOOFING_SOURCE;
    }
    if (device !== '' && this.flaggedDevices.size > 0 && this.flaggedDevices.has(device)) {
      flags |= F_VIA_FLAGGED_DEVICE;
    }

    const h = this.hashes;
    h[0] = hashString(called);
    h[1] = calledE164 !== '' ? hashPrefix(calledE164, blockLength(calledE164)) : h[0];
    h[2] = calledE164 !== '' ? hashPrefix(calledE164, regionLength(calledE164)) : h[0];
    h[3] = 0;
    const callerHash = hashString(calling);

    const s = this.stage.state(calling, sec);
    s.calls++;
    const hour = Math.floor(sec / 3600);
    if (hour !== s.hour) {
      s.hour = hour;
      s.hourCalls = 0;
    }
    s.hourCalls++;
    if (
      s.rich === null &&
      (s.hourCalls >= rules.promoteCallsPerHour || (flags & F_IDENTITY) !== 0 || s.complaints > 0)
    ) {
      s.rich = new RichState();
      s.rich.advance(sec);
      s.rich.seed(s.firstSec, s, s.calls - 1);
    }
    if ((flags & F_ATTESTATION_C) !== 0) s.attC++;
    if ((flags & F_ATTESTATION_NONE) !== 0) s.attNone++;
    if ((flags & F_VIA_SPOOFING_SOURCE) !== 0) s.via++;
    if ((flags & F_VIA_FLAGGED_DEVICE) !== 0) s.viaDevice++;
    if (answered) s.answered++;
    let evaluate = s.rich === null && (s.via > 0 || s.viaDevice > 0);
    if (s.rich !== null) {
      const rich = s.rich;
      const crossed = rich.advance(sec);
      const calleeNum = calledE164 !== '' ? nationalValue(calledE164) : 0;
      flags |= rich.callerContext(sec, calleeNum, h[0], rules.sequentialDistance);
      rich.record(sec, flags, talkSec, h, true);
      s.sinceEval++;
      const attempts = rich.qTotal[0] ?? 0;
      // Busy numbers are re-scored when their attempts grew ~2%: cheap, and still deterministic.
      evaluate =
        crossed ||
        attempts <= 64 ||
        s.sinceEval >= Math.max(rules.evaluateEvery, attempts / 48) ||
        (flags & F_IDENTITY) !== 0;
    }
    if (evaluate) {
      s.sinceEval = 0;
      this.stage.evaluate(calling, s, setupMs);
    }

    const obsFlags = flags & ~F_REJECTED;
    if (trunk !== '')
      this.emit(this.observation('trunk', trunk, setupMs, calling, callerHash, talkSec, obsFlags));
    if (carrier !== '')
      this.emit(this.observation('carrier', carrier, setupMs, calling, callerHash, talkSec, obsFlags));
    if (device !== '')
      this.emit(this.observation('device', device, setupMs, calling, callerHash, talkSec, obsFlags));
  }

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
    return {
      kind,
      id,
      timeMs,
      caller,
      callerHash,
      calleeHash: h[0],
      blockHash: h[1],
      regionHash: h[2],
      talkSec,
      flags,
    };
  }

  /** A complaint against a number counts in its window at the complaint's event time. */
  onComplaint(c: IComplaintEvent): void {
    const key = c.reported?.e164 || c.reported?.raw || '';
    if (key === '') return;
    const timeMs = Number(c.timeMs ?? 0);
    const sec = Math.floor(timeMs / 1000);
    this.stage.observeTime(timeMs);
    const s = this.stage.state(key, sec);
    s.complaints++;
    if (s.rich === null) {
      s.rich = new RichState();
      s.rich.advance(Math.max(sec, s.lastSec));
      s.rich.seed(s.firstSec, s, s.calls);
    }
    s.rich.advance(sec);
    s.rich.recordComplaint(sec);
    this.stage.evaluate(key, s, timeMs);
  }

  /** Keeps the set of sources flagged for spoofing current (source-risk verdicts and tombstones). */
  onSourceVerdict(v: Verdict): void {
    const flagged = v.level === 'MEDIUM' || v.level === 'HIGH';
    // Carriers are too coarse: a campaign hiding in one of a carrier's trunks would taint all its subscribers.
    if (v.kind === 'trunk') {
      if (flagged && v.category === 'spoofing') this.spoofingSources.add(v.id);
      else this.spoofingSources.delete(v.id);
    } else if (v.kind === 'device') {
      if (flagged) this.flaggedDevices.add(v.id);
      else this.flaggedDevices.delete(v.id);
    }
  }

  onSourceExpired(key: string): void {
    if (key.startsWith('trunk:')) this.spoofingSources.delete(key.slice(6));
    if (key.startsWith('device:')) this.flaggedDevices.delete(key.slice(7));
  }

  /**
   * A call this number made at `timeMs` entered through a trunk since flagged for spoofing (or came
   * from a handset since flagged): counted as if it had been flagged then, and the number re-scored.
   */
  implicate(caller: string, timeMs: number, kind: SubjectKindName): void {
    const s = this.stage.states.get(caller);
    if (s === undefined) return;
    const device = kind === 'device';
    if (device) s.viaDevice++;
    else s.via++;
    if (s.rich !== null) s.rich.recordVia(Math.floor(timeMs / 1000), device);
    this.stage.evaluate(caller, s, Math.max(timeMs, s.lastSec * 1000));
  }

  /** Compact binary snapshot of the whole stage. */
  snapshot(): Buffer {
    return writeStage(this.stage, { spoofing: [...this.spoofingSources], devices: [...this.flaggedDevices] });
  }

  restore(buf: Buffer): void {
    const extra = readStage(this.stage, buf) as { spoofing: string[]; devices: string[] };
    this.spoofingSources.clear();
    this.flaggedDevices.clear();
    for (const t of extra.spoofing) this.spoofingSources.add(t);
    for (const d of extra.devices) this.flaggedDevices.add(d);
  }

  onFeedback(fb: FeedbackInput): void {
    if (fb.kind === 'number') this.stage.applyFeedback(fb.id, fb);
  }
}
