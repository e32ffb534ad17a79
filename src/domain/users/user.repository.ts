import type { Executor } from '../../db/database.js';
import type { NotificationSettingsRow, NotificationSettingsUpdate } from '../../db/tables/notification-settings.js';
import type { UserRow } from '../../db/tables/user.js';

export function findUserInAccount(db: Executor, accountId: string, userId: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

export function listUsersOfAccount(db: Executor, accountId: string): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('account_id', '=', accountId).orderBy('name').execute();
}

export function findNotificationSettings(db: Executor, userId: string): Promise<NotificationSettingsRow | undefined> {
  return db.selectFrom('notification_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Locks the row so two concurrent edits cannot both read the same "before" for the audit. */
export function lockNotificationSettings(db: Executor, userId: string): Promise<NotificationSettingsRow | undefined> {
  return db
    .selectFrom('notification_settings')
    .selectAll()
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

export function updateNotificationSettings(
  db: Executor,
  userId: string,
  changes: NotificationSettingsUpdate,
): Promise<NotificationSettingsRow> {
  return db
    .updateTable('notification_settings')
    .set({ ...changes, updated_at: new Date() })
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
