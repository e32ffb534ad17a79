import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { notificationKey, orderingKeyOf, type Notification } from './notification.js';
import { renderNotification } from './render-notification.js';

/**
 * Queues a notification inside the caller's transaction, so it exists exactly when the event it
 * reports committed. It takes a `Transaction`, not a pool, for the same reason as
 * `recordAuditEvent`. The message is rendered now and only the message is stored. Resolves to
 * false when a notification with the same key was already queued (the insert is then ignored).
 */
export async function enqueueNotification(trx: Transaction<Database>, notification: Notification): Promise<boolean> {
  const result = await trx
    .insertInto('notification_outbox')
    .values({
      idempotency_key: notificationKey(notification),
      kind: notification.kind,
      ordering_key: orderingKeyOf(notification),
      payload: JSON.stringify(renderNotification(notification)),
    })
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return result.numInsertedOrUpdatedRows === 1n;
}
