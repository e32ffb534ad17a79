import type { WardenDb, WardenIdentity } from 'warden';
import { shop } from './tables.js';

/**
 * Who the shop's customers are, for Warden: a member, their team, whether the member is its
 * owner, and what the team decided about support. Warden asks whenever a rule depends on it.
 */
export function shopIdentity(db: WardenDb): WardenIdentity {
  return {
    async customer(id, within) {
      // Inside one of Warden's transactions, read through it (see "The identity hook").
      const row = await shop(within ?? db)
        .selectFrom('members')
        .innerJoin('teams', 'teams.id', 'members.team_id')
        .select([
          'members.id',
          'members.name',
          'members.email',
          'members.role',
          'teams.id as teamId',
          'teams.name as teamName',
          'teams.sensitive',
          'teams.support_access as supportAccess',
        ])
        .where('members.id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      return {
        id: row.id,
        name: row.name,
        email: row.email,
        role: row.role,
        privileged: row.role === 'owner' ? "the team's owner" : null,
        account: { id: row.teamId, name: row.teamName, sensitive: row.sensitive, supportAccess: row.supportAccess },
      };
    },
  };
}
