import type { WardenBuilder } from '../../graphql/builder.js';
import type { Executor } from '../../db/database.js';
import type { PrivateNoteRow } from '../../db/tables/private-note.js';
import { actingCustomer } from '../../graphql/acting-customer.js';
import { seesColleaguesPrivateData } from '../users/index.js';

/** The account's notes; with `authorId`, only the ones that user wrote. */
function listPrivateNotes(db: Executor, accountId: string, authorId: string | null): Promise<PrivateNoteRow[]> {
  let query = db.selectFrom('private_notes').selectAll().where('account_id', '=', accountId);
  if (authorId !== null) query = query.where('author_id', '=', authorId);
  return query.orderBy('created_at', 'desc').orderBy('id').execute();
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
      description: "The account's private notes: all of them for its owners and admins, one's own for everyone else.",
      resolve: (account, _args, context) => {
        const viewer = actingCustomer(context);
        return listPrivateNotes(context.db, account.id, seesColleaguesPrivateData(viewer) ? null : viewer.id);
      },
    }),
  }));
}
