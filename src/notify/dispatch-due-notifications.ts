import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { claimDueNotifications, markDelivered, markFailed, releaseNotifications } from './outbox.repository.js';
import { postToWebhook } from './post-to-webhook.js';
import { retryDelayMs, type BackoffOptions } from './retry-delay.js';

export interface DispatchOptions {
  db: Db;
  /** Where messages are POSTed. A credential: it is never logged or stored. */
  webhookUrl: string;
  logger: Logger;
  /** Tests pass their own. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Rows claimed, and then delivered one after another, per pass. @default 10 */
  batchSize?: number;
  /** How long one POST may take before it counts as failed. @default 10000 */
  timeoutMs?: number;
  /** Waits between failed attempts of one message. @default { initialMs: 1000, maxMs: 300000, jitter: 0.5 } */
  backoff?: BackoffOptions;
  /**
   * How long a claim lasts. A dispatcher that dies mid-batch leaves its rows due again after
   * this, so it must outlast a whole batch of slow deliveries.
   * @default batchSize × timeoutMs + 30000
   */
  leaseMs?: number;
  /** When aborted, the delivery in flight finishes and the rest of the batch is handed back. */
  signal?: AbortSignal;
  /** Where deliveries and retries are counted. @default not counted */
  metrics?: Pick<GatewayMetrics, 'notificationDeliveries' | 'notificationRetries'> | undefined;
}

export interface DispatchResult {
  claimed: number;
  delivered: number;
  failed: number;
}

/**
 * One pass: claim the due rows, POST each in order, and record the outcome. A failed message is
 * scheduled again with backoff, however many times it takes. Messages carry their idempotency
 * key, so a receiver can drop the rare repeat (a dispatcher that died after the POST but before
 * recording it; a lease that ran out mid-delivery).
 */
export async function dispatchDueNotifications(options: DispatchOptions): Promise<DispatchResult> {
  const { db, webhookUrl, logger, signal, metrics } = options;
  const batchSize = options.batchSize ?? 10;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const leaseMs = options.leaseMs ?? batchSize * timeoutMs + 30_000;
  const fetch = options.fetch ?? globalThis.fetch;

  const claimed = await claimDueNotifications(db, { batchSize, leaseMs });
  const result: DispatchResult = { claimed: claimed.length, delivered: 0, failed: 0 };
  let firstError: string | null = null;
  for (const [index, row] of claimed.entries()) {
    if (signal?.aborted) {
      await releaseNotifications(db, claimed.slice(index).map((r) => r.id));
      break;
    }
    const outcome = await postToWebhook(row, { webhookUrl, timeoutMs, fetch });
    if (row.attempts > 0) metrics?.notificationRetries.inc();
    metrics?.notificationDeliveries.inc({ outcome: outcome.delivered ? 'delivered' : 'failed' });
    if (outcome.delivered) {
      await markDelivered(db, row.id);
      result.delivered++;
      continue;
    }
    const attempts = row.attempts + 1;
    const retryInMs = retryDelayMs(attempts, options.backoff, outcome.retryAfterMs);
    await markFailed(db, row.id, outcome.error, retryInMs);
    logger.debug({ notification: row.idempotencyKey, attempts, retryInMs, error: outcome.error }, 'notification not delivered');
    firstError ??= outcome.error;
    result.failed++;
  }
  // One line per pass, not per message: an outage with a long queue should not flood the log.
  if (result.failed > 0) logger.warn({ ...result, error: firstError }, 'notifications not delivered; they will be retried');
  return result;
}
