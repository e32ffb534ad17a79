import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

export interface ApiTokenTable {
  id: string;
  account_id: string;
  created_by: string;
  name: string;
  /** The full secret, as stored: the policy shows at most its last characters. */
  secret: string;
  last_used_at: Date | null;
  /** Set when the token was revoked: it no longer authenticates, and stays listed as revoked. */
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type ApiTokenRow = Selectable<ApiTokenTable>;
export type NewApiTokenRow = Insertable<ApiTokenTable>;
export type ApiTokenUpdate = Updateable<ApiTokenTable>;
