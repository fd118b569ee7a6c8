/** FNV-1a over UTF-16 code units, finished with murmur3's fmix32 so low bits are well mixed for sketches. */
export function hashString(s: string): number {
  return hashPrefix(s, s.length);
}

/** hashString of `s.slice(0, end)` without building the slice (`end` is clamped to the length). */
export function hashPrefix(s: string, end: number): number {
  const n = Math.min(end, s.length);
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** murmur3's fmix32 finaliser: every input bit reaches every output bit. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * hashString(s), hashPrefix(s, a) and hashPrefix(s, b) in one pass over `s` (a callee, its block
 * and its region), written to out[0], out[1], out[2].
 */
export function hashWithPrefixes(s: string, a: number, b: number, out: number[]): void {
  const n = s.length;
  let h = 0x811c9dc5;
  let ha = 0;
  let hb = 0;
  for (let i = 0; i < n; i++) {
    if (i === a) ha = h;
    if (i === b) hb = h;
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const full = fmix(h);
  out[0] = full;
  out[1] = a >= n ? full : fmix(ha);
  out[2] = b >= n ? full : fmix(hb);
}
