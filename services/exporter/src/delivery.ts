/**
 * Where exports go. An export of one period is a set of revisions, `<type>/<label>/r<N>/`, each a flat
 * set of files (docs/export-format.md). A target only has to store bytes under names and make a
 * revision appear all at once:
 *
 * - Directory (DirectoryTarget): files are staged in a hidden sibling folder and renamed into place.
 * - SFTP: `put` writes `<path>/.r<N>.partial/<name>`; `finalize` renames the folder to `r<N>` (an
 *   SFTP rename is atomic on POSIX servers and fails when the target exists); `revisions` lists
 *   `r<N>` folders; `read` fetches a file.
 * - S3-compatible: `put` uploads `<prefix>/<path>/r<N>/<name>` except manifest.json and manifest.sig,
 *   which `finalize` uploads last (with `If-None-Match: *` so a concurrent writer loses); a revision
 *   counts as present only once its manifest.sig exists, so readers never see half a revision.
 */
export interface Delivery {
  /** Stages one file of the revision. Names are plain file names (no folders). */
  put(name: string, bytes: Uint8Array): Promise<void>;
  /**
   * Publishes every staged file at once and returns where they are. Fails with CONFLICT when the
   * revision appeared meanwhile (another exporter); nothing is overwritten.
   */
  finalize(): Promise<string>;
  /** Drops whatever was staged. */
  abort(): Promise<void>;
}

export interface DeliveryTarget {
  /** Revisions already delivered for a period path (`daily/2026-11-02`), ascending. */
  revisions(periodPath: string): Promise<number[]>;
  /** One file of a delivered revision, or undefined when it is absent. */
  read(periodPath: string, revision: number, name: string): Promise<Uint8Array | undefined>;
  /** Starts delivering a new revision. */
  open(periodPath: string, revision: number): Promise<Delivery>;
  /** Where a revision is (a path or URL), for logs and results. */
  locate(periodPath: string, revision: number): string;
}
