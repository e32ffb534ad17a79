import type { ColumnType, Generated, Kysely, Selectable, Transaction } from 'kysely';
import type { SupportAccess, WardenDatabase, WardenExecutor } from 'warden';

/** A customer company: what Warden calls an account. */
export interface TeamTable {
  id: string;
  name: string;
  /** Regulated or enterprise: every support session in it waits for a manager. */
  sensitive: Generated<boolean>;
  /** What the team decided about support entering: `allow`, `ask_first` or `never`. */
  support_access: Generated<SupportAccess>;
}

/** A person of a team: what Warden calls a customer. */
export interface MemberTable {
  id: string;
  team_id: string;
  name: string;
  email: string;
  role: 'owner' | 'member';
  phone: string | null;
  /** `YYYY-MM-DD`: Warden's connections read DATE columns as strings. */
  date_of_birth: string | null;
  api_key: string;
}

export interface OrderTable {
  id: string;
  team_id: string;
  number: string;
  total_cents: number;
  currency: string;
  status: 'paid' | 'refunded';
  shipping_address: string | null;
  placed_on: ColumnType<string, string, never>;
}

/** The shop's own tables (a type, not an interface: Kysely's `withTables` wants one). */
export type ShopTables = {
  teams: TeamTable;
  members: MemberTable;
  orders: OrderTable;
};

export type TeamRow = Selectable<TeamTable>;
export type MemberRow = Selectable<MemberTable>;
export type OrderRow = Selectable<OrderTable>;

/** Warden's connection or transaction, with the shop's tables beside Warden's. */
export type ShopExecutor = Kysely<WardenDatabase & ShopTables> | Transaction<WardenDatabase & ShopTables>;

/**
 * The shop's tables over whatever Warden hands out (a request's `db`, a describer's `db`, a
 * transaction): one connection, so a change and its audit record commit together.
 */
export function shop(db: WardenExecutor): ShopExecutor {
  return db.withTables<ShopTables>();
}
