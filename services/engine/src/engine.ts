import { RingfenceError } from '@ringfence/common';
import type { ICallDetailRecord, IComplaintEvent } from '@ringfence/proto';
import { CampaignTable } from './campaign-table.js';
import type { FeedbackInput } from './feedback.js';
import { NumberStage } from './number-stage.js';
import type { SourceObservation } from './observation.js';
import { numberPartition, sourcePartition } from './partitioning.js';
import type { Rules, SubjectKindName } from './rules.js';
import { SourceStage } from './source-stage.js';
import { TaintTable } from './taint-table.js';
import type { EngineSink } from './verdict.js';

export interface EngineOptions {
  /** cdr.v1 partitions: the numbers are kept in one stage per partition (default 1). */
  numberPartitions?: number;
  /** scorer.source-events.v1 partitions: the sources are kept in one stage per partition (default 1). */
  sourcePartitions?: number;
  /** Where source verdicts go; default: the engine's sink. */
  sourceSink?: EngineSink;
  /**
   * Where observations go, with the source stage (partition) that applies them; default: straight
   * to that stage. The scorer service sends them through scorer.source-events.v1 instead.
   */
  emit?: (o: SourceObservation, partition: number) => void;
}

const MAGIC = 0x52464532; // "RFE2"

/**
 * The whole engine: one number stage per cdr.v1 partition and one source stage per
 * scorer.source-events.v1 partition, coupled only through what a partitioned deployment can share:
 * observations (source stages), calls received (the callee's stage), the taint table (source
 * verdicts) and the campaign table (per-partition counts, summed). `ringfence score` runs it in
 * one process; the scorer service runs the same stages with Kafka between them. Final verdicts
 * depend on the input and the partition counts, not on the order partitions are read in
 * (docs/scoring.md, "Partitions").
 */
export class Engine {
  readonly numbers: readonly NumberStage[];
  readonly sources: readonly SourceStage[];
  readonly taint = new TaintTable();
  readonly campaigns: CampaignTable;

  constructor(rules: Rules, sink: EngineSink, options: EngineOptions = {}) {
    const np = options.numberPartitions ?? 1;
    const sp = options.sourcePartitions ?? 1;
    this.campaigns = new CampaignTable(rules.campaign.minMembers, rules.campaign.minBlockShare);
    const emit =
      options.emit ??
      ((o: SourceObservation, partition: number) => this.sources[partition]!.onObservation(o));
    const numbers: NumberStage[] = [];
    for (let p = 0; p < np; p++) {
      numbers.push(
        new NumberStage(rules, sink, (o) => emit(o, sourcePartition(o.kind, o.id, sp)), {
          partition: p,
          taint: this.taint,
          campaigns: this.campaigns,
          ...(np > 1
            ? {
                receivedBy: (callee: string, sec: number, hash: number) =>
                  numbers[numberPartition(callee, np)]!.addReceived(sec, hash),
              }
            : {}),
        }),
      );
    }
    this.numbers = numbers;
    const sources: SourceStage[] = [];
    for (let p = 0; p < sp; p++)
      sources.push(
        new SourceStage(rules, options.sourceSink ?? sink, { taint: this.taint, campaigns: this.campaigns }),
      );
    this.sources = sources;
  }

  /** The number stage that holds `key` (a calling or reported number). */
  numberStageOf(key: string): NumberStage {
    return this.numbers[numberPartition(key, this.numbers.length)]!;
  }

  /** The source stage that holds a source. */
  sourceStageOf(kind: SubjectKindName, id: string): SourceStage {
    return this.sources[sourcePartition(kind, id, this.sources.length)]!;
  }

  onCdr(cdr: ICallDetailRecord): void {
    const key = cdr.calling?.e164 || cdr.calling?.raw || '';
    if (key !== '') this.numberStageOf(key).onCdr(cdr);
  }

  onComplaint(c: IComplaintEvent): void {
    const key = c.reported?.e164 || c.reported?.raw || '';
    if (key !== '') this.numberStageOf(key).onComplaint(c);
  }

  onFeedback(fb: FeedbackInput): void {
    if (fb.kind === 'number') this.numberStageOf(fb.id).onFeedback(fb);
    else this.sourceStageOf(fb.kind, fb.id).onFeedback(fb);
  }

  /**
   * End of input (or caught up): campaigns from every number stage's final state, then final
   * source scores (and so final taints), then final number scores; expired risk tombstoned.
   */
  flush(): void {
    for (const n of this.numbers) n.detectCampaigns();
    for (const s of this.sources) s.flush();
    for (const n of this.numbers) n.flush();
  }

  /** Sweeps every stage at event time `timeMs` (a watermark no input partition is behind). */
  sweep(timeMs: number): void {
    for (const n of this.numbers) n.stage.sweep(timeMs);
    for (const s of this.sources) s.stage.sweep(timeMs);
  }

  /** Turns the stages' own hourly sweeps off (a service that reads partitions in any order sweeps itself). */
  set autoSweep(on: boolean) {
    for (const n of this.numbers) n.stage.autoSweep = on;
    for (const s of this.sources) s.stage.autoSweep = on;
  }

  /** Every stage's state as one binary blob: magic, counts, then each stage's length and bytes. */
  snapshot(): Buffer {
    const parts = [...this.numbers.map((n) => n.snapshot()), ...this.sources.map((s) => s.snapshot())];
    const head = Buffer.alloc(12 + 4 * parts.length);
    head.writeUInt32LE(MAGIC, 0);
    head.writeUInt32LE(this.numbers.length, 4);
    head.writeUInt32LE(this.sources.length, 8);
    parts.forEach((b, i) => head.writeUInt32LE(b.length, 12 + 4 * i));
    return Buffer.concat([head, ...parts]);
  }

  /** Restores what snapshot() wrote (the same partition counts), and the tables the stages imply. */
  restore(buf: Buffer): void {
    if (buf.length < 12 || buf.readUInt32LE(0) !== MAGIC)
      throw new RingfenceError('INTEGRITY', 'not an engine snapshot');
    const np = buf.readUInt32LE(4);
    const sp = buf.readUInt32LE(8);
    if (np !== this.numbers.length || sp !== this.sources.length)
      throw new RingfenceError(
        'INVALID_ARGUMENT',
        `engine snapshot has ${np} number and ${sp} source partitions, this engine ${this.numbers.length} and ${this.sources.length}`,
      );
    let at = 12 + 4 * (np + sp);
    const next = (i: number): Buffer => {
      const len = buf.readUInt32LE(12 + 4 * i);
      if (at + len > buf.length) throw new RingfenceError('INTEGRITY', 'engine snapshot is truncated');
      const part = buf.subarray(at, at + len);
      at += len;
      return part;
    };
    this.numbers.forEach((n, i) => n.restore(next(i)));
    this.sources.forEach((s, i) => s.restore(next(np + i)));
    this.rebuildTaint();
  }

  /** The taint table as the source stages' state implies it (after a restore). */
  rebuildTaint(): void {
    const entries: [SubjectKindName, string][] = [];
    for (const s of this.sources) {
      for (const key of s.flaggedKeys()) {
        const i = key.indexOf(':');
        entries.push([key.slice(0, i) as SubjectKindName, key.slice(i + 1)]);
      }
    }
    this.taint.load(entries);
  }

  /** Subjects currently tracked (numbers and sources). */
  get tracked(): number {
    let n = 0;
    for (const s of this.numbers) n += s.stage.states.size;
    for (const s of this.sources) n += s.stage.states.size;
    return n;
  }

  get lateRecords(): number {
    let n = 0;
    for (const s of this.numbers) n += s.stage.lateRecords;
    return n;
  }

  /** CDRs recognised as copies of one already counted, and ignored. */
  get duplicates(): number {
    let n = 0;
    for (const s of this.numbers) n += s.duplicates;
    return n;
  }
}
