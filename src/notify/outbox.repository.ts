import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { SlackMessage } from './slack-message.js';

export interface ClaimedNotification {
  id: string;
  idempotencyKey: string;
  payload: SlackMessage;
  /** Attempts made before this one. */
  attempts: number;
}

/**
 * Claims up to `batchSize` due rows in one statement: it locks them with SKIP LOCKED (so two
 * dispatchers never take the same row, and neither waits for the other) and pushes their
 * `next_attempt_at` `leaseMs` ahead. The claim is that timestamp, not the lock: the lock ends
 * with the statement, and a dispatcher that dies before reporting leaves its rows due again
 * once the lease runs out. Times are the database's, so instances' clocks need not agree. A
 * message with an ordering key waits until the older ones with its key are delivered.
 */
export async function claimDueNotifications(
  db: Db,
  options: { batchSize: number; leaseMs: number },
): Promise<ClaimedNotification[]> {
  const rows = await db
    .with(
      (cte) => cte('due').materialized(),
      (qb) =>
        qb
          .selectFrom('notification_outbox as o')
          .select('o.id')
          .where('o.delivered_at', 'is', null)
          .where('o.next_attempt_at', '<=', sql<Date>`now()`)
          // In order per key: not while an older message of the same session is undelivered.
          .where(({ eb, not, exists, selectFrom }) =>
            eb.or([
              eb('o.ordering_key', 'is', null),
              not(
                exists(
                  selectFrom('notification_outbox as older')
                    .select('older.id')
                    .whereRef('older.ordering_key', '=', 'o.ordering_key')
                    .whereRef('older.id', '<', 'o.id')
                    .where('older.delivered_at', 'is', null),
                ),
              ),
            ]),
          )
          .orderBy('o.id')
          .limit(options.batchSize)
          .forUpdate()
          .skipLocked(),
    )
    .updateTable('notification_outbox')
    .from('due')
    .set({ next_attempt_at: sql`now() + ${options.leaseMs} * interval '1 millisecond'` })
    .whereRef('notification_outbox.id', '=', 'due.id')
    .returning([
      'notification_outbox.id as id',
      'notification_outbox.idempotency_key as idempotencyKey',
      'notification_outbox.payload as payload',
      'notification_outbox.attempts as attempts',
    ])
    .execute();
  // UPDATE … RETURNING has no order; deliver in the order the events happened.
  return rows.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}

export async function markDelivered(db: Db, id: string): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set({ delivered_at: sql<Date>`now()`, attempts: sql<number>`attempts + 1` })
    .where('id', '=', id)
    .execute();
}

/** Records why an attempt failed and when to try again; `last_error` keeps the latest reason. */
export async function markFailed(db: Db, id: string, error: string, retryInMs: number): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set({
      attempts: sql<number>`attempts + 1`,
      last_error: error,
      next_attempt_at: sql<Date>`now() + ${retryInMs} * interval '1 millisecond'`,
    })
    .where('id', '=', id)
    .where('delivered_at', 'is', null)
    .execute();
}

/** Hands claimed rows back (due now) without counting an attempt: a stopping dispatcher's leftovers. */
export async function releaseNotifications(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notification_outbox')
    .set({ next_attempt_at: sql<Date>`now()` })
    .where('id', 'in', ids)
    .where('delivered_at', 'is', null)
    .execute();
}
