import type { ColumnType, Insertable, Selectable } from 'kysely';

export interface ApiTokenTable {
  id: string;
  account_id: string;
  created_by: string;
  name: string;
  /** The full secret, as stored: the policy shows at most its last characters. */
  secret: string;
  last_used_at: Date | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type ApiTokenRow = Selectable<ApiTokenTable>;
export type NewApiTokenRow = Insertable<ApiTokenTable>;
