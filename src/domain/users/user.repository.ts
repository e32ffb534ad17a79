import type { DemoExecutor } from '../database.js';
import { escapeLike } from '../escape-like.js';
import type { NotificationSettingsRow, NotificationSettingsUpdate } from '../tables/notification-settings.js';
import type { UserRow } from '../tables/user.js';

export function findUserInAccount(db: DemoExecutor, accountId: string, userId: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

export interface UserListing {
  role: UserRow['role'] | null;
  nameContains: string | null;
  email: string | null;
  /** null: by id only. */
  orderBy: 'NAME' | 'EMAIL' | 'CREATED_AT' | 'ROLE' | null;
}

const ORDER_COLUMNS = { NAME: 'name', EMAIL: 'email', CREATED_AT: 'created_at', ROLE: 'role' } as const;

export function listUsersOfAccount(db: DemoExecutor, accountId: string, listing: UserListing): Promise<UserRow[]> {
  let query = db.selectFrom('users').selectAll().where('account_id', '=', accountId);
  if (listing.role) query = query.where('role', '=', listing.role);
  if (listing.nameContains) query = query.where('name', 'ilike', `%${escapeLike(listing.nameContains)}%`);
  const email = listing.email?.toLowerCase();
  if (email) query = query.where((eb) => eb(eb.fn('lower', ['email']), '=', email));
  if (listing.orderBy) query = query.orderBy(ORDER_COLUMNS[listing.orderBy]);
  return query.orderBy('id').execute();
}
export function findNotificationSettings(db: DemoExecutor, userId: string): Promise<NotificationSettingsRow | undefined> {
  return db.selectFrom('notification_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Locks the row so two concurrent edits cannot both read the same "before" for the audit. */
export function lockNotificationSettings(db: DemoExecutor, userId: string): Promise<NotificationSettingsRow | undefined> {
  return db
    .selectFrom('notification_settings')
    .selectAll()
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

export function updateNotificationSettings(
  db: DemoExecutor,
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

/** Locks the user's row, so what the change's record calls "before" is what it changed. */
export function lockUserInAccount(db: DemoExecutor, accountId: string, userId: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', userId).where('account_id', '=', accountId).forUpdate().executeTakeFirst();
}

/** Whether someone other than `userId` signs in with `email` (compared as stored: lower case). */
export async function emailInUse(db: DemoExecutor, email: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', email)).where('id', '!=', userId).executeTakeFirst();
  return row !== undefined;
}

export function updateUserEmail(db: DemoExecutor, userId: string, email: string): Promise<UserRow> {
  return db.updateTable('users').set({ email }).where('id', '=', userId).returningAll().executeTakeFirstOrThrow();
}

export function markLoginResetSent(db: DemoExecutor, userId: string): Promise<UserRow> {
  return db.updateTable('users').set({ login_reset_sent_at: new Date() }).where('id', '=', userId).returningAll().executeTakeFirstOrThrow();
}
