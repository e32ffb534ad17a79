import { type AuditScope, closeSessionsOfOptedOutAccount, type CustomerPrincipal, recordAuditEvent, type WardenDb, wardenError } from '../../index.js';
import type { AccountRow, SupportAccess } from '../tables/account.js';
import type { DomainTables } from '../database.js';

const WORDS: Record<SupportAccess, string> = { allow: 'allowed', ask_first: 'ask me first', never: 'never' };

/**
 * The customer decides whether support may enter; owners and admins only. "Never" takes effect
 * at once: the account's sessions, and starts waiting for a manager or for their agent, close
 * in the same transaction.
 */
export async function setSupportAccess(db: WardenDb, customer: CustomerPrincipal, value: SupportAccess, scope: AuditScope): Promise<AccountRow> {
  if (customer.role !== 'owner' && customer.role !== 'admin') {
    throw wardenError('FORBIDDEN', "Only the account's owner and admins decide whether support may enter.");
  }
  return db.transaction().execute(async (trx) => {
    const app = trx.withTables<DomainTables>();
    const before = await app.selectFrom('accounts').selectAll().where('id', '=', customer.accountId).forUpdate().executeTakeFirst();
    if (!before) throw wardenError('NOT_FOUND', 'Your account no longer exists; sign in again.');
    const after = await app.updateTable('accounts').set({ support_access: value }).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow();
    await recordAuditEvent(
      trx,
      {
        kind: 'mutation_executed',
        typeField: 'Mutation.setSupportAccess',
        account: { id: before.id, name: before.name },
        subjectUserId: customer.id,
        target: 'the support access setting',
        changes: [{ field: 'Account.supportAccess', label: 'support access', before: WORDS[before.support_access], after: WORDS[after.support_access] }],
      },
      scope,
    );
    if (after.support_access === 'never') await closeSessionsOfOptedOutAccount(trx, after, scope);
    return after;
  });
}
