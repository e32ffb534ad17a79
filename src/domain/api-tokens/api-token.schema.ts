import type { WardenBuilder } from '../../graphql/builder.js';
import type { Executor } from '../../db/database.js';
import type { ApiTokenRow } from '../../db/tables/api-token.js';

function listApiTokens(db: Executor, accountId: string): Promise<ApiTokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
}

export function defineApiTokenTypes(builder: WardenBuilder): void {
  builder.objectType('ApiToken', {
    fields: (t) => ({
      id: t.exposeID('id'),
      name: t.exposeString('name'),
      secret: t.exposeString('secret', { nullable: true, description: 'The token itself, as stored; shown masked.' }),
      createdBy: t.exposeID('created_by'),
      lastUsedAt: t.expose('last_used_at', { type: 'DateTime', nullable: true }),
      createdAt: t.expose('created_at', { type: 'DateTime' }),
    }),
  });

  builder.objectFields('Account', (t) => ({
    apiTokens: t.field({
      type: ['ApiToken'],
      resolve: (account, _args, context) => listApiTokens(context.db, account.id),
    }),
  }));
}
