import { type Kysely, sql } from 'kysely';

/**
 * Notifications about one session go out in the order they happened: a row with an
 * `ordering_key` waits while an older row with the same key is undelivered (an outage must not
 * let "session ended" arrive before "session started").
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notification_outbox').addColumn('ordering_key', 'text').execute();
  await db.schema
    .createIndex('notification_outbox_undelivered_order_idx')
    .on('notification_outbox')
    .columns(['ordering_key', 'id'])
    .where(sql.ref('delivered_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('notification_outbox_undelivered_order_idx').execute();
  await db.schema.alterTable('notification_outbox').dropColumn('ordering_key').execute();
}
