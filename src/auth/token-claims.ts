import { STAFF_ROLES, type StaffRole } from '../db/tables/staff.js';

/** The claims Warden reads from a bearer token (see the contract in DESIGN.md). */
export interface TokenClaims {
  sub: string;
  kind: 'staff' | 'customer';
  roles: StaffRole[];
  name: string;
  /** Seconds since the epoch when the person last proved who they are. */
  auth_time: number;
  exp: number;
}

export type ClaimsProblem = { kind: 'invalid-claims'; reason: string };

/** Narrows a verified payload to `TokenClaims`; unknown roles are refused, not ignored. */
export function readClaims(payload: Record<string, unknown>): TokenClaims | ClaimsProblem {
  const { sub, kind, roles = [], name, auth_time: authTime, exp } = payload;
  if (typeof sub !== 'string' || sub === '') return problem('`sub` must be a user or staff id');
  if (kind !== 'staff' && kind !== 'customer') return problem('`kind` must be "staff" or "customer"');
  if (!Array.isArray(roles) || !roles.every(isStaffRole)) {
    return problem(`\`roles\` must be a list of: ${STAFF_ROLES.join(', ')}`);
  }
  if (kind === 'customer' && roles.length > 0) return problem('customers carry no staff roles');
  if (typeof name !== 'string') return problem('`name` must be a string');
  if (typeof authTime !== 'number' || !Number.isFinite(authTime)) {
    return problem('`auth_time` must be a number of seconds');
  }
  if (typeof exp !== 'number') return problem('`exp` is required');
  return { sub, kind, roles, name, auth_time: authTime, exp };
}

function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

function problem(reason: string): ClaimsProblem {
  return { kind: 'invalid-claims', reason };
}
