import type { ColumnType, Insertable, Selectable } from 'kysely';

/** What a practice decided about support entering it (Warden's `SupportAccess`). */
export type SupportAccessSetting = 'allow' | 'ask_first' | 'never';

/** A practice: the customer account, whose members sign in. */
export interface PracticeTable {
  id: string;
  name: string;
  /** Mental health, oncology…: every support session in it waits for a manager. */
  sensitive: ColumnType<boolean, boolean | undefined, boolean>;
  support_access: ColumnType<SupportAccessSetting, SupportAccessSetting | undefined, SupportAccessSetting>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type PracticeRow = Selectable<PracticeTable>;
export type NewPracticeRow = Insertable<PracticeTable>;
