import type { ICallDetailRecord, IComplaintEvent } from '@ringfence/proto';
import type { FeedbackInput } from './feedback.js';
import { NumberStage } from './number-stage.js';
import type { Rules } from './rules.js';
import { SourceStage } from './source-stage.js';
import type { EngineSink } from './verdict.js';

/**
 * Both stages in one process, wired directly: what `ringfence score` runs. The scorer service runs
 * the same two stages with Kafka (scorer.source-events.v1) between them.
 */
export class Engine {
  readonly numbers: NumberStage;
  readonly sources: SourceStage;

  constructor(rules: Rules, sink: EngineSink) {
    this.sources = new SourceStage(rules, sink, {
      taint: (kind, id, tainted) => this.numbers.onTaint(kind, id, tainted),
      implicate: (caller) => this.numbers.implicate(caller),
    });
    this.numbers = new NumberStage(rules, sink, (o) => this.sources.onObservation(o), {
      campaign: (trunk, members) => this.sources.onCampaign(trunk, members),
    });
  }

  onCdr(cdr: ICallDetailRecord): void {
    this.numbers.onCdr(cdr);
  }

  onComplaint(c: IComplaintEvent): void {
    this.numbers.onComplaint(c);
  }

  onFeedback(fb: FeedbackInput): void {
    if (fb.kind === 'number') this.numbers.onFeedback(fb);
    else this.sources.onFeedback(fb);
  }

  /** End of input: final source scores (and taints), then final number scores; expired risk tombstoned. */
  flush(): void {
    // Campaigns first: the sources' final scores include the campaigns the final number state shows.
    this.numbers.detectCampaigns();
    this.sources.flush();
    this.numbers.flush();
  }

  /** Both stages' state as one binary blob (for durability and tests). */
  snapshot(): Buffer {
    const a = this.numbers.snapshot();
    const b = this.sources.snapshot();
    const head = Buffer.alloc(4);
    head.writeUInt32LE(a.length);
    return Buffer.concat([head, a, b]);
  }

  restore(buf: Buffer): void {
    const n = buf.readUInt32LE(0);
    this.numbers.restore(buf.subarray(4, 4 + n));
    this.sources.restore(buf.subarray(4 + n));
  }

  /** Subjects currently tracked (numbers and sources). */
  get tracked(): number {
    return this.numbers.stage.states.size + this.sources.stage.states.size;
  }

  get lateRecords(): number {
    return this.numbers.stage.lateRecords;
  }
}
