import type { DemoExecutor } from '../database.js';
import type { AccountRow, AccountUpdate } from '../tables/account.js';
import { escapeLike } from '../escape-like.js';

export function findAccountById(db: DemoExecutor, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface DirectorySearch {
  /** Matched case-insensitively against user names and account names. */
  text: string;
  limit: number;
}

/** The staff directory: names, account and plan only, never contact details or secrets. */
export function searchDirectory(db: DemoExecutor, search: DirectorySearch) {
  const pattern = `%${escapeLike(search.text)}%`;
  return db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select([
      'users.id as userId',
      'users.name as name',
      'accounts.id as accountId',
      'accounts.name as accountName',
      'accounts.plan as plan',
    ])
    .where((eb) => eb.or([eb('users.name', 'ilike', pattern), eb('accounts.name', 'ilike', pattern)]))
    .orderBy('users.name')
    .orderBy('users.id')
    .limit(search.limit)
    .execute();
}

/** Locks the account's row, so what the change's record calls "before" is what it changed. */
export function lockAccount(db: DemoExecutor, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateAccount(db: DemoExecutor, id: string, update: AccountUpdate): Promise<AccountRow> {
  return db.updateTable('accounts').set(update).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
