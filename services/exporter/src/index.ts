import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from './service.js';

export { calleeHash } from './callee-hash.js';
export { canonicalJson, toCsv } from './canonical.js';
export {
  exporterConfigSchema,
  exporterConfigShape,
  loadExporterConfig,
  type ExporterConfig,
} from './config.js';
export type { Delivery, DeliveryTarget } from './delivery.js';
export { DirectoryTarget } from './directory-target.js';
export {
  DEFAULT_TIME_ZONE,
  deliverReport,
  exportPeriod,
  periodPath,
  renderFiles,
  type ExportOptions,
  type ExportResult,
} from './export-period.js';
export {
  DEFAULT_REPORT_LANGUAGE,
  REPORT_LANGUAGES,
  isReportLanguage,
  type ReportLanguage,
} from './i18n/index.js';
export { DATA_FILES, FORMAT_VERSION, MANIFEST_FILE, PUBLIC_KEY_FILE, SIGNATURE_FILE } from './format.js';
export { parseManifest, renderManifest, type Manifest, type ManifestFile } from './manifest.js';
export { PERIOD_TYPES, periodFor, type Period, type PeriodType } from './period.js';
export { buildReport, type Report } from './report.js';
export { periodsDue } from './scheduler.js';
export { startExporter, type ExporterService } from './service.js';
export { generateSigningKey, loadSigner, type Signer } from './signing.js';
export { verifyExport, type VerifyProblem, type VerifyResult } from './verify.js';

// Run as a service when this file is the process entry (directly or through the bin symlink).
const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) main();
