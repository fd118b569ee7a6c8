import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

// Switches send E.164 almost always; the regex spares those the full parser.
const E164 = /^\+[1-9]\d{6,14}$/;

/** The E.164 form of a number as a switch sends it, or undefined when it has none. */
export function toE164(raw: string, region: string): string | undefined {
  if (E164.test(raw)) return raw;
  const parsed = parsePhoneNumberFromString(raw, region as CountryCode);
  return parsed !== undefined && parsed.isPossible() ? parsed.number : undefined;
}
