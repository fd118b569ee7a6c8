import { RingfenceError } from '@ringfence/common';

/**
 * Deterministic serialisation: the same report always gives the same bytes, so a re-export of
 * unchanged data hashes (and signs) identically.
 */

export type Json = string | number | boolean | null | readonly Json[] | { readonly [k: string]: Json };

function check(n: number): number {
  if (!Number.isFinite(n)) throw new RingfenceError('INTERNAL', 'canonical JSON: non-finite number');
  return Object.is(n, -0) ? 0 : n;
}

function write(value: Json, indent: string, out: string[]): void {
  if (value === null || typeof value === 'boolean') {
    out.push(String(value));
  } else if (typeof value === 'number') {
    out.push(JSON.stringify(check(value)));
  } else if (typeof value === 'string') {
    out.push(JSON.stringify(value));
  } else if (Array.isArray(value)) {
    const items = value as readonly Json[];
    if (items.length === 0) {
      out.push('[]');
      return;
    }
    const inner = `${indent}  `;
    out.push('[\n');
    items.forEach((v, i) => {
      out.push(inner);
      write(v, inner, out);
      out.push(i < items.length - 1 ? ',\n' : '\n');
    });
    out.push(`${indent}]`);
  } else {
    const obj = value as { readonly [k: string]: Json };
    // Code-point order, not locale order: identical on every machine.
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (keys.length === 0) {
      out.push('{}');
      return;
    }
    const inner = `${indent}  `;
    out.push('{\n');
    keys.forEach((k, i) => {
      out.push(`${inner}${JSON.stringify(k)}: `);
      write(obj[k] as Json, inner, out);
      out.push(i < keys.length - 1 ? ',\n' : '\n');
    });
    out.push(`${indent}}`);
  }
}

/** JSON with keys sorted by code point, two-space indent, a final newline. */
export function canonicalJson(value: Json): string {
  const out: string[] = [];
  write(value, '', out);
  out.push('\n');
  return out.join('');
}

/** Rounds to a fixed number of decimals, so ratios never carry float noise into the files. */
export function round(n: number, decimals = 4): number {
  const f = 10 ** decimals;
  return check(Math.round(n * f) / f);
}

export type CsvCell = string | number | null;

function cell(v: CsvCell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? JSON.stringify(check(v)) : v;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header row, `\n` line ends, fields quoted only when they need it. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(cell).join(',')];
  for (const r of rows) lines.push(r.map(cell).join(','));
  return `${lines.join('\n')}\n`;
}

/** Code-point string comparison (locale independent), for stable sorts. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
