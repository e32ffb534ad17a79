import { recordAuditEvent, SYSTEM_ACTOR, type WardenDb } from '../../index.js';
import { demoDb, type DomainTables } from '../database.js';
import {
  DEMO_ACCOUNTS,
  DEMO_API_TOKENS,
  DEMO_INVOICES,
  DEMO_NOTIFICATION_SETTINGS,
  DEMO_PAYMENT_METHODS,
  DEMO_PRIVATE_NOTES,
  DEMO_STAFF,
  DEMO_USERS,
} from './demo-data.js';

/**
 * Loads the demo world. Idempotent: rows that exist (by id) are left as they are, and the audit
 * event names how many rows this run added, so a second run records that it added nothing.
 */
export async function seedDemoData(db: WardenDb): Promise<Record<string, number>> {
  return db.transaction().execute(async (trx) => {
    const app = trx.withTables<DomainTables>();
    const added: Record<string, number> = {};
    const count = (table: string, result: Array<{ numInsertedOrUpdatedRows?: bigint }>) => {
      added[table] = Number(result.reduce((n, r) => n + (r.numInsertedOrUpdatedRows ?? 0n), 0n));
    };
    count('accounts', await app.insertInto('accounts').values(DEMO_ACCOUNTS).onConflict((c) => c.column('id').doNothing()).execute());
    count('users', await app.insertInto('users').values(DEMO_USERS).onConflict((c) => c.column('id').doNothing()).execute());
    count(
      'notification_settings',
      await app.insertInto('notification_settings').values(DEMO_NOTIFICATION_SETTINGS).onConflict((c) => c.column('user_id').doNothing()).execute(),
    );
    count('payment_methods', await app.insertInto('payment_methods').values(DEMO_PAYMENT_METHODS).onConflict((c) => c.column('id').doNothing()).execute());
    count('invoices', await app.insertInto('invoices').values(DEMO_INVOICES).onConflict((c) => c.column('id').doNothing()).execute());
    count('api_tokens', await app.insertInto('api_tokens').values(DEMO_API_TOKENS).onConflict((c) => c.column('id').doNothing()).execute());
    count('private_notes', await app.insertInto('private_notes').values(DEMO_PRIVATE_NOTES).onConflict((c) => c.column('id').doNothing()).execute());
    count('staff', await app.insertInto('staff').values(DEMO_STAFF).onConflict((c) => c.column('id').doNothing()).execute());
    if (Object.values(added).some((n) => n > 0)) {
      await recordAuditEvent(trx, { kind: 'demo_data_seeded', rows: added }, { actor: SYSTEM_ACTOR });
    }
    return added;
  });
}

/** True when the database holds no account yet: `npm start` seeds only then. */
export async function isEmpty(db: WardenDb): Promise<boolean> {
  const row = await demoDb(db).selectFrom('accounts').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
