import type { Complaint } from './behaviours.js';
import type { Call } from './call.js';
import type { Rng } from './prng.js';
import type { LocalTimeFormatter } from './time-format.js';

/**
 * JSONL lines in the shared CDR input format. Built by hand rather than JSON.stringify because
 * every value is generated here (no characters needing escapes) and this is the hot path.
 */
export function cdrLine(c: Call, fmt: LocalTimeFormatter): string {
  let s = `{"call_id":"${c.id}","switch_id":"${c.switchId}","setup_time":"${fmt.format(c.setup)}","answer_time":${
    c.answer > 0 ? `"${fmt.format(c.answer)}"` : 'null'
  },"release_time":"${fmt.format(c.release)}","calling":"${c.calling}","called":"${c.called}"`;
  if (c.asserted !== '') s += `,"asserted":"${c.asserted}"`;
  s += `,"ingress_trunk":"${c.trunk}","ingress_carrier":"${c.carrier}"`;
  if (c.egress !== '') s += `,"egress_trunk":"${c.egress}"`;
  s += `,"release_cause":${c.cause},"media":"${c.video ? 'video' : 'audio'}"`;
  if (c.att !== '') s += `,"attestation":"${c.att}"`;
  s += `,"origid":"${c.origid}"`;
  if (c.device !== '') s += `,"device_id":"${c.device}"`;
  if (c.cell !== '') s += `,"cell_id":"${c.cell}"`;
  if (c.location !== '') s += `,"calling_location":"${c.location}"`;
  return `${s}}\n`;
}

export function complaintLine(c: Complaint, fmt: LocalTimeFormatter): string {
  const id = c.callId === '' ? '' : `,"call_id":"${c.callId}"`;
  return `{"time":"${fmt.format(c.time)}","reporter":"${c.reporter}","reported":"${c.reported}","category":"${c.category}"${id}}\n`;
}

/** The kinds of malformed record `--bad-rate` mixes in, for ingest's dead-letter tests. */
export const BAD_KINDS = [
  'truncated_json',
  'missing_calling',
  'bad_setup_time',
  'release_before_setup',
  'unknown_media',
  'non_numeric_cause',
  'empty_line_garbage',
] as const;

/** A deliberately broken rendering of `c`. */
export function badLine(c: Call, fmt: LocalTimeFormatter, rng: Rng): string {
  const good = cdrLine(c, fmt);
  switch (rng.pick(BAD_KINDS)) {
    case 'truncated_json':
      return `${good.slice(0, Math.max(2, rng.int(good.length - 2)))}\n`;
    case 'missing_calling':
      return good.replace(/"calling":"[^"]*",/, '');
    case 'bad_setup_time':
      return good.replace(/"setup_time":"[^"]*"/, '"setup_time":"yesterday at noon"');
    case 'release_before_setup':
      return good.replace(/"release_time":"[^"]*"/, `"release_time":"${fmt.format(c.setup - 60_000)}"`);
    case 'unknown_media':
      return good.replace(/"media":"[a-z]+"/, '"media":"fax"');
    case 'non_numeric_cause':
      return good.replace(/"release_cause":\d+/, '"release_cause":"normal"');
    case 'empty_line_garbage':
      return `\u0000\u0001garbage ${c.id}\n`;
  }
}
