/** Bytes of one entry: the origin CDR's offset (float64), its event second and the callee's hash. */
const ENTRY = 16;
const HEADER = 4;

/**
 * Calls received, from one cdr.v1 partition (`origin`) to the partitions of their callees: one
 * Kafka message per target partition and publish, `[origin u32] ([offset f64][sec u32][hash i32])*`.
 * The target partition's stage counts them (NumberStage.addReceived), skipping entries at or below
 * the highest origin offset it applied, so a replay after a move counts nothing twice.
 */
export class ReceivedPacker {
  private readonly bufs: Buffer[];
  private readonly lens: number[];

  constructor(
    private readonly origin: number,
    partitions: number,
    private readonly maxEntries: number,
    private readonly emit: (partition: number, value: Buffer) => void,
  ) {
    this.bufs = Array.from({ length: partitions }, () => Buffer.allocUnsafe(HEADER + ENTRY * maxEntries));
    this.lens = new Array<number>(partitions).fill(HEADER);
  }

  add(partition: number, offset: number, sec: number, hash: number): void {
    const buf = this.bufs[partition]!;
    const at = this.lens[partition]!;
    buf.writeDoubleLE(offset, at);
    buf.writeUInt32LE(sec >>> 0, at + 8);
    buf.writeInt32LE(hash | 0, at + 12);
    this.lens[partition] = at + ENTRY;
    if (at + ENTRY >= buf.length) this.drainOne(partition);
  }

  private drainOne(p: number): void {
    const len = this.lens[p]!;
    if (len === HEADER) return;
    const value = Buffer.allocUnsafe(len);
    this.bufs[p]!.copy(value, 0, 0, len);
    value.writeUInt32LE(this.origin, 0);
    this.lens[p] = HEADER;
    this.emit(p, value);
  }

  /** Emits every partial pack. */
  drain(): void {
    for (let p = 0; p < this.bufs.length; p++) this.drainOne(p);
  }
}

/** Calls `fn` for each entry of a pack ReceivedPacker wrote; RangeError when it is malformed. */
export function forEachReceived(
  buf: Buffer,
  fn: (origin: number, offset: number, sec: number, hash: number) => void,
): void {
  if (buf.length < HEADER || (buf.length - HEADER) % ENTRY !== 0)
    throw new RangeError(`a received-calls pack of ${buf.length} bytes`);
  const origin = buf.readUInt32LE(0);
  for (let at = HEADER; at < buf.length; at += ENTRY)
    fn(origin, buf.readDoubleLE(at), buf.readUInt32LE(at + 8), buf.readInt32LE(at + 12));
}
