import { type Kysely, sql } from 'kysely';

/**
 * The notification outbox. A notification is inserted in the same transaction as the event it
 * reports, so it exists exactly when the event committed; a dispatcher delivers it afterwards,
 * retrying until the webhook accepts it. `next_attempt_at` doubles as a claim: a dispatcher
 * pushes it forward when it takes a row, so a crashed dispatcher's rows come due again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_outbox')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0).check(sql`attempts >= 0`))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'timestamptz')
    .execute();

  // Only undelivered rows are ever looked up by due time; delivered ones stay out of the index.
  await db.schema
    .createIndex('notification_outbox_due_idx')
    .on('notification_outbox')
    .column('next_attempt_at')
    .where(sql.ref('delivered_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_outbox').execute();
}
