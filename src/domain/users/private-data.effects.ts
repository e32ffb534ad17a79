import { type GrantDescriber, says } from '../../index.js';
import type { UserRole } from '../tables/user.js';
import { seesColleaguesPrivateData } from './colleague-privacy.js';
import { listUsersOfAccount } from './user.repository.js';
import { userRoleOf } from './user-role.js';
import { demoExecutor } from '../database.js';

const ROLE_NAMES: Record<UserRole, string> = { owner: 'an owner', admin: 'an admin', billing: 'a billing contact', member: 'a member' };

/**
 * Whose `label` (birth date, national ID) a grant would show in a session as the customer. The
 * colleague-privacy rule applies before any grant: a member's or billing contact's session sees
 * the customer's own only; an owner's or admin's sees every user's in the account. Counted, not
 * named: the audit names nobody but the customer a request concerns, and the request names them.
 */
export function ownOrColleagues(label: string): GrantDescriber {
  return async ({ db, customer }) => {
    if (!seesColleaguesPrivateData(customer)) return says`the customer's own ${label} only (${ROLE_NAMES[userRoleOf(customer)]} sees no colleague's)`;
    const users = await listUsersOfAccount(demoExecutor(db), customer.accountId, { role: null, nameContains: null, email: null, orderBy: null });
    return says`the ${label} of every user of the account (${users.length}: ${ROLE_NAMES[userRoleOf(customer)]} sees every colleague's)`;
  };
}
