import { reject, type Rejection } from './reject-reason.js';
import { parseTime, plausibleTime } from './time.js';

/** Thrown inside the parsers only, caught at their edge; keeps field helpers one-liners. */
export class FieldError extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
  }
}

function clip(value: unknown): string {
  const s = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** True for null, undefined and "" (CSV writes absent values as empty cells). */
export function absent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Reads an optional text field (numbers are accepted and stringified); "" when absent. */
export function text(obj: Record<string, unknown>, name: string, maxLength: number): string {
  const v = obj[name];
  if (absent(v)) return '';
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' && Number.isFinite(v)) s = String(v);
  else
    throw new FieldError(
      reject('BAD_FIELD', `${name} must be text, got ${typeof v === 'object' ? 'an object' : typeof v}`),
    );
  if (s.length > maxLength) {
    throw new FieldError(
      reject('OVERSIZED_FIELD', `${name} is ${s.length} characters, more than ${maxLength}`),
    );
  }
  return s;
}

/** Reads a required text field; MISSING_FIELD when absent or blank. */
export function requiredText(obj: Record<string, unknown>, name: string, maxLength: number): string {
  const s = text(obj, name, maxLength);
  if (s.trim() === '') throw new FieldError(reject('MISSING_FIELD', `${name} is required`));
  return s;
}

/** Reads a time field as epoch ms; 0 when absent and optional. */
export function time(obj: Record<string, unknown>, name: string, required: boolean): number {
  const v = obj[name];
  if (absent(v)) {
    if (required) throw new FieldError(reject('MISSING_FIELD', `${name} is required`));
    return 0;
  }
  if (typeof v === 'string' && v.length > 64) {
    throw new FieldError(reject('OVERSIZED_FIELD', `${name} is ${v.length} characters`));
  }
  const ms = parseTime(v);
  if (Number.isNaN(ms)) {
    throw new FieldError(
      reject('BAD_TIME', `${name} = ${clip(v)} is neither ISO-8601 with an offset nor epoch milliseconds`),
    );
  }
  if (!plausibleTime(ms)) {
    throw new FieldError(reject('IMPOSSIBLE_TIME', `${name} = ${clip(v)} is outside 2000–2100`));
  }
  return ms;
}

/** Message text quoting a field's value, clipped. */
export function quoted(name: string, value: unknown): string {
  return `${name} = ${clip(value)}`;
}
