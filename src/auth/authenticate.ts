import type { Executor } from '../db/database.js';
import type { Principal } from './principal.js';
import type { TokenClaims } from './token-claims.js';

export type AuthenticationFailure = { kind: 'unknown-principal' } | { kind: 'inactive-staff' };

/**
 * Turns verified claims into a principal using Warden's own records: a token for someone
 * Warden does not know is refused, a customer's account comes from the database (never from
 * the token), and a staff member keeps only the roles both the token and the record name, so a
 * role removed in Warden takes effect on the next request even while old tokens live.
 */
export async function loadPrincipal(
  db: Executor,
  claims: TokenClaims,
): Promise<Principal | AuthenticationFailure> {
  const authTime = new Date(claims.auth_time * 1000);
  if (claims.kind === 'staff') {
    const staff = await db
      .selectFrom('staff')
      .select(['id', 'name', 'roles', 'active'])
      .where('id', '=', claims.sub)
      .executeTakeFirst();
    if (!staff) return { kind: 'unknown-principal' };
    if (!staff.active) return { kind: 'inactive-staff' };
    const roles = claims.roles.filter((role) => staff.roles.includes(role));
    return { kind: 'staff', id: staff.id, name: staff.name, roles, authTime };
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'account_id', 'role'])
    .where('id', '=', claims.sub)
    .executeTakeFirst();
  if (!user) return { kind: 'unknown-principal' };
  return {
    kind: 'customer',
    id: user.id,
    name: user.name,
    accountId: user.account_id,
    role: user.role,
    authTime,
  };
}
