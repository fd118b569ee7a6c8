// ITU country calling codes of one and two digits; every other code has three.
const ONE = new Set(['1', '7']);
const TWO = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(
    ' ',
  ),
);

/** Two-digit codes by value (0-99), so the hot path reads digits without building strings. */
const TWO_BY_VALUE = new Uint8Array(100);
for (const c of TWO) TWO_BY_VALUE[Number(c)] = 1;

/** Length of the country calling code of an E.164 string ("+8613812345678" → 2). */
export function countryCodeLength(e164: string): number {
  const a = e164.charCodeAt(1) - 48;
  const b = e164.charCodeAt(2) - 48;
  if (a >= 0 && a <= 9 && b >= 0 && b <= 9) {
    if (a === 1 || a === 7) return 1;
    return TWO_BY_VALUE[a * 10 + b] === 1 ? 2 : 3;
  }
  if (ONE.has(e164.charAt(1))) return 1;
  if (TWO.has(e164.slice(1, 3))) return 2;
  return 3;
}

/** Length of blockOf(e164), without building it. */
export function blockLength(e164: string): number {
  return Math.min(e164.length, 1 + countryCodeLength(e164) + 7);
}

/** Length of regionOf(e164), without building it. */
export function regionLength(e164: string): number {
  return Math.min(e164.length, 1 + countryCodeLength(e164) + 4);
}

/**
 * The number after the leading character (`Number(e164.slice(1))`), read digit by digit; E.164
 * has at most 15 digits, well within exact doubles. Anything unusual takes the original path.
 */
export function nationalValue(e164: string): number {
  const n = e164.length;
  if (n < 2 || n > 16) return Number(e164.slice(1));
  let v = 0;
  for (let i = 1; i < n; i++) {
    const d = e164.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number(e164.slice(1));
    v = v * 10 + d;
  }
  return v;
}

/** Callee block: country code + first 7 digits of the national number (a number range). */
export function blockOf(e164: string): string {
  return e164.slice(0, 1 + countryCodeLength(e164) + 7);
}

/** Callee region: country code + first 4 national digits (operator prefix and area in CN). */
export function regionOf(e164: string): string {
  return e164.slice(0, 1 + countryCodeLength(e164) + 4);
}

/** Digits after '+' that two E.164 numbers share. */
export function sharedPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 1;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i - 1;
}
