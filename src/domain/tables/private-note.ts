import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

export interface PrivateNoteTable {
  id: string;
  account_id: string;
  author_id: string;
  /** Erased (empty) once the note is deleted. */
  body: string;
  /** Set when the note was deleted: its text is erased and it is listed nowhere; the row stays as a tombstone. */
  deleted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type PrivateNoteRow = Selectable<PrivateNoteTable>;
export type NewPrivateNoteRow = Insertable<PrivateNoteTable>;
export type PrivateNoteUpdate = Updateable<PrivateNoteTable>;
