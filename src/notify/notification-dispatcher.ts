import { setTimeout as sleep } from 'node:timers/promises';
import { dispatchDueNotifications, type DispatchOptions } from './dispatch-due-notifications.js';

export interface NotificationDispatcherOptions extends Omit<DispatchOptions, 'webhookUrl' | 'signal'> {
  /** Unset: nothing is sent, and notifications wait in the outbox for an instance that has one. */
  webhookUrl: string | undefined;
  /** The pause after a pass that found less than a full batch. @default 2000 */
  pollMs?: number;
}

export interface NotificationDispatcher {
  /** Stops polling and resolves once the delivery in flight is recorded. */
  stop(): Promise<void>;
}

/**
 * Delivers the outbox in the background for as long as the gateway runs. Every instance may run
 * one: claims skip each other's rows. A pass that fails (the database is away) is logged and
 * tried again after `pollMs`; the loop itself never ends until `stop()`.
 */
export function startNotificationDispatcher(options: NotificationDispatcherOptions): NotificationDispatcher {
  const { webhookUrl, pollMs = 2000, logger } = options;
  if (!webhookUrl) {
    logger.info('WARDEN_WEBHOOK_URL is not set: notifications are queued in notification_outbox but not sent');
    return { stop: () => Promise.resolve() };
  }
  const stopping = new AbortController();
  const batchSize = options.batchSize ?? 10;
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      let fullBatch = false;
      try {
        const { claimed } = await dispatchDueNotifications({ ...options, webhookUrl, signal: stopping.signal });
        fullBatch = claimed === batchSize;
      } catch (error) {
        logger.warn({ err: error }, 'notification dispatch failed; trying again');
      }
      // A full batch suggests more are due: go again at once instead of waiting.
      if (!fullBatch) await sleep(pollMs, undefined, { signal: stopping.signal, ref: false }).catch(() => undefined);
    }
  })();
  return {
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}
