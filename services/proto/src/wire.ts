// Protocol-buffers wire primitives for the hand-written codecs (the scorer's observation packs and
// scoring subset of cdr.v1, the store's cdr.v1 → RowBinary transcoder). Varints go up to 2^53 with arithmetic, not bit operators: uint64 fields such as
// offsets and times pass 32 bits.

/** Writes `v` (0 to 2^53) as a varint at `pos`; returns the position after it. */
export function writeVarint(buf: Buffer, pos: number, v: number): number {
  while (v >= 0x80) {
    buf[pos++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  buf[pos++] = v;
  return pos;
}

/** Reads a varint at `at.pos` (advancing it) before `end`; up to 2^53, else a RangeError. */
export function readVarint(buf: Buffer, at: { pos: number }, end: number): number {
  let v = 0;
  let mul = 1;
  for (;;) {
    if (at.pos >= end || mul > 2 ** 56) throw new RangeError('malformed varint');
    const b = buf[at.pos++]!;
    v += (b & 0x7f) * mul;
    if (b < 0x80) return v;
    mul *= 0x80;
  }
}

/**
 * Reads the length of a length-delimited field at `at.pos` (advancing past it) and returns where
 * the field ends; a RangeError when that is beyond `end`.
 */
export function readDelimitedEnd(buf: Buffer, at: { pos: number }, end: number): number {
  const to = readVarint(buf, at, end);
  const fieldEnd = at.pos + to;
  if (fieldEnd > end) throw new RangeError('truncated field');
  return fieldEnd;
}
