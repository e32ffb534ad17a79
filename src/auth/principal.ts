import type { StaffRole } from '../db/tables/staff.js';

/** Who is calling, after the token was verified and checked against Warden's own records. */
export type Principal = StaffPrincipal | CustomerPrincipal | AssistantPrincipal;

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

/**
 * An AI assistant: its own kind of caller, never staff, holding no roles. It reads customer data
 * only in a session an agent delegated to it (or, where the policy allows, a read-only session
 * of its own), through the policy's assistant columns, and changes nothing without a person's
 * approval. See docs/ai-assistants.md.
 */
export interface AssistantPrincipal {
  kind: 'assistant';
  id: string;
  name: string;
  vendor: string;
  model: string;
  /**
   * The person an RFC 8693 delegation token says it acts for (the token's `sub`), as Warden's
   * staff directory names them; null for the assistant's own token.
   */
  onBehalfOf: { id: string; name: string } | null;
  /** Actors before it in the token's nested `act` claims, outermost first (ids as the token gives them). */
  priorActors: readonly string[];
  authTime: Date;
}

export function hasRole(principal: Principal, role: StaffRole): boolean {
  return principal.kind === 'staff' && principal.roles.includes(role);
}
