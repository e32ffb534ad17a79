import type { WardenDb, WardenIdentity } from '../../index.js';
import { demoExecutor } from '../database.js';
import type { UserRole } from '../tables/user.js';

/** Users a session as whom always waits for a manager: they can change the account itself. */
const PRIVILEGED_ROLES: ReadonlySet<UserRole> = new Set(['owner', 'admin', 'billing']);

/** Who the reference domain's customers are: its users, their accounts and what those decided. */
export function customerIdentity(db: WardenDb): WardenIdentity {
  return {
    async customer(id, within) {
      const row = await demoExecutor(within ?? db)
        .selectFrom('users')
        .innerJoin('accounts', 'accounts.id', 'users.account_id')
        .select([
          'users.id',
          'users.name',
          'users.email',
          'users.role',
          'accounts.id as accountId',
          'accounts.name as accountName',
          'accounts.sensitive',
          'accounts.support_access as supportAccess',
        ])
        .where('users.id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      return {
        id: row.id,
        name: row.name,
        email: row.email,
        role: row.role,
        privileged: PRIVILEGED_ROLES.has(row.role) ? `the account's ${row.role}` : null,
        account: { id: row.accountId, name: row.accountName, sensitive: row.sensitive, supportAccess: row.supportAccess },
      };
    },
  };
}
