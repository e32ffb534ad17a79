import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface NotificationSettingsTable {
  user_id: string;
  invoice_emails: Generated<boolean>;
  security_alerts: Generated<boolean>;
  product_updates: Generated<boolean>;
  sms_alerts: Generated<boolean>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type NotificationSettingsRow = Selectable<NotificationSettingsTable>;
export type NewNotificationSettingsRow = Insertable<NotificationSettingsTable>;
export type NotificationSettingsUpdate = Updateable<NotificationSettingsTable>;
