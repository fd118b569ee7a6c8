const M = 0x5bd1e995;
const SEED = 0x9747b28c;

/** Byte `i` of a key given as a Buffer or as an ASCII string (same bytes as its UTF-8). */
type ByteAt = (key: Buffer | string, i: number) => number;
const bufferByte: ByteAt = (key, i) => (key as Buffer)[i]!;
const asciiByte: ByteAt = (key, i) => (key as string).charCodeAt(i);

function ascii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Kafka's murmur2 (the Java client's, which kafkajs's default partitioner ports with 64-bit Long
 * objects): the same 32-bit result with Math.imul, and reading an ASCII string key in place
 * instead of copying it into a Buffer first.
 */
export function murmur2(key: Buffer | string): number {
  let data: Buffer | string = key;
  let at = bufferByte;
  if (typeof key === 'string') {
    if (ascii(key)) at = asciiByte;
    else data = Buffer.from(key);
  }
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k =
      (at(data, i4) & 0xff) |
      ((at(data, i4 + 1) & 0xff) << 8) |
      ((at(data, i4 + 2) & 0xff) << 16) |
      ((at(data, i4 + 3) & 0xff) << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  const tail = length & ~3;
  const rest = length & 3;
  if (rest === 3) h ^= (at(data, tail + 2) & 0xff) << 16;
  if (rest >= 2) h ^= (at(data, tail + 1) & 0xff) << 8;
  if (rest >= 1) {
    h ^= at(data, tail) & 0xff;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}
/**
 * The partition Kafka's default partitioner gives a keyed record: `murmur2(key) & 0x7fffffff`
 * modulo the partition count (the Java client's, kafkajs's and the ingest producer's choice), so
 * any service can tell which partition holds a key without asking the broker.
 */
export function keyPartition(key: Buffer | string, partitions: number): number {
  return partitions === 1 ? 0 : (murmur2(key) & 0x7fffffff) % partitions;
}
