import { hasRole, type Principal } from '../auth/principal.js';
import type { AccessContext } from '../policy/access.js';
import type { Callers } from '../policy/plugin/types.js';

/**
 * Whether a caller passes a root field's `callers` declaration: the operation firewall's rule,
 * as a pure function so what is offered (the MCP tool list) and what runs can never disagree.
 */
export function admits(callers: Callers, principal: Principal, access: Pick<AccessContext, 'actingAs'>): boolean {
  switch (callers) {
    case 'authenticated':
      return true;
    case 'customer':
      return access.actingAs !== null;
    case 'staff':
      return principal.kind === 'staff';
    case 'staff_or_assistant':
      return principal.kind === 'staff' || principal.kind === 'assistant';
    case 'support_manager':
      return hasRole(principal, 'support_manager');
    case 'security_admin':
      return hasRole(principal, 'security_admin');
    case 'auditor':
      return hasRole(principal, 'auditor') || hasRole(principal, 'security_admin');
  }
}
