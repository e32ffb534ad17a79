import type { WardenBuilder } from '../../graphql/builder.js';
import type { Executor } from '../../db/database.js';
import type { PrivateNoteRow } from '../../db/tables/private-note.js';

function listPrivateNotes(db: Executor, accountId: string): Promise<PrivateNoteRow[]> {
  return db.selectFrom('private_notes').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').orderBy('id').execute();
}

export function definePrivateNoteTypes(builder: WardenBuilder): void {
  builder.objectType('PrivateNote', {
    description: "Notes the customer keeps for themselves; support should rarely need them.",
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      authorId: t.exposeID('author_id', { classification: 'public' }),
      body: t.exposeString('body', { classification: 'sensitive', mask: 'redact', nullable: true }),
      createdAt: t.expose('created_at', { type: 'DateTime', classification: 'internal', nullable: true }),
    }),
  });

  builder.objectFields('Account', (t) => ({
    privateNotes: t.field({
      type: ['PrivateNote'],
      classification: 'public',
      resolve: (account, _args, context) => listPrivateNotes(context.db, account.id),
    }),
  }));
}
