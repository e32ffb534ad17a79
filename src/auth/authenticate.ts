import type { Executor } from '../db/database.js';
import type { WardenIdentity } from '../identity/identity.js';
import type { Principal } from './principal.js';
import type { TokenClaims } from './token-claims.js';

/**
 * A token refused: for someone Warden does not know, or for someone it knows who was deactivated
 * (`who`, a staff member or an AI assistant, whose refusal goes on the trail under their kind).
 */
export type AuthenticationFailure = { kind: 'unknown-principal' } | { kind: 'inactive-staff'; who: DeactivatedPrincipal };

/** Who a deactivated token names: a person, or an assistant with whom it acted for. */
export type DeactivatedPrincipal =
  | { kind: 'staff'; id: string; name: string }
  | { kind: 'assistant'; id: string; name: string; vendor: string; model: string; onBehalfOf: { id: string; name: string } | null; priorActors: readonly string[] };

/**
 * Turns verified claims into a principal using what Warden and the application know now, never
 * the token alone: a token for someone neither knows is refused, a customer's account comes
 * from the application (its identity hook), and a staff member keeps only the roles both the
 * token and Warden's staff directory name, so a role removed takes effect on the next request
 * even while old tokens live.
 *
 * An assistant is in the same directory (`kind = 'assistant'`): its own token (`kind:
 * "ai_agent"`) must name one, and a person's token must not. A delegation token (RFC 8693: `sub`
 * the person, `act.sub` the assistant) gives the assistant, acting for that person, who must
 * be active staff too; a person's name never stands for an assistant's or the reverse.
 */
export async function loadPrincipal(db: Executor, identity: WardenIdentity, claims: TokenClaims): Promise<Principal | AuthenticationFailure> {
  const authTime = new Date(claims.auth_time * 1000);
  if (claims.kind === 'staff' || claims.kind === 'ai_agent') {
    const staff = await directoryEntry(db, claims.sub);
    if (!staff) return { kind: 'unknown-principal' };
    if (claims.kind === 'ai_agent') {
      if (staff.kind !== 'assistant') return { kind: 'unknown-principal' };
      const own = assistant(staff, claims, null, authTime);
      return staff.active ? own : { kind: 'inactive-staff', who: own };
    }
    if (staff.kind !== 'person') return { kind: 'unknown-principal' };
    if (!staff.active) return { kind: 'inactive-staff', who: { kind: 'staff', id: staff.id, name: staff.name } };
    const [actor] = claims.act;
    if (actor !== undefined) {
      const acting = await directoryEntry(db, actor);
      if (!acting || acting.kind !== 'assistant') return { kind: 'unknown-principal' };
      // A deactivated assistant acting for active staff is someone Warden knows: its refusal is recorded as its own.
      const lent = assistant(acting, claims, { id: staff.id, name: staff.name }, authTime);
      return acting.active ? lent : { kind: 'inactive-staff', who: lent };
    }
    const roles = claims.roles.filter((role) => staff.roles.includes(role));
    return { kind: 'staff', id: staff.id, name: staff.name, roles, authTime };
  }
  const customer = await identity.customer(claims.sub);
  if (!customer) return { kind: 'unknown-principal' };
  return { kind: 'customer', id: customer.id, name: customer.name, accountId: customer.account.id, role: customer.role, authTime };
}

function directoryEntry(db: Executor, id: string) {
  return db.selectFrom('staff').select(['id', 'name', 'roles', 'active', 'kind', 'vendor', 'model']).where('id', '=', id).executeTakeFirst();
}

function assistant(
  entry: { id: string; name: string; vendor: string | null; model: string | null },
  claims: TokenClaims,
  onBehalfOf: { id: string; name: string } | null,
  authTime: Date,
): Extract<Principal, { kind: 'assistant' }> {
  return {
    kind: 'assistant',
    id: entry.id,
    name: entry.name,
    vendor: claims.vendor ?? entry.vendor ?? 'unknown',
    model: claims.model ?? entry.model ?? 'unknown',
    onBehalfOf,
    priorActors: claims.act.slice(1),
    authTime,
  };
}
