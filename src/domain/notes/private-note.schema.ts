import { actingCustomer, auditScopeOf } from '../../index.js';
import type { DemoBuilder } from '../demo-types.js';
import { seesColleaguesPrivateData } from '../users/index.js';
import { deleteNoteEffect, notesRevealed } from './private-note.effects.js';
import { listPrivateNotes } from './private-note.repository.js';
import { deletePrivateNote } from './private-note.service.js';
import { demoDb } from '../database.js';

export function definePrivateNoteTypes(builder: DemoBuilder): void {
  builder.objectType('PrivateNote', {
    description: "Notes the customer keeps for themselves; support should rarely need them.",
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      authorId: t.exposeID('author_id', { classification: 'public' }),
      body: t.exposeString('body', { classification: 'sensitive', mask: 'redact', nullable: true, reveals: notesRevealed }),
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
        return listPrivateNotes(demoDb(context.db), account.id, seesColleaguesPrivateData(viewer) ? null : viewer.id);
      },
    }),
  }));

  builder.mutationField('deletePrivateNote', (t) =>
    t.field({
      type: 'PrivateNote',
      callers: 'customer',
      classification: 'public',
      risk: 'risky',
      effect: deleteNoteEffect,
      description: 'Deletes a private note: one you wrote, or any (owners and admins). Its text is erased at once.',
      authScopes: { customer: true },
      args: { noteId: t.arg.id({ required: true, filtersBy: 'PrivateNote.id' }) },
      resolve: (_root, { noteId }, context, info) => deletePrivateNote(context.db, actingCustomer(context), String(noteId), auditScopeOf(context, info)),
    }),
  );
}
