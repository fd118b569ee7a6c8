export {
  REJECT_REASONS,
  REJECT_REASON_CODES,
  reject,
  type RejectReason,
  type Rejection,
} from './reject-reason.js';
export { AttestationTally } from './attestation-tally.js';
export { DEFAULT_REGION, normaliseNumber, setNumberCacheSize, type NormalisedNumber } from './number.js';
export { MAX_EVENT_TIME_MS, MIN_EVENT_TIME_MS, parseTime, plausibleTime } from './time.js';
export { DEFAULT_PARSE_OPTIONS, type ParseOptions, type ParseResult } from './parse-options.js';
export { parseCdr } from './parse-cdr.js';
export { parseComplaint } from './parse-complaint.js';
export { DuplicateFilter, type DuplicateFilterOptions } from './duplicate-filter.js';
export { splitCsvRow } from './csv-row.js';
export { RecordSplitter, type InputFormat, type RawRecord, type SplitterOptions } from './record-splitter.js';
export {
  DEFAULT_MAX_RECORD_BYTES,
  decompressed,
  formatFromName,
  readRecords,
  splitRecords,
  type ReadOptions,
} from './reader.js';
