import type { WardenBuilder } from '../../graphql/builder.js';
import type { Executor } from '../../db/database.js';
import type { ApiTokenRow } from '../../db/tables/api-token.js';

function listApiTokens(db: Executor, accountId: string): Promise<ApiTokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
}

export function defineApiTokenTypes(builder: WardenBuilder): void {
  builder.objectType('ApiToken', {
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      name: t.exposeString('name', { classification: 'internal', nullable: true }),
      secret: t.exposeString('secret', {
        classification: 'secret',
        mask: 'last2',
        nullable: true,
        description: 'The token itself, as stored; shown masked.',
      }),
      createdBy: t.exposeID('created_by', { classification: 'public' }),
      lastUsedAt: t.expose('last_used_at', { type: 'DateTime', classification: 'internal', nullable: true }),
      createdAt: t.expose('created_at', { type: 'DateTime', classification: 'internal', nullable: true }),
    }),
  });

  builder.objectFields('Account', (t) => ({
    apiTokens: t.field({
      type: ['ApiToken'],
      classification: 'public',
      resolve: (account, _args, context) => listApiTokens(context.db, account.id),
    }),
  }));
}
