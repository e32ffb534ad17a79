export type { DispatchOptions, DispatchResult } from './dispatch-due-notifications.js';
export { dispatchDueNotifications } from './dispatch-due-notifications.js';
export { enqueueNotification } from './enqueue-notification.js';
export type {
  ApprovalRequested,
  Named,
  Notification,
  RepeatedDenials,
  SessionEnded,
  SessionStarted,
} from './notification.js';
export { notificationKey } from './notification.js';
export type { NotificationDispatcher, NotificationDispatcherOptions } from './notification-dispatcher.js';
export { startNotificationDispatcher } from './notification-dispatcher.js';
export { renderNotification } from './render-notification.js';
export type { BackoffOptions } from './retry-delay.js';
export type { SlackMessage } from './slack-message.js';
