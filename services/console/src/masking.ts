import type { Role } from './roles.js';

/**
 * How much of a callee (or complainant) number a role sees. Supervisors see it whole; analysts see
 * the prefix and the last four digits; auditors see only the country code and last two digits.
 * The investigated subject itself is never masked: it is what the operator searched for.
 */
export function maskNumber(value: string, role: Role): string {
  if (role === 'supervisor' || value === '') return value;
  const plus = value.startsWith('+') ? '+' : '';
  const digits = value.slice(plus.length);
  if (role === 'analyst') {
    // At least four digits hidden whatever the length: head shrinks first, then the tail.
    const head = Math.max(0, Math.min(5, digits.length - 8));
    const tail = Math.min(4, Math.max(0, digits.length - 4 - head));
    return (
      plus +
      digits.slice(0, head) +
      '*'.repeat(digits.length - head - tail) +
      digits.slice(digits.length - tail)
    );
  }
  if (digits.length < 8) return plus + '*'.repeat(digits.length);
  const cc = plus === '' ? '' : digits.slice(0, 2);
  return plus + cc + '*'.repeat(digits.length - cc.length - 2) + digits.slice(-2);
}
