import type { SourceObservation } from '@ringfence/engine';
import { observationBound, writeObservation, type Origin } from './codec.js';

/**
 * Groups the number stage's observations by scorer.source-events.v1 partition, one Kafka message
 * per partition and flush instead of one per call and source: per-message client overhead, not
 * the engine, bounds the scorer's throughput. A source always maps to the same partition (the
 * engine's sourcePartition), so one source stage owns each source's whole history, in emission
 * order. Observations are encoded straight into one reused buffer per partition.
 */
export class ObservationPacker {
  private readonly bufs: Buffer[];
  private readonly lens: number[];

  constructor(
    readonly partitions: number,
    private readonly maxBytes: number,
    private readonly emit: (partition: number, value: Buffer) => void,
  ) {
    this.bufs = Array.from({ length: partitions }, () => Buffer.alloc(0));
    this.lens = new Array<number>(partitions).fill(0);
  }

  /** Adds one observation for source-events partition `p` (the engine's sourcePartition of its source). */
  add(o: SourceObservation, origin: Origin, p: number): void {
    const need = observationBound(o);
    let buf = this.bufs[p]!;
    if (this.lens[p]! + need > buf.length) {
      this.drainOne(p);
      if (need > buf.length) {
        buf = Buffer.allocUnsafe(Math.max(this.maxBytes, need) + need);
        this.bufs[p] = buf;
      }
    }
    const len = writeObservation(o, origin, buf, this.lens[p]!);
    this.lens[p] = len;
    if (len >= this.maxBytes) this.drainOne(p);
  }

  private drainOne(p: number): void {
    const len = this.lens[p]!;
    if (len === 0) return;
    // A copy of exact size: the producer holds it until acknowledged, the buffer is reused at once.
    const value = Buffer.allocUnsafe(len);
    this.bufs[p]!.copy(value, 0, 0, len);
    this.lens[p] = 0;
    this.emit(p, value);
  }

  /** Emits every partial pack (before outputs are flushed). */
  drain(): void {
    for (let p = 0; p < this.partitions; p++) this.drainOne(p);
  }
}
