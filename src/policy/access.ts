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
}

const NO_GRANTS: ReadonlySet<string> = new Set();

/** Access without impersonation: a customer reads their own account, staff the directory. */
export function directAccess(principal: Principal): AccessContext {
  return principal.kind === 'customer'
    ? { column: 'customer', actingAs: principal, grants: NO_GRANTS }
    : { column: 'staff', actingAs: null, grants: NO_GRANTS };
}

/** Access while support acts as `customer` in a session of the given mode. */
export function impersonationAccess(
  customer: CustomerPrincipal,
  mode: 'read_only' | 'read_write',
  grants: ReadonlySet<string> = NO_GRANTS,
): AccessContext {
  return { column: mode === 'read_only' ? 'impersonation_read_only' : 'impersonation_read_write', actingAs: customer, grants };
}
