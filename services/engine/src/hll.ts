/** Registers per sketch: 64 one-byte registers give about 13% standard error, enough for rule thresholds. */
export const HLL_REGISTERS = 64;

const POW = Float64Array.from({ length: 64 }, (_, r) => 2 ** -r);

/** Adds a 32-bit hash to the 64-register HyperLogLog stored at `off` in `regs`. */
export function hllAdd(regs: Uint8Array, off: number, hash: number): void {
  const idx = hash & 63;
  const rest = hash >>> 6;
  // Rank = position of the first set bit in the remaining 26 bits (1-based), capped.
  const rank = rest === 0 ? 27 : Math.clz32(rest) - 5;
  if (rank > (regs[off + idx] ?? 0)) regs[off + idx] = rank;
}

/**
 * Estimates the distinct count of the union of the sketches at the given offsets
 * (register-wise max), with the small-range (linear counting) correction.
 */
export function hllEstimateUnion(regs: Uint8Array, offsets: readonly number[]): number {
  let sum = 0;
  let zeros = 0;
  for (let i = 0; i < HLL_REGISTERS; i++) {
    let r = 0;
    for (const off of offsets) {
      const v = regs[off + i] ?? 0;
      if (v > r) r = v;
    }
    sum += POW[r]!;
    if (r === 0) zeros++;
  }
  if (offsets.length === 0) return 0;
  const m = HLL_REGISTERS;
  const estimate = (0.709 * m * m) / sum;
  if (estimate <= 2.5 * m && zeros > 0) return m * Math.log(m / zeros);
  return estimate;
}

/**
 * The same estimate as hllEstimateUnion for `n` (0-4) sketches at `o0`..`o3`, without an offsets
 * array: the hot path reads up to four generations per feature.
 */
export function hllEstimate4(
  regs: Uint8Array,
  n: number,
  o0: number,
  o1: number,
  o2: number,
  o3: number,
): number {
  if (n === 0) return 0;
  let sum = 0;
  let zeros = 0;
  for (let i = 0; i < HLL_REGISTERS; i++) {
    let r = regs[o0 + i]!;
    if (n > 1) {
      const b = regs[o1 + i]!;
      if (b > r) r = b;
      if (n > 2) {
        const c = regs[o2 + i]!;
        if (c > r) r = c;
        if (n > 3) {
          const d = regs[o3 + i]!;
          if (d > r) r = d;
        }
      }
    }
    sum += POW[r]!;
    if (r === 0) zeros++;
  }
  const m = HLL_REGISTERS;
  const estimate = (0.709 * m * m) / sum;
  if (estimate <= 2.5 * m && zeros > 0) return m * Math.log(m / zeros);
  return estimate;
}
