import type { CustomerPrincipal, Principal } from '../auth/principal.js';
import type { PolicyColumn } from './data-class.js';
import { newPseudonymKey } from './pseudonym.js';

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
  /** For an AI assistant in a delegated session: the delegation, and the agent who made it. */
  delegation?: { id: string; agent: { id: string; name: string } } | null;
  /** For an AI assistant: the key its stand-ins (`pseudonym` decisions) are made with. */
  pseudonymKey?: string | null;
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

/**
 * Access without impersonation: a customer reads their own account, staff the directory. An
 * assistant outside a session reaches no account; its stand-ins there are keyed per request.
 */
export function directAccess(principal: Principal): AccessContext {
  if (principal.kind === 'customer') return { column: 'customer', actingAs: principal, grants: NO_GRANTS, session: null };
  if (principal.kind === 'assistant') return { column: 'assistant', actingAs: null, grants: NO_GRANTS, session: null, pseudonymKey: newPseudonymKey() };
  return { column: 'staff', actingAs: null, grants: NO_GRANTS, session: null };
}

/**
 * An AI assistant acting as `customer` in a session: its own column, no grants (none reaches an
 * assistant), stand-ins keyed by the session.
 */
export function assistantSessionAccess(
  customer: CustomerPrincipal,
  session: SessionInfo,
  pseudonymKey: string,
  delegation: { id: string; agent: { id: string; name: string } } | null,
): AccessContext {
  return { column: 'assistant_session', actingAs: customer, grants: NO_GRANTS, session, delegation, pseudonymKey };
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
