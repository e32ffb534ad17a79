import type { CustomerPrincipal } from '../../index.js';
import type { UserRole } from '../tables/user.js';

const USER_ROLES: readonly UserRole[] = ['owner', 'admin', 'billing', 'member'];

/**
 * The customer's role as this application's rules know it. Warden hands back the role the
 * application's identity gave it (`customerIdentity`), so anything else is a broken invariant.
 */
export function userRoleOf(customer: Pick<CustomerPrincipal, 'role'>): UserRole {
  const role = USER_ROLES.find((known) => known === customer.role);
  if (!role) throw new Error(`A customer carries the role "${customer.role}", which this application does not have.`);
  return role;
}
