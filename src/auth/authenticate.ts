import type { Executor } from '../db/database.js';
import type { WardenIdentity } from '../identity/identity.js';
import type { Principal } from './principal.js';
import type { TokenClaims } from './token-claims.js';

export type AuthenticationFailure = { kind: 'unknown-principal' } | { kind: 'inactive-staff' };

/**
 * Turns verified claims into a principal using what Warden and the application know now, never
 * the token alone: a token for someone neither knows is refused, a customer's account comes
 * from the application (its identity hook), and a staff member keeps only the roles both the
 * token and Warden's staff directory name, so a role removed takes effect on the next request
 * even while old tokens live.
 */
export async function loadPrincipal(db: Executor, identity: WardenIdentity, claims: TokenClaims): Promise<Principal | AuthenticationFailure> {
  const authTime = new Date(claims.auth_time * 1000);
  if (claims.kind === 'staff') {
    const staff = await db.selectFrom('staff').select(['id', 'name', 'roles', 'active']).where('id', '=', claims.sub).executeTakeFirst();
    if (!staff) return { kind: 'unknown-principal' };
    if (!staff.active) return { kind: 'inactive-staff' };
    const roles = claims.roles.filter((role) => staff.roles.includes(role));
    return { kind: 'staff', id: staff.id, name: staff.name, roles, authTime };
  }
  const customer = await identity.customer(claims.sub);
  if (!customer) return { kind: 'unknown-principal' };
  return { kind: 'customer', id: customer.id, name: customer.name, accountId: customer.account.id, role: customer.role, authTime };
}
