// ITU country calling codes of one and two digits; every other code has three.
const ONE = new Set(['1', '7']);
const TWO = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(
    ' ',
  ),
);

/** Length of the country calling code of an E.164 string ("+8613812345678" → 2). */
export function countryCodeLength(e164: string): number {
  if (ONE.has(e164.charAt(1))) return 1;
  if (TWO.has(e164.slice(1, 3))) return 2;
  return 3;
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
