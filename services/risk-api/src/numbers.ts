import { normaliseNumber } from '@ringfence/cdr';

// At least 7 and at most 15 digits: shorter or longer cannot be a subscriber number in any plan.
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The E.164 form of a number as a switch sends it (read as ingest reads it), or undefined when it has
 * none or is too short or long to be one. Invalid-but-well-formed numbers pass: spoofers use them.
 */
export function toE164(raw: string, region: string): string | undefined {
  if (E164.test(raw)) return raw;
  const e164 = normaliseNumber(raw, region).e164;
  return E164.test(e164) ? e164 : undefined;
}
