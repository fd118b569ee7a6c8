/** Display helpers shared by the views; their output still goes through `html` (escaped). */

export function fmtTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms <= 0) return '-';
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function fmtPct(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

export function fmtNum(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(3).replace(/\.?0+$/, '');
}

/** Path of a subject's page (ids are URL-encoded; they may be raw non-E.164 strings). */
export function subjectHref(kind: string, id: string): string {
  return kind === 'number'
    ? `/numbers/${encodeURIComponent(id)}`
    : `/traceback/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`;
}

export function tracebackHref(kind: string, id: string, suffix = ''): string {
  return `/traceback/${encodeURIComponent(kind)}/${encodeURIComponent(id)}${suffix}`;
}
