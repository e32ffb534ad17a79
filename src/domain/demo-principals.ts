import type { DevTokenSubject } from '../index.js';
import { DEMO_STAFF, DEMO_USERS } from './seed/demo-data.js';

/**
 * Short names for the demo people, for `npm run token -- <name>` and the start-up banner:
 * one per staff role, the demo AI assistant, and the Acme owner as the customer.
 */
export const DEMO_ALIASES: Record<string, string> = {
  agent: 'stf_sarah',
  agent2: 'stf_leo',
  manager: 'stf_marcus',
  manager2: 'stf_nadia',
  security: 'stf_priya',
  security2: 'stf_yuki',
  auditor: 'stf_dan',
  oncall: 'stf_ines',
  assistant: 'ast_triage',
  customer: 'usr_jane',
};

/** The token subject for a demo alias or id; undefined when no demo principal has it. */
export function demoSubject(aliasOrId: string): DevTokenSubject | undefined {
  const id = DEMO_ALIASES[aliasOrId] ?? aliasOrId;
  const staff = DEMO_STAFF.find((s) => s.id === id);
  if (staff && 'kind' in staff) return { sub: staff.id, kind: 'ai_agent', name: staff.name, vendor: staff.vendor, model: staff.model };
  if (staff) return { sub: staff.id, kind: 'staff', name: staff.name, roles: staff.roles };
  const user = DEMO_USERS.find((u) => u.id === id);
  if (user) return { sub: user.id, kind: 'customer', name: user.name };
  return undefined;
}
