import { normaliseNumber } from '@ringfence/cdr';

// Switches send E.164 almost always; the regex spares those the normaliser's cache lookup.
const E164 = /^\+[1-9]\d{6,14}$/;

/** The E.164 form of a number as a switch sends it (read as ingest reads it), or undefined when it has none. */
export function toE164(raw: string, region: string): string | undefined {
  if (E164.test(raw)) return raw;
  const e164 = normaliseNumber(raw, region).e164;
  return e164 === '' ? undefined : e164;
}
