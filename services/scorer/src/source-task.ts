import type { KafkaMessage } from 'kafkajs';
import { SourceStage, type CampaignTable, type Rules, type TaintTable } from '@ringfence/engine';
import { decodeFeedback, forEachObservation } from './codec.js';
import { ScorerTask, type TaskContext } from './scorer-task.js';
import { sourceGroupId } from './scorer-topics.js';

const MAGIC = 0x52465354; // "RFST"
const HOUR_MS = 3_600_000;
/** Order of a CDR's observations (one per source kind), for the replay filter. */
const KIND_SEQ = { trunk: 0, carrier: 1, device: 2 } as const;
/** First bytes of the keys on scorer.source-events.v1. */
const PACK = 0x70; // "pack:<s>"
const CLOCK = 0x63; // "clock:<p>"
const FEEDBACK = 0x66; // "feedback:<p>:<offset>"

interface Extra {
  /** Per number partition: the highest (origin offset × 4 + kind) applied; a replay applies nothing twice. */
  applied: number[];
  /** Per number partition: the highest feedback.v1 offset whose source decision was applied. */
  feedback: number[];
  /** Per number partition: how far its calls have got (observations and markers), for sweeps. */
  clock: number[];
  lastSweepMs: number;
}

/**
 * The source stage of one scorer.source-events.v1 partition: the observations of every number
 * partition for the sources that hash here, the source decisions operators took, and event-time
 * markers. Its verdicts go to source-risk.v1, from which every instance derives its taint table.
 */
export class SourceTask extends ScorerTask {
  readonly stage: SourceStage;
  private extra: Extra;

  constructor(
    ctx: TaskContext,
    readonly partition: number,
    rules: Rules,
    tables: { taint: TaintTable; campaigns: CampaignTable },
  ) {
    super(ctx, `s${partition}`, sourceGroupId(ctx.config.groupId));
    this.stage = new SourceStage(rules, this.sink(ctx.topics.sourceRisk), tables);
    this.stage.stage.autoSweep = false;
    const np = ctx.numberPartitions;
    this.extra = {
      applied: new Array<number>(np).fill(-1),
      feedback: new Array<number>(np).fill(-1),
      clock: new Array<number>(np).fill(-1),
      lastSweepMs: 0,
    };
  }

  /**
   * Applies one record of this task's partition (copies of what was applied are skipped); false for
   * an event-time marker, which is not input of its own.
   */
  apply(msg: KafkaMessage): boolean {
    const value = msg.value;
    if (value === null) return true;
    const key = msg.key;
    const kind = key === null || key.length === 0 ? 0 : key[0];
    const x = this.extra;
    if (kind === PACK) {
      forEachObservation(value, (o, from) => {
        const seq = from.offset * 4 + KIND_SEQ[o.kind];
        if (seq <= (x.applied[from.partition] ?? -1)) {
          this.ctx.metrics.skipped.inc({ topic: this.ctx.topics.sourceEvents, why: 'replayed' });
          return;
        }
        x.applied[from.partition] = seq;
        if (o.timeMs > (x.clock[from.partition] ?? -1)) x.clock[from.partition] = o.timeMs;
        this.stage.onObservation(o);
      });
    } else if (kind === CLOCK) {
      const from = Number(key!.subarray(6).toString());
      const timeMs = value.readDoubleLE(0);
      if (timeMs > (x.clock[from] ?? -1)) x.clock[from] = timeMs;
      return false;
    } else if (kind === FEEDBACK) {
      const [, from, offset] = key!.toString().split(':');
      const p = Number(from);
      if (Number(offset) <= (x.feedback[p] ?? -1)) return true;
      x.feedback[p] = Number(offset);
      const fb = decodeFeedback(value);
      if (fb !== undefined) this.stage.onFeedback(fb);
    }
    return true;
  }

  /** Sweeps (at most once per event-time hour) where no number partition's calls are behind. */
  maybeSweep(): void {
    let w = Number.POSITIVE_INFINITY;
    for (const c of this.extra.clock) if (c < w) w = c;
    if (w < 0 || w - this.extra.lastSweepMs < HOUR_MS) return;
    this.extra.lastSweepMs = w;
    this.stage.stage.sweep(w);
  }

  flush(): void {
    this.stage.flush();
  }

  protected drain(): void {
    // The source stage's outputs go straight into the buffer.
  }

  protected state(): Buffer[] {
    return this.packState(MAGIC, this.stage.snapshot(), this.extra);
  }

  inputs(): readonly string[] {
    return [this.ctx.topics.sourceEvents];
  }

  protected restoreState(buf: Buffer): void {
    const { stage, extra } = this.unpackState(MAGIC, buf);
    this.stage.restore(stage);
    this.extra = extra as Extra;
  }
}
