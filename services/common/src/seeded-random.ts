/**
 * A seeded uniform [0, 1) source (mulberry32), so test inputs are the same on every run. The
 * generator keeps its own copy (its `Rng`): its output is a byte-for-byte contract of its own.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
