import type { Db } from '../db/database.js';
import type { NewStaffRow } from '../db/tables/staff.js';

/**
 * Staff for trying proxy mode out: an empty staff table in development gets these, so an agent,
 * a manager, a security admin and an auditor can sign in at once. Production starts with none
 * (staff come from the team's own directory).
 */
export const DEVELOPMENT_STAFF = [
  { alias: 'agent', id: 'stf_agent', name: 'Alex Agent', email: 'alex.agent@support.example', roles: ['support_agent'] },
  { alias: 'agent2', id: 'stf_agent2', name: 'Blair Agent', email: 'blair.agent@support.example', roles: ['support_agent'] },
  { alias: 'manager', id: 'stf_manager', name: 'Morgan Manager', email: 'morgan.manager@support.example', roles: ['support_manager'] },
  { alias: 'security', id: 'stf_security', name: 'Sam Security', email: 'sam.security@support.example', roles: ['security_admin'] },
  { alias: 'auditor', id: 'stf_auditor', name: 'Avery Auditor', email: 'avery.auditor@support.example', roles: ['auditor'] },
] as const satisfies readonly (NewStaffRow & { alias: string })[];

/** Adds the development staff when the staff table is empty; returns how many were added. */
export async function addDevelopmentStaff(db: Db): Promise<number> {
  const existing = await db.selectFrom('staff').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  await db.insertInto('staff').values(DEVELOPMENT_STAFF.map(({ alias: _alias, ...staff }) => ({ ...staff, roles: [...staff.roles] }))).execute();
  return DEVELOPMENT_STAFF.length;
}
