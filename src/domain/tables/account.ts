import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Plan = 'free' | 'team' | 'enterprise';

/** A cancelled plan keeps its name (what was cancelled); the account stays, its plan ends. */
export type PlanStatus = 'active' | 'cancelled';

/** What the customer decided about support entering their account. */
export type SupportAccess = 'allow' | 'ask_first' | 'never';

export interface AccountTable {
  id: string;
  name: string;
  plan: Plan;
  plan_status: Generated<PlanStatus>;
  region: string;
  /** Sensitive (enterprise, regulated) accounts need a manager's approval before anyone enters. */
  sensitive: Generated<boolean>;
  support_access: Generated<SupportAccess>;
  feature_flags: Generated<string[]>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type AccountRow = Selectable<AccountTable>;
export type NewAccountRow = Insertable<AccountTable>;
export type AccountUpdate = Updateable<AccountTable>;
