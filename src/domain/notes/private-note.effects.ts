import { type EffectDescriber, type GrantDescriber, says, shown } from '../../index.js';
import { personsOwn, seesColleaguesPrivateData } from '../users/index.js';
import { findPrivateNote, listPrivateNotes } from './private-note.repository.js';
import { seesNote, writtenOn } from './private-note.service.js';
import { demoExecutor } from '../database.js';

/** "delete Jane Doe's private note of 2026-11-20, whose text reads (not shown)". */
export const deleteNoteEffect: EffectDescriber<{ noteId: string | number }> = async ({ noteId }, { db, customer }) => {
  const note = await findPrivateNote(demoExecutor(db), customer.accountId, String(noteId));
  if (!note || !seesNote(customer, note)) return null;
  return {
    says: says`delete ${personsOwn({ id: note.author_id, name: note.author_name }, customer)} private note of ${shown('PrivateNote.createdAt', writtenOn(note))}, whose text reads ${shown('PrivateNote.body', note.body)}`,
    state: { authorId: note.author_id, body: note.body },
  };
};

/**
 * Whose notes a grant of `PrivateNote.body` would show: the customer's own, unless they see
 * their colleagues' (owners and admins), then every note in the account.
 */
export const notesRevealed: GrantDescriber = async ({ db, customer }) => {
  const all = seesColleaguesPrivateData(customer);
  const notes = await listPrivateNotes(demoExecutor(db), customer.accountId, all ? null : customer.id);
  if (!all) return says`the text of the customer's own private notes only (${notes.length}; they see no one else's)`;
  const authors = [...new Set(notes.map((note) => note.author_id))].length;
  return says`the text of every private note in the account (${notes.length}, by ${authors} ${authors === 1 ? 'author' : 'authors'})`;
};
