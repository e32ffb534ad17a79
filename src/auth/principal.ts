import type { StaffRole } from '../db/tables/staff.js';

/** Who is calling, after the token was verified and checked against Warden's own records. */
export type Principal = StaffPrincipal | CustomerPrincipal;

export interface StaffPrincipal {
  kind: 'staff';
  id: string;
  name: string;
  /** Roles both the token claims and the staff record holds. */
  roles: readonly StaffRole[];
  authTime: Date;
}

export interface CustomerPrincipal {
  kind: 'customer';
  id: string;
  name: string;
  accountId: string;
  /** Their role in the account as the application names it (see `CustomerIdentity.role`). */
  role: string;
  authTime: Date;
}

export function hasRole(principal: Principal, role: StaffRole): boolean {
  return principal.kind === 'staff' && principal.roles.includes(role);
}
