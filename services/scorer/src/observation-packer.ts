/**
 * Groups the number stage's observations by scorer.source-events.v1 partition, one Kafka message
 * per partition and flush instead of one per call and source: per-message client overhead, not
 * the engine, bounds the scorer's throughput. A source always maps to the same partition (a
 * stable hash of `<kind>:<id>`), so one source stage partition owns each source's whole history,
 * in emission order.
 */
export class ObservationPacker {
  private readonly packs: Buffer[][];
  private readonly bytes: number[];

  constructor(
    readonly partitions: number,
    private readonly maxBytes: number,
    private readonly emit: (partition: number, value: Buffer) => void,
  ) {
    this.packs = Array.from({ length: partitions }, () => []);
    this.bytes = new Array<number>(partitions).fill(0);
  }

  /** FNV-1a of the source key: stable across processes and versions. */
  partitionOf(sourceKey: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < sourceKey.length; i++) {
      h ^= sourceKey.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return (h >>> 0) % this.partitions;
  }

  add(sourceKey: string, encoded: Buffer): void {
    const p = this.partitionOf(sourceKey);
    const pack = this.packs[p]!;
    pack.push(encoded);
    this.bytes[p]! += encoded.length;
    if (this.bytes[p]! >= this.maxBytes) this.drainOne(p);
  }

  private drainOne(p: number): void {
    const pack = this.packs[p]!;
    if (pack.length === 0) return;
    this.emit(p, Buffer.concat(pack, this.bytes[p]));
    pack.length = 0;
    this.bytes[p] = 0;
  }

  /** Emits every partial pack (before outputs are flushed). */
  drain(): void {
    for (let p = 0; p < this.partitions; p++) this.drainOne(p);
  }
}
