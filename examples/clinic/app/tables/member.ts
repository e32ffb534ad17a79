import type { ColumnType, Insertable, Selectable } from 'kysely';

export const MEMBER_ROLES = ['practice_manager', 'clinician', 'receptionist'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Someone who works at a practice and signs in to the app: the customers support acts as. */
export interface MemberTable {
  id: string;
  practice_id: string;
  name: string;
  email: string;
  role: MemberRole;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type MemberRow = Selectable<MemberTable>;
export type NewMemberRow = Insertable<MemberTable>;
