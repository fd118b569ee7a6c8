import { RingfenceError } from '@ringfence/common';
import type { NumberStage, SourceStage } from '@ringfence/engine';

const MAGIC = 0x52465353; // "RFSS"

/**
 * Both stages' state plus the source stage's replay filter as one blob:
 * magic, len(numbers), numbers, len(sources), sources, JSON of the filter.
 */
export function writeEngineState(
  numbers: NumberStage,
  sources: SourceStage,
  applied: ReadonlyMap<string, number>,
): Buffer {
  const a = numbers.snapshot();
  const b = sources.snapshot();
  const head = Buffer.alloc(8);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(a.length, 4);
  const mid = Buffer.alloc(4);
  mid.writeUInt32LE(b.length, 0);
  return Buffer.concat([head, a, mid, b, Buffer.from(JSON.stringify([...applied]), 'utf8')]);
}

/** Restores what writeEngineState wrote; returns the replay filter. */
export function readEngineState(
  buf: Buffer,
  numbers: NumberStage,
  sources: SourceStage,
): Map<string, number> {
  if (buf.length < 12 || buf.readUInt32LE(0) !== MAGIC)
    throw new RingfenceError('INTEGRITY', 'not a scorer state snapshot');
  const a = buf.readUInt32LE(4);
  if (8 + a + 4 > buf.length) throw new RingfenceError('INTEGRITY', 'scorer state snapshot is truncated');
  const b = buf.readUInt32LE(8 + a);
  if (12 + a + b > buf.length) throw new RingfenceError('INTEGRITY', 'scorer state snapshot is truncated');
  numbers.restore(buf.subarray(8, 8 + a));
  sources.restore(buf.subarray(12 + a, 12 + a + b));
  return new Map(JSON.parse(buf.subarray(12 + a + b).toString('utf8')) as [string, number][]);
}
