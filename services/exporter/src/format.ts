/**
 * Version of the export format (docs/export-format.md). Written into every file; bump it for any change
 * a consumer could notice (a renamed or removed field, a changed meaning), not for added fields.
 */
export const FORMAT_VERSION = 1;

/** The data files of one export, in the order they are written; the manifest lists them by name. */
export const DATA_FILES = {
  summaryJson: 'summary.json',
  flaggedJson: 'flagged-numbers.json',
  flaggedCsv: 'flagged-numbers.csv',
  sourcesJson: 'sources.json',
  sourcesCsv: 'sources.csv',
  html: 'report.html',
} as const;

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
export const PUBLIC_KEY_FILE = 'public-key.pem';
