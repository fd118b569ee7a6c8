/** Operator roles, least to most trusted for subscriber data. */
export const ROLES = ['auditor', 'analyst', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

/** What a role may do; checked on every route. */
export type Permission =
  | 'view'
  | 'act'
  | 'list' // allowlist / blocklist
  | 'redress.open'
  | 'redress.decide'
  | 'audit.read';

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  auditor: new Set(['view', 'audit.read']),
  analyst: new Set(['view', 'act', 'redress.open']),
  supervisor: new Set(['view', 'act', 'list', 'redress.open', 'redress.decide', 'audit.read']),
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
