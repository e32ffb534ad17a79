import type { DemoExecutor } from '../database.js';
import type { ApiTokenRow } from '../tables/api-token.js';

/** The account's tokens, revoked ones too (they show as revoked), oldest first. */
export function listApiTokens(db: DemoExecutor, accountId: string): Promise<ApiTokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
}

/** A token of the account, with the name of the user who created it. */
export function findApiToken(db: DemoExecutor, accountId: string, tokenId: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.created_by')
    .selectAll('api_tokens')
    .select('users.name as creator_name')
    .where('api_tokens.id', '=', tokenId)
    .where('api_tokens.account_id', '=', accountId)
    .executeTakeFirst();
}

/** Locks the token's row, so what the change's record calls "before" is what it changed. */
export function lockApiToken(db: DemoExecutor, accountId: string, tokenId: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', tokenId).where('account_id', '=', accountId).forUpdate().executeTakeFirst();
}

export function markApiTokenRevoked(db: DemoExecutor, tokenId: string): Promise<ApiTokenRow> {
  return db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', '=', tokenId).returningAll().executeTakeFirstOrThrow();
}
