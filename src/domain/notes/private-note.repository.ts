import type { DemoExecutor } from '../database.js';
import type { PrivateNoteRow } from '../tables/private-note.js';

/** The account's notes, deleted ones left out; with `authorId`, only the ones that user wrote. */
export function listPrivateNotes(db: DemoExecutor, accountId: string, authorId: string | null): Promise<PrivateNoteRow[]> {
  let query = db.selectFrom('private_notes').selectAll().where('account_id', '=', accountId).where('deleted_at', 'is', null);
  if (authorId !== null) query = query.where('author_id', '=', authorId);
  return query.orderBy('created_at', 'desc').orderBy('id').execute();
}

/**
 * A note of the account that is not deleted, with its author's name. `lock`: the note's row
 * (only, not its author's) stays as read until the transaction ends, so what the change's record
 * calls "before" is what it changed.
 */
export function findPrivateNote(db: DemoExecutor, accountId: string, noteId: string, lock = false) {
  return db
    .selectFrom('private_notes')
    .innerJoin('users', 'users.id', 'private_notes.author_id')
    .selectAll('private_notes')
    .select('users.name as author_name')
    .where('private_notes.id', '=', noteId)
    .where('private_notes.account_id', '=', accountId)
    .where('private_notes.deleted_at', 'is', null)
    .$if(lock, (query) => query.forUpdate('private_notes'))
    .executeTakeFirst();
}

/** Deletes a note: its text is erased, and the row stays as a tombstone (the application role deletes no rows). */
export function erasePrivateNote(db: DemoExecutor, noteId: string): Promise<PrivateNoteRow> {
  return db.updateTable('private_notes').set({ body: '', deleted_at: new Date() }).where('id', '=', noteId).returningAll().executeTakeFirstOrThrow();
}
