import { type AuditScope, type CustomerPrincipal, recordAuditEvent, type WardenDb, wardenError } from '../../index.js';
import type { PrivateNoteRow } from '../tables/private-note.js';
import { findAccountById } from '../accounts/index.js';
import { seesColleaguesPrivateData } from '../users/index.js';
import { erasePrivateNote, findPrivateNote } from './private-note.repository.js';
import type { DomainTables } from '../database.js';

/** Whether `customer` sees (and so may delete) a note: their own, or any for owners and admins. */
export function seesNote(customer: CustomerPrincipal, note: Pick<PrivateNoteRow, 'author_id'>): boolean {
  return note.author_id === customer.id || seesColleaguesPrivateData(customer);
}

/** "2026-11-20": the day a note was written. */
export function writtenOn(note: Pick<PrivateNoteRow, 'created_at'>): string {
  return note.created_at.toISOString().slice(0, 10);
}

export const NO_SUCH_NOTE = 'No private note with that id that you can see; list your private notes to find its id.';

/**
 * Deletes a private note the customer can see, and records it. The text is erased at once; the
 * record says whose note of which day, never what it said (private notes are sensitive).
 */
export async function deletePrivateNote(db: WardenDb, customer: CustomerPrincipal, noteId: string, scope: AuditScope): Promise<PrivateNoteRow> {
  return db.transaction().execute(async (trx) => {
    const app = trx.withTables<DomainTables>();
    const before = await findPrivateNote(app, customer.accountId, noteId, true);
    await scope.beforeChange?.(trx, scope);
    const account = await findAccountById(app, customer.accountId);
    // Someone else's note is not the customer's to see: as if it did not exist.
    if (!before || !account || !seesNote(customer, before)) throw wardenError('NOT_FOUND', NO_SUCH_NOTE);
    const author = before.author_name;
    const after = await erasePrivateNote(app, before.id);
    await recordAuditEvent(
      trx,
      {
        kind: 'mutation_executed',
        typeField: 'Mutation.deletePrivateNote',
        account: { id: account.id, name: account.name },
        subjectUserId: before.author_id,
        target: `${author}'s private note of ${writtenOn(before)}`,
        done: `deleted ${author}'s private note of ${writtenOn(before)}`,
        changes: [{ field: 'PrivateNote.body', label: 'text', before: before.body, after: null }],
      },
      scope,
    );
    return after;
  });
}
