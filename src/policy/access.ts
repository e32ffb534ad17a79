import type { CustomerPrincipal, Principal } from '../auth/principal.js';
import type { PolicyColumn } from './data-class.js';

/**
 * How this request may see data: the policy column it falls in, the customer whose account it
 * acts on (the caller, or the customer being impersonated), and the sensitive fields granted
 * for this session. One typed object, built in the request context; decisions read only this.
 */
export interface AccessContext {
  column: PolicyColumn;
  actingAs: CustomerPrincipal | null;
  /** `Type.field` coordinates a manager granted in this impersonation session. */
  grants: ReadonlySet<string>;
  /** The impersonation session this request runs in, if any. */
  session: SessionInfo | null;
}

/** What a request knows about its impersonation session: enough for the banner and the gate. */
export interface SessionInfo {
  id: string;
  mode: 'read_only' | 'read_write';
  agent: { id: string; name: string };
  user: { id: string; name: string };
  account: { id: string; name: string };
  expiresAt: Date;
  idleExpiresAt: Date;
}

const NO_GRANTS: ReadonlySet<string> = new Set();

/** Access without impersonation: a customer reads their own account, staff the directory. */
export function directAccess(principal: Principal): AccessContext {
  return principal.kind === 'customer'
    ? { column: 'customer', actingAs: principal, grants: NO_GRANTS, session: null }
    : { column: 'staff', actingAs: null, grants: NO_GRANTS, session: null };
}

/** Access while support acts as `customer` in a session of the given mode. */
export function impersonationAccess(
  customer: CustomerPrincipal,
  mode: 'read_only' | 'read_write',
  grants: ReadonlySet<string> = NO_GRANTS,
  session: SessionInfo | null = null,
): AccessContext {
  const column = mode === 'read_only' ? 'impersonation_read_only' : 'impersonation_read_write';
  return { column, actingAs: customer, grants, session };
}
