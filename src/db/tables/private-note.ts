import type { ColumnType, Insertable, Selectable } from 'kysely';

export interface PrivateNoteTable {
  id: string;
  account_id: string;
  author_id: string;
  body: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type PrivateNoteRow = Selectable<PrivateNoteTable>;
export type NewPrivateNoteRow = Insertable<PrivateNoteTable>;
