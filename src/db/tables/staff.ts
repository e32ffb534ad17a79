import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export const STAFF_ROLES = [
  'support_agent',
  'support_manager',
  'security_admin',
  'auditor',
  'oncall_engineer',
] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffTable {
  id: string;
  name: string;
  email: string;
  /** Warden's record of each person's roles: a token's `roles` claim counts only where it agrees. */
  roles: Generated<StaffRole[]>;
  active: Generated<boolean>;
  /** A person, or an AI assistant (no roles; see docs/ai-assistants.md). */
  kind: Generated<'person' | 'assistant'>;
  /** For assistants: who makes it and which model it runs, as the directory records them. */
  vendor: string | null;
  model: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type StaffRow = Selectable<StaffTable>;
export type NewStaffRow = Insertable<StaffTable>;
export type StaffUpdate = Updateable<StaffTable>;
