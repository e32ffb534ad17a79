import { type AuditScope, closeSessionsOfOptedOutAccount, type CustomerPrincipal, recordAuditEvent, type SupportAccess, type WardenDb, wardenError } from 'warden';
import { shop, type TeamRow } from './tables.js';

/**
 * The team decides whether support may enter (its owner only). "never" takes effect at once:
 * Warden closes the team's sessions, and the starts waiting for a manager, in the same transaction.
 */
export async function setSupportAccess(db: WardenDb, customer: CustomerPrincipal, value: SupportAccess, scope: AuditScope): Promise<TeamRow> {
  if (customer.role !== 'owner') throw wardenError('FORBIDDEN', "Only the team's owner decides whether support may enter.");
  return db.transaction().execute(async (trx) => {
    const app = shop(trx);
    const before = await app.selectFrom('teams').selectAll().where('id', '=', customer.accountId).forUpdate().executeTakeFirstOrThrow();
    const after = await app.updateTable('teams').set({ support_access: value }).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow();
    await recordAuditEvent(
      trx,
      {
        kind: 'mutation_executed',
        typeField: 'Mutation.setSupportAccess',
        account: { id: after.id, name: after.name },
        subjectUserId: customer.id,
        target: 'the support access setting',
        changes: [{ field: 'Team.supportAccess', label: 'support access', before: before.support_access, after: after.support_access }],
      },
      scope,
    );
    if (after.support_access === 'never') await closeSessionsOfOptedOutAccount(trx, after, scope);
    return after;
  });
}
