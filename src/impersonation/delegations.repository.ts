import type { Executor } from '../db/database.js';
import type { NewSessionDelegationRow, SessionDelegationRow } from '../db/tables/session-delegation.js';

export function insertDelegation(db: Executor, row: NewSessionDelegationRow): Promise<SessionDelegationRow> {
  return db.insertInto('session_delegations').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findDelegationByTokenHash(db: Executor, tokenHash: string): Promise<SessionDelegationRow | undefined> {
  return db.selectFrom('session_delegations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function lockDelegation(db: Executor, id: string): Promise<SessionDelegationRow | undefined> {
  return db.selectFrom('session_delegations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The session's key for stand-ins, made on first use: concurrent first uses agree on one. */
export async function sessionPseudonymKey(db: Executor, sessionId: string, fresh: string): Promise<string> {
  const row = await db
    .updateTable('impersonation_sessions')
    .set((eb) => ({ pseudonym_key: eb.fn.coalesce('pseudonym_key', eb.val(fresh)) }))
    .where('id', '=', sessionId)
    .returning('pseudonym_key')
    .executeTakeFirstOrThrow();
  return row.pseudonym_key ?? fresh;
}
