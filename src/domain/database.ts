import type { WardenDatabase, WardenDb, WardenExecutor } from '../index.js';
import type { Kysely, Transaction } from 'kysely';
import type { AccountTable } from './tables/account.js';
import type { ApiTokenTable } from './tables/api-token.js';
import type { InvoiceTable } from './tables/invoice.js';
import type { NotificationSettingsTable } from './tables/notification-settings.js';
import type { PaymentMethodTable } from './tables/payment-method.js';
import type { PrivateNoteTable } from './tables/private-note.js';
import type { UserTable } from './tables/user.js';

/** The reference domain's own tables (a type, not an interface: Kysely's `withTables` wants one). */
export type DomainTables = {
  accounts: AccountTable;
  users: UserTable;
  notification_settings: NotificationSettingsTable;
  payment_methods: PaymentMethodTable;
  invoices: InvoiceTable;
  api_tokens: ApiTokenTable;
  private_notes: PrivateNoteTable;
};

/** The demo's one database: its own tables beside Warden's (staff, for the seed). */
export type DemoDatabase = WardenDatabase & DomainTables;
export type DemoDb = Kysely<DemoDatabase>;
/** A repository function takes either the pool-backed `DemoDb` or an open transaction. */
export type DemoExecutor = Kysely<DemoDatabase> | Transaction<DemoDatabase>;

/**
 * The domain's tables beside Warden's, over the very database or transaction Warden hands out
 * (the request's `db`, a describer's `db`, a service's transaction): one connection, so a change
 * and its audit record commit together.
 */
export function demoDb(db: WardenDb): DemoDb {
  return db.withTables<DomainTables>();
}

/** `demoDb` for an executor that may be an open transaction. */
export function demoExecutor(db: WardenExecutor): DemoExecutor {
  return db.withTables<DomainTables>();
}
