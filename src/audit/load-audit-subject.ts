import type { Executor } from '../db/database.js';
import type { AuditSubject } from './audit-event.js';

/** The customer and account an event concerns, by name, as summaries need them. */
export async function loadAuditSubject(db: Executor, userId: string): Promise<AuditSubject> {
  const row = await db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select(['users.id as userId', 'users.name as userName', 'accounts.id as accountId', 'accounts.name as accountName'])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  return { user: { id: row.userId, name: row.userName }, account: { id: row.accountId, name: row.accountName } };
}
