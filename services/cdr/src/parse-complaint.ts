import { createHash } from 'node:crypto';
import { ComplaintCategory, type IComplaintEvent } from '@ringfence/proto';
import { FieldError, absent, quoted, requiredText, text, time } from './fields.js';
import { normaliseNumber } from './number.js';
import { DEFAULT_PARSE_OPTIONS, type ParseOptions, type ParseResult } from './parse-options.js';
import { reject } from './reject-reason.js';

// A Map, not an object literal: "constructor" or "__proto__" must not find Object.prototype's members.
const CATEGORY: ReadonlyMap<string, ComplaintCategory> = new Map([
  ['harassment', ComplaintCategory.COMPLAINT_CATEGORY_HARASSMENT],
  ['fraud', ComplaintCategory.COMPLAINT_CATEGORY_FRAUD],
  ['marketing', ComplaintCategory.COMPLAINT_CATEGORY_MARKETING],
  ['other', ComplaintCategory.COMPLAINT_CATEGORY_OTHER],
]);

function parse(obj: Record<string, unknown>, o: ParseOptions): IComplaintEvent {
  const max = o.maxFieldLength;
  const timeMs = time(obj, 'time', true);
  const reporter = normaliseNumber(requiredText(obj, 'reporter', max), o.region);
  const reported = normaliseNumber(requiredText(obj, 'reported', max), o.region);
  const rawCategory = obj['category'];
  if (absent(rawCategory)) throw new FieldError(reject('MISSING_FIELD', 'category is required'));
  const category =
    typeof rawCategory === 'string' ? CATEGORY.get(rawCategory.trim().toLowerCase()) : undefined;
  if (category === undefined) {
    throw new FieldError(
      reject(
        'BAD_CATEGORY',
        `${quoted('category', rawCategory)} is not harassment, fraud, marketing or other`,
      ),
    );
  }
  const callId = text(obj, 'call_id', max);
  // Sources rarely give complaints an id; a stable one derived from the content lets replays dedupe.
  const complaintId =
    text(obj, 'complaint_id', max) ||
    createHash('sha1')
      .update(`${timeMs}|${reporter.e164 || reporter.raw}|${reported.e164 || reported.raw}|${callId}`)
      .digest('hex')
      .slice(0, 20);
  return { complaintId, timeMs, reporter, reported, category, callId, ingestTimeMs: 0 };
}

/**
 * Parses one complaint (JSON object or CSV row) into a protobuf-ready `IComplaintEvent`, or says why
 * not. `complaint_id` is optional input; when absent a stable id is derived from the content.
 */
export function parseComplaint(
  obj: unknown,
  options: ParseOptions = DEFAULT_PARSE_OPTIONS,
): ParseResult<IComplaintEvent> {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    return { ok: false, ...reject('MALFORMED', 'a complaint must be a JSON object') };
  }
  try {
    return { ok: true, value: parse(obj as Record<string, unknown>, options) };
  } catch (err) {
    if (err instanceof FieldError) return { ok: false, ...err.rejection };
    throw err;
  }
}
