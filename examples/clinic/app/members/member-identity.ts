import type { WardenDb, WardenIdentity } from 'warden';
import { clinicExecutor } from '../database.js';

/**
 * Who the clinic's customers are, for Warden: its members, their practice, and what the
 * practice decided about support. A practice manager can change the practice itself, so a
 * session as one always waits for a manager's approval.
 */
export function clinicIdentity(db: WardenDb): WardenIdentity {
  return {
    async customer(id, within) {
      const row = await clinicExecutor(within ?? db)
        .selectFrom('members')
        .innerJoin('practices', 'practices.id', 'members.practice_id')
        .select([
          'members.id',
          'members.name',
          'members.email',
          'members.role',
          'practices.id as practiceId',
          'practices.name as practiceName',
          'practices.sensitive',
          'practices.support_access as supportAccess',
        ])
        .where('members.id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      return {
        id: row.id,
        name: row.name,
        email: row.email,
        role: row.role,
        privileged: row.role === 'practice_manager' ? "the practice's manager" : null,
        account: { id: row.practiceId, name: row.practiceName, sensitive: row.sensitive, supportAccess: row.supportAccess },
      };
    },
  };
}
