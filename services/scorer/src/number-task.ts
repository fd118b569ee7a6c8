import type { KafkaMessage } from 'kafkajs';
import {
  NumberStage,
  numberPartition,
  sourcePartition,
  type CampaignTable,
  type Rules,
  type TaintTable,
} from '@ringfence/engine';
import { cdrv1 } from '@ringfence/proto';
import { decodeCdrForScoring } from './cdr-decoder.js';
import { decodeFeedback } from './codec.js';
import { InputWatermark } from './input-watermark.js';
import { ObservationPacker } from './observation-packer.js';
import { ReceivedPacker, forEachReceived } from './received-packer.js';
import { ScorerTask, partitionKey, type TaskContext } from './scorer-task.js';
import { numberInputs } from './scorer-topics.js';

const MAGIC = 0x52464e54; // "RFNT"
const HOUR_MS = 3_600_000;
/** Wall-clock interval between event-time markers to each source partition (see publishMarkers). */
const MARKER_INTERVAL_MS = 1_000;

/** What the number task keeps beside its stage. */
interface Extra {
  /** Highest origin CDR offset counted from each cdr.v1 partition's calls received. */
  received: number[];
  lastSweepMs: number;
  /** Campaign counts as last published. */
  published: string;
}

/**
 * The number stage of one cdr.v1 partition `p`, with what is co-partitioned with it: complaints,
 * operator decisions and the calls its numbers receive (scorer.received.v1, partition p). Emits
 * observations to the source stages, each call's callee to the callee's partition, event-time
 * markers so source stages know how far this partition has got, and its campaign counts.
 */
export class NumberTask extends ScorerTask {
  readonly stage: NumberStage;
  private readonly watermark = new InputWatermark();
  private readonly packer: ObservationPacker;
  private readonly receivedPacker: ReceivedPacker;
  private readonly origin = { partition: 0, offset: 0 };
  private extra: Extra;
  /** When the last markers were sent (wall clock), and the event time they carried. */
  private markedAt = 0;
  private markedMs = -1;
  /** Newest CDR event time applied: no later call of this partition is older (less the lateness). */
  private newestCdrMs = -1;
  /** This partition's watermark key for cdr.v1, built once: every CDR updates it. */
  private readonly cdrKey: string;

  constructor(
    ctx: TaskContext,
    readonly partition: number,
    rules: Rules,
    tables: { taint: TaintTable; campaigns: CampaignTable },
  ) {
    super(ctx, `n${partition}`, ctx.config.groupId);
    const t = ctx.topics;
    const sp = ctx.sourcePartitions;
    const np = ctx.numberPartitions;
    this.origin.partition = partition;
    this.cdrKey = partitionKey(t.cdr, partition);
    this.packer = new ObservationPacker(sp, 64 * 1024, (s, value) =>
      this.out.push(t.sourceEvents, `pack:${s}`, value, s),
    );
    this.receivedPacker = new ReceivedPacker(partition, np, 4096, (target, value) =>
      this.out.push(t.received, `recv:${partition}`, value, target),
    );
    this.stage = new NumberStage(
      rules,
      this.sink(t.callerRisk),
      (o) => this.packer.add(o, this.origin, sourcePartition(o.kind, o.id, sp)),
      {
        partition,
        taint: tables.taint,
        campaigns: tables.campaigns,
        receivedBy: (callee, sec, hash) =>
          this.receivedPacker.add(numberPartition(callee, np), this.origin.offset, sec, hash),
      },
    );
    this.stage.stage.autoSweep = false;
    this.extra = { received: new Array<number>(np).fill(-1), lastSweepMs: 0, published: '' };
  }

  /** Starts the watermark on calls or complaints, whose partition ends at `end` now. */
  track(topic: string, end: number): void {
    this.watermark.track(partitionKey(topic, this.partition), end);
  }

  /** Applies one record of this task's partition of `topic`. */
  apply(topic: string, msg: KafkaMessage): void {
    const value = msg.value;
    if (value === null) return;
    const t = this.ctx.topics;
    const p = this.partition;
    if (topic === t.cdr) {
      this.origin.offset = Number(msg.offset);
      const cdr = decodeCdrForScoring(value);
      const timeMs = Number(cdr.setupTimeMs);
      this.watermark.seen(this.cdrKey, timeMs);
      if (timeMs > this.newestCdrMs) this.newestCdrMs = timeMs;
      this.stage.onCdr(cdr);
    } else if (topic === t.received) {
      const applied = this.extra.received;
      forEachReceived(value, (origin, offset, sec, hash) => {
        if (offset <= (applied[origin] ?? -1)) return;
        applied[origin] = offset;
        this.stage.addReceived(sec, hash);
      });
    } else if (topic === t.complaints) {
      const c = cdrv1.ComplaintEvent.decode(value);
      this.watermark.seen(partitionKey(topic, p), Number(c.timeMs));
      this.stage.onComplaint(c);
    } else if (topic === t.feedback) {
      const fb = decodeFeedback(value);
      if (fb === undefined) return;
      if (fb.kind === 'number') this.stage.onFeedback(fb);
      // A source's decision goes to its source stage, in this task's transaction (exactly once).
      else
        this.out.push(
          t.sourceEvents,
          `feedback:${p}:${msg.offset}`,
          value,
          sourcePartition(fb.kind, fb.id, this.ctx.sourcePartitions),
        );
    }
  }

  /** Records how far a partition's input has been fetched (for the watermark). */
  fetched(topic: string, end: number): void {
    this.watermark.fetched(partitionKey(topic, this.partition), end);
  }

  /** Sweeps (at most once per event-time hour) where neither calls nor complaints are behind. */
  maybeSweep(): void {
    const w = this.watermark.value((key) => this.positions.get(key)?.offset ?? 0);
    if (w - this.extra.lastSweepMs < HOUR_MS) return;
    this.extra.lastSweepMs = w;
    this.stage.stage.sweep(w);
    this.publishCounts();
  }

  /** End of input (or caught up): campaigns first, then (after the source stages) final scores. */
  detectCampaigns(): void {
    this.stage.detectCampaigns();
    this.publishCounts();
  }

  flush(): void {
    this.stage.flush();
    this.publishCounts();
  }

  /** This partition's campaign counts to scorer.campaign-counts.v1, when they changed. */
  private publishCounts(): void {
    const counts = [...this.stage.campaigns.countsOf(this.partition)].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const text = JSON.stringify(counts);
    if (text === this.extra.published) return;
    this.extra.published = text;
    this.out.push(this.ctx.topics.campaignCounts, String(this.partition), Buffer.from(text));
  }

  protected drain(): void {
    this.packer.drain();
    this.receivedPacker.drain();
    this.publishMarkers();
  }

  /**
   * Tells every source stage how far this partition's calls have got (`clock:<p>`, the newest CDR
   * event time): a source stage sweeps only where no number partition is behind, and a partition
   * may send it no observation for a long time.
   */
  private publishMarkers(): void {
    const newest = this.newestCdrMs;
    if (newest <= this.markedMs) return;
    const now = Date.now();
    if (now - this.markedAt < MARKER_INTERVAL_MS) return;
    this.markedAt = now;
    this.markedMs = newest;
    const value = Buffer.allocUnsafe(8);
    value.writeDoubleLE(newest, 0);
    for (let s = 0; s < this.ctx.sourcePartitions; s++)
      this.out.push(this.ctx.topics.sourceEvents, `clock:${this.partition}`, value, s);
  }

  protected state(): Buffer[] {
    return this.packState(MAGIC, this.stage.snapshot(), { ...this.extra, newestCdrMs: this.newestCdrMs });
  }

  inputs(): readonly string[] {
    return numberInputs(this.ctx.topics);
  }

  protected restoreState(buf: Buffer): void {
    const { stage, extra } = this.unpackState(MAGIC, buf);
    this.stage.restore(stage);
    const x = extra as Extra & { newestCdrMs: number };
    this.extra = { received: x.received, lastSweepMs: x.lastSweepMs, published: x.published };
    this.newestCdrMs = x.newestCdrMs;
  }
}
