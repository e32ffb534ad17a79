import type { DevTokenSubject } from 'warden';
import { CLINIC_MEMBERS, CLINIC_STAFF } from './seed/clinic-data.js';

/** Short names for the demo people, for `npm run token -- <name>` and the start-up output. */
export const CLINIC_ALIASES: Readonly<Record<string, string>> = {
  agent: 'stf_ana',
  agent2: 'stf_ravi',
  manager: 'stf_helen',
  manager2: 'stf_kofi',
  security: 'stf_mei',
  auditor: 'stf_olu',
  customer: 'mem_sam',
};

/** The token subject for an alias or id; undefined when no demo person has it. */
export function clinicSubject(aliasOrId: string): DevTokenSubject | undefined {
  const id = CLINIC_ALIASES[aliasOrId] ?? aliasOrId;
  const staff = CLINIC_STAFF.find((s) => s.id === id);
  if (staff) return { sub: staff.id, kind: 'staff', name: staff.name, roles: staff.roles };
  const member = CLINIC_MEMBERS.find((m) => m.id === id);
  if (member) return { sub: member.id, kind: 'customer', name: member.name };
  return undefined;
}
