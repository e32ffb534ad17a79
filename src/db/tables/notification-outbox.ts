import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { SlackMessage } from '../../notify/slack-message.js';

/** Rows are written by `enqueueNotification` and updated only by the dispatcher. */
export interface NotificationOutboxTable {
  /** bigint: node-postgres returns it as a string. */
  id: ColumnType<string, never, never>;
  /** Derived from the notification (`session_started:<sessionId>`): a second insert is ignored. */
  idempotency_key: string;
  kind: string;
  /** Rows with one key are delivered in id order: one waits while an older one is undelivered. */
  ordering_key: string | null;
  /** Rendered when enqueued: the outbox never holds more than the message itself. */
  payload: ColumnType<SlackMessage, string, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  attempts: Generated<number>;
  /** When the row is next due; a dispatcher moves it forward to claim the row. */
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_error: string | null;
  delivered_at: Date | null;
}

export type NotificationOutboxRow = Selectable<NotificationOutboxTable>;
export type NewNotificationOutboxRow = Insertable<NotificationOutboxTable>;
