import { Metadata, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { INumber } from '@ringfence/proto';

/** Default region for national-format numbers (contracts: CN). */
export const DEFAULT_REGION = 'CN';

/** A normalised number: the raw form as signalled, E.164 ("" when unparseable), and validity. */
export interface NormalisedNumber extends INumber {
  readonly raw: string;
  readonly e164: string;
  readonly valid: boolean;
}

// Longer than any dialable number with formatting; parsing huge strings is pointless and slow.
const MAX_PARSE_LENGTH = 40;

const RECENT_GENERATION = 4_096;

/**
 * Two-generation cache: lookups hit `hot` then `cold` (promoting), and when `hot` fills it becomes
 * `cold`. Memory stays below 2 × generation entries with none of an LRU's per-hit reordering cost.
 */
class NumberCache {
  private hot = new Map<string, NormalisedNumber>();
  private cold = new Map<string, NormalisedNumber>();

  constructor(private readonly generation: number) {}

  get(key: string): NormalisedNumber | undefined {
    const h = this.hot.get(key);
    if (h !== undefined) return h;
    const c = this.cold.get(key);
    if (c !== undefined) this.set(key, c);
    return c;
  }

  set(key: string, value: NormalisedNumber): void {
    if (this.hot.size >= this.generation) {
      this.cold = this.hot;
      this.hot = new Map();
    }
    this.hot.set(key, value);
  }

  get size(): number {
    return this.hot.size + this.cold.size;
  }
}

// Two caches: results of the full libphonenumber parse (~30 µs each) are kept for a day of a regional
// network's distinct numbers; results of the mobile fast path (under 1 µs) only briefly, so a stream
// of one-off callees neither evicts the expensive entries nor fills the old generation of the heap.
let cache = new NumberCache(100_000);
let recent = new NumberCache(RECENT_GENERATION);

/** Sets how many numbers the normalisation cache keeps per generation (at most twice this in total). */
export function setNumberCacheSize(entriesPerGeneration: number): void {
  const n = Math.max(1, Math.floor(entriesPerGeneration));
  cache = new NumberCache(n);
  recent = new NumberCache(Math.min(n, RECENT_GENERATION));
}

/** The parts of libphonenumber-js's numbering plan the fast path reads (not in its public types). */
interface PlanInternals {
  callingCode(): string;
  nationalNumberPattern(): string;
  type(t: string): { pattern(): string } | undefined;
}

interface FastPath {
  readonly callingCode: string;
  readonly mobile: RegExp;
  readonly national: RegExp;
}

const fastPaths = new Map<string, FastPath | null>();

/**
 * Full parsing plus validation costs ~30 µs a number; most traffic is the home region's mobiles in
 * a plain form. Those are recognised with the same metadata regexes libphonenumber-js would apply
 * (national pattern and mobile type), so the result is identical; anything else takes the full path.
 */
function fastPathFor(region: string): FastPath | null {
  let fp = fastPaths.get(region);
  if (fp !== undefined) return fp;
  fp = null;
  try {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(region as CountryCode);
    const plan = metadata.numberingPlan as unknown as PlanInternals | undefined;
    const mobile = plan?.type('MOBILE')?.pattern();
    if (plan !== undefined && mobile !== undefined) {
      fp = {
        callingCode: plan.callingCode(),
        mobile: new RegExp(`^(?:${mobile})$`),
        national: new RegExp(`^(?:${plan.nationalNumberPattern()})$`),
      };
    }
  } catch {
    fp = null;
  }
  fastPaths.set(region, fp);
  return fp;
}

const scratch = Buffer.allocUnsafe(64);

/**
 * `s` as one flat string. V8 keeps a concatenation of 13 or more characters (every E.164 number) as
 * a pair of pointers to its parts; each hash, comparison or character read of it, on every call
 * that number makes or receives, then chases those pointers. A normalised number is built once and
 * read millions of times, so it is copied into one piece here (E.164 is ASCII, latin1 is exact).
 */
function flat(s: string): string {
  if (s.length >= scratch.length) return s;
  const n = scratch.write(s, 0, 'latin1');
  return scratch.toString('latin1', 0, n);
}

const FORMATTING = /[\s\-().]/g;
const DIGITS = /^\+?\d+$/;

/** True for `+?\d+` (the usual, unformatted form), checked without a regex or a copy. */
function plainDigits(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(0) === 0x2b ? 1 : 0;
  if (i === n) return false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function fast(raw: string, text: string, region: string): NormalisedNumber | undefined {
  const fp = fastPathFor(region);
  if (fp === null) return undefined;
  let canonical = text;
  if (!plainDigits(text)) {
    canonical = text.replace(FORMATTING, '');
    if (!DIGITS.test(canonical)) return undefined;
  }
  let national: string;
  if (canonical.startsWith('+')) {
    if (!canonical.startsWith(fp.callingCode, 1)) return undefined;
    national = canonical.slice(1 + fp.callingCode.length);
  } else if (canonical.startsWith('0')) {
    return undefined;
  } else {
    national = canonical;
  }
  if (!fp.mobile.test(national) || !fp.national.test(national)) return undefined;
  return Object.freeze({ raw, e164: flat(`+${fp.callingCode}${national}`), valid: true });
}

function slow(raw: string, text: string, region: string): NormalisedNumber {
  let parsed;
  try {
    parsed = parsePhoneNumberFromString(text, region as CountryCode);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined) return Object.freeze({ raw, e164: '', valid: false });
  return Object.freeze({ raw, e164: flat(parsed.number), valid: parsed.isValid() });
}

/**
 * Normalises a signalled number to E.164 using full ("max") metadata, so `valid` means a valid,
 * allocatable number for its country. National forms are read in `region`; `+CC`, `00CC` and
 * spaces/dashes/brackets are understood. Never throws: an unparseable number gives e164 "" and
 * valid=false. Results are cached (bounded) because real traffic repeats numbers.
 */
export function normaliseNumber(raw: string, region: string = DEFAULT_REGION): NormalisedNumber {
  const key = region === DEFAULT_REGION ? raw : `${region}|${raw}`;
  const hit = recent.get(key) ?? cache.get(key);
  if (hit !== undefined) return hit;
  const text = raw.trim();
  if (text === '' || text.length > MAX_PARSE_LENGTH) return Object.freeze({ raw, e164: '', valid: false });
  const quick = fast(raw, text, region);
  if (quick !== undefined) {
    recent.set(key, quick);
    return quick;
  }
  const value = slow(raw, text, region);
  cache.set(key, value);
  return value;
}
