export { MIGRATIONS, type Migration } from './migrations.js';
export { clusterStatements, localTable, replicaPath, type ClusterTarget } from './cluster-ddl.js';
export {
  SCHEMA_VERSION,
  checksum,
  layoutStatements,
  migrate,
  status,
  waitForSchema,
  type MigrationStatus,
  type StoreTarget,
  type WaitForSchemaOptions,
} from './migrate.js';
export { acquireSchemaLock, type LockOptions, type SchemaLease } from './schema-lock.js';
export {
  CALLS,
  checkRange,
  col,
  final,
  latest,
  rows,
  table,
  timeRange,
  toMs,
  type StoreDb,
  type TimeArg,
  type TimeColumn,
} from './store-db.js';
export {
  KIND_NAMES,
  LEVEL_NAMES,
  alertRow,
  cdrRow,
  complaintRow,
  feedbackRow,
  riskChangeRow,
  riskTombstoneRow,
  type AlertRow,
  type CdrRow,
  type ComplaintRow,
  type FeedbackRow,
  type LevelName,
  type RiskChangeRow,
  type SubjectKindName,
} from './rows.js';
export { CDR_COLUMNS, appendCdr, encodeCdrs, insertCdrBytes, insertCdrs } from './cdr-insert.js';
export { appendCdrMessage } from './cdr-transcoder.js';
export {
  ROW_BINARY_CHUNK_BYTES,
  RowBinaryBuilder,
  joinChunks,
  rowBinaryEncoder,
  type RowBinaryColumn,
  type RowBinaryType,
} from './row-binary.js';
export { fillSyntheticCdrs, syntheticHeavyCaller, type SyntheticCdrOptions } from './synthetic-cdrs.js';
export {
  callerHourly,
  callerSummary,
  countCdrs,
  sourceHourly,
  sourcePath,
  subjectColumn,
  topCallers,
  type CallerSummary,
  type HourlyCount,
  type SourcePathEntry,
  type PathSubjectKind,
  type TopCaller,
} from './cdr-queries.js';
export {
  complaintsAbout,
  feedbackFor,
  listAlerts,
  riskHistory,
  type AlertFilter,
  type AlertRecord,
  type ComplaintRecord,
  type FeedbackRecord,
  type RiskChange,
} from './event-queries.js';
export { appendAudit, auditLog, type AuditEntry, type AuditFilter, type AuditRecord } from './audit.js';
export {
  getCampaign,
  listCampaigns,
  saveCampaigns,
  type CampaignFilter,
  type StoredCampaign,
} from './campaigns.js';
export {
  getRedressCase,
  listRedressCases,
  saveRedressCase,
  type RedressCase,
  type RedressFilter,
  type RedressStatus,
} from './redress.js';
export {
  DEFAULT_RETENTION,
  RETAINED_TABLES,
  applyRetention,
  partitionEndMs,
  retentionDaysConfig,
  type DroppedPartition,
  type RetainedTable,
  type RetentionPolicy,
} from './retention.js';
export {
  calleeSample,
  callSpan,
  cdrExtract,
  complaintCounts,
  flaggedSubjects,
  flaggedTrafficBySource,
  numberProfiles,
  numbersVia,
  signalling,
  type CalleeCount,
  type CdrExtract,
  type CurrentRisk,
  type NumberCount,
  type NumberProfile,
  type Signalling,
  type SourceDayCount,
  type SourceKind,
} from './console-queries.js';
export {
  readReportData,
  type QueryOptions,
  type RawCallerPath,
  type RawCallerStats,
  type RawCount,
  type RawFeedback,
  type RawFlagged,
  type RawReportData,
  type RawSample,
  type RawSource,
  type RawSourceRisk,
  type RawTopCallee,
} from './report-queries.js';
export { flaggedCounts, storedSince } from './status-queries.js';
