import { RingfenceError } from './errors.js';

/**
 * The one place that turns typed values into ClickHouse SQL literals. ClickHouse 18.16 has no query
 * parameters, so every value reaches the server inside the query text: nothing else in Ringfence may
 * concatenate values into SQL. Everything here works on 18.16 and current LTS.
 */

/** A piece of SQL that is already safe to splice into a query: a literal, an identifier or vetted text. */
export class SqlFragment {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

/** Values the `sql` template turns into literals on its own; use the typed helpers for anything else. */
export type SqlValue = string | number | bigint | boolean | Date | null | SqlFragment | readonly SqlValue[];

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;
/** DateTime covers 1970-01-01 .. 2106-02-07 (UInt32 seconds). */
const DATETIME_MAX_S = 2 ** 32 - 1;
const LONE_SURROGATE = /\p{Cs}/u;

function invalid(message: string, detail: Record<string, string | number> = {}): RingfenceError {
  return new RingfenceError('INVALID_ARGUMENT', message, { detail });
}

/**
 * A backquoted identifier (database, table, column). Only plain ASCII names are accepted; a dotted
 * name is given as separate parts: `ident('db', 'cdr')` → `` `db`.`cdr` ``.
 */
export function ident(...parts: string[]): SqlFragment {
  if (parts.length === 0) throw invalid('identifier: no parts given');
  for (const p of parts) {
    if (typeof p !== 'string' || !IDENT.test(p)) {
      throw invalid('identifier: expected [A-Za-z_][A-Za-z0-9_]*', { identifier: String(p).slice(0, 80) });
    }
  }
  return new SqlFragment(parts.map((p) => `\`${p}\``).join('.'));
}

function hex2(code: number): string {
  return `\\x${code.toString(16).padStart(2, '0')}`;
}

/**
 * A quoted string literal. Backslash and quote are escaped, every control character becomes `\xHH`,
 * so the literal is one line and cannot end early. Lone UTF-16 surrogates are refused: they cannot be
 * encoded as UTF-8 and would be silently replaced.
 */
export function str(value: string): SqlFragment {
  if (typeof value !== 'string') throw invalid('string literal: expected a string');
  if (LONE_SURROGATE.test(value)) throw invalid('string literal: lone UTF-16 surrogate');
  let out = "'";
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    let esc: string | undefined;
    if (c === 0x27) esc = "\\'";
    else if (c === 0x5c) esc = '\\\\';
    else if (c < 0x20 || c === 0x7f) esc = hex2(c);
    if (esc !== undefined) {
      out += value.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return new SqlFragment(`${out}${value.slice(start)}'`);
}

// Negative literals are parenthesised so `a -${-1}` can never become the comment marker `--1`.
function signed(text: string): SqlFragment {
  return new SqlFragment(text.startsWith('-') ? `(${text})` : text);
}

function toBigInt(value: number | bigint | string, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value))
      throw invalid(`${what}: expected a safe integer`, { value: String(value) });
    return BigInt(value);
  }
  if (typeof value === 'string' && /^-?[0-9]{1,20}$/.test(value)) return BigInt(value);
  throw invalid(`${what}: expected an integer`, { value: String(value).slice(0, 80) });
}

/** A signed integer literal (Int64 range). Numbers must be safe integers; bigints and decimal strings are exact. */
export function int(value: number | bigint | string): SqlFragment {
  const v = toBigInt(value, 'integer literal');
  if (v < INT64_MIN || v > UINT64_MAX)
    throw invalid('integer literal: out of 64-bit range', { value: String(v) });
  return signed(v.toString());
}

/** An unsigned integer literal (UInt64 range, so UInt64 values from JSON as strings fit exactly). */
export function uint(value: number | bigint | string): SqlFragment {
  const v = toBigInt(value, 'unsigned literal');
  if (v < 0n) throw invalid('unsigned literal: negative value', { value: String(v) });
  if (v > UINT64_MAX) throw invalid('unsigned literal: above UInt64 max', { value: String(v) });
  return new SqlFragment(v.toString());
}

/** A finite floating-point literal; NaN and ±Infinity are refused. */
export function float(value: number): SqlFragment {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalid('float literal: expected a finite number', { value: String(value) });
  }
  // String() gives "1e+21"; ClickHouse reads that form too, and Object.is keeps -0 as 0.
  return signed(Object.is(value, -0) ? '0' : String(value));
}

/** 1 or 0. */
export function bool(value: boolean): SqlFragment {
  if (typeof value !== 'boolean') throw invalid('boolean literal: expected a boolean');
  return new SqlFragment(value ? '1' : '0');
}

function toEpochMs(value: Date | number): number {
  const ms = value instanceof Date ? value.getTime() : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) throw invalid('date literal: invalid date');
  if (ms < 0 || Math.floor(ms / 1000) > DATETIME_MAX_S) {
    throw invalid('date literal: outside the DateTime range 1970..2106', { value: ms });
  }
  return ms;
}

/** 'YYYY-MM-DD hh:mm:ss' in UTC for a Date or epoch milliseconds (sub-second part dropped). */
export function formatDateTime(value: Date | number): string {
  return new Date(toEpochMs(value)).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * A DateTime literal, `toDateTime('YYYY-MM-DD hh:mm:ss', 'UTC')`, from a Date or epoch milliseconds
 * (sub-second part dropped). Explicit UTC so the server's time zone never shifts it.
 */
export function dateTime(value: Date | number): SqlFragment {
  return new SqlFragment(`toDateTime('${formatDateTime(value)}', 'UTC')`);
}

/** A Date literal, `toDate('YYYY-MM-DD')`, the UTC calendar day of a Date or epoch milliseconds. */
export function date(value: Date | number): SqlFragment {
  return new SqlFragment(`toDate('${formatDateTime(value).slice(0, 10)}')`);
}

/** The literal for one value, chosen by its JavaScript type. */
export function literal(value: SqlValue): SqlFragment {
  if (value instanceof SqlFragment) return value;
  if (value === null) return new SqlFragment('NULL');
  if (value instanceof Date) return dateTime(value);
  if (Array.isArray(value)) return array(value as readonly SqlValue[]);
  switch (typeof value) {
    case 'string':
      return str(value);
    case 'number':
      return Number.isSafeInteger(value) ? int(value) : float(value);
    case 'bigint':
      return int(value);
    case 'boolean':
      return bool(value);
    default:
      throw invalid(`no SQL literal for a value of type ${typeof value}`);
  }
}

/** An array literal `[a, b]` of literals (nested arrays allowed). */
export function array(values: readonly SqlValue[]): SqlFragment {
  if (!Array.isArray(values)) throw invalid('array literal: expected an array');
  return new SqlFragment(`[${values.map((v: SqlValue) => literal(v).text).join(', ')}]`);
}

/** A parenthesised list for `x IN ${inList(values)}`; an empty list is refused (it is not valid SQL). */
export function inList(values: readonly SqlValue[]): SqlFragment {
  if (!Array.isArray(values) || values.length === 0) throw invalid('IN list: expected a non-empty array');
  return new SqlFragment(`(${values.map((v: SqlValue) => literal(v).text).join(', ')})`);
}

/**
 * Vetted SQL text spliced as is: only for text written in the code (a keyword, a column list), never
 * for anything that came from outside.
 */
export function raw(text: string): SqlFragment {
  return new SqlFragment(text);
}

/** Joins fragments (or literals) with a separator, e.g. conditions with ' AND '. */
export function joinSql(parts: readonly SqlValue[], separator = ', '): SqlFragment {
  return new SqlFragment(parts.map((p) => literal(p).text).join(separator));
}

function render(strings: TemplateStringsArray, values: readonly SqlValue[]): string {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined) throw invalid(`sql: interpolation ${i} is undefined`);
    out += literal(v).text + (strings[i + 1] ?? '');
  }
  return out;
}

declare const SQL_QUERY: unique symbol;

/**
 * Query text built by `sql`. Still a string (so `ch.command({ query })` takes it), but a string made
 * any other way, such as by concatenation, is not one: readers that require it cannot be handed SQL
 * whose values skipped the literal functions above.
 */
export type SqlQuery = string & { readonly [SQL_QUERY]: true };

/**
 * Builds a query: every `${value}` becomes a literal (strings quoted, numbers checked, dates as UTC
 * DateTime, arrays as array literals); fragments from `ident`, `raw`, `inList`, `fragment` are spliced.
 * Returns the query text, branded as a SqlQuery.
 */
export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): SqlQuery {
  return render(strings, values) as SqlQuery;
}

/** Like `sql` but returns a fragment to interpolate into a larger query. */
export function fragment(strings: TemplateStringsArray, ...values: SqlValue[]): SqlFragment {
  return new SqlFragment(render(strings, values));
}
