import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type UserRole = 'owner' | 'admin' | 'billing' | 'member';

export interface UserTable {
  id: string;
  account_id: string;
  name: string;
  email: string;
  phone: string | null;
  role: UserRole;
  /** `YYYY-MM-DD`: the date parser keeps dates as strings so no time zone can shift them. */
  birth_date: string | null;
  national_id: string | null;
  /** Never leaves the gateway: the schema exposes only whether one is set. */
  password_hash: string;
  /** Never leaves the gateway: the schema exposes only how many remain. */
  mfa_recovery_codes: Generated<string[]>;
  /** When a login reset link was last sent; the link itself is the mail system's, never stored. */
  login_reset_sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
