import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../audit/index.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import { endSession } from './end-session.js';
import { lockTimedOutSessions } from './sessions.repository.js';

const BATCH = 100;

/**
 * Closes sessions nobody closed (the tab was shut, the laptop slept) and lapses requests
 * nobody decided. Safe on every instance at once: rows are claimed with SKIP LOCKED.
 * Returns how many sessions it ended.
 */
export async function sweepTimedOutSessions(db: Db): Promise<number> {
  let ended = 0;
  for (;;) {
    const count = await db.transaction().execute(async (trx) => {
      const sessions = await lockTimedOutSessions(trx, BATCH);
      for (const session of sessions) {
        const hardExpired = session.expires_at !== null && session.expires_at.getTime() <= Date.now();
        await endSession(trx, session, hardExpired ? 'expired' : 'idle_timeout', { actor: SYSTEM_ACTOR });
      }
      return sessions.length;
    });
    ended += count;
    if (count < BATCH) break;
  }
  await db
    .updateTable('approval_requests')
    .set({ status: 'expired' })
    .where('status', '=', 'pending')
    .where('expires_at', '<=', sql<Date>`now()`)
    .execute();
  await db
    .updateTable('impersonation_sessions')
    .set({ status: 'refused', ended_at: sql<Date>`now()` })
    .where('status', '=', 'pending_approval')
    .where((eb) =>
      eb.exists(
        eb.selectFrom('approval_requests').select('id').whereRef('approval_requests.id', '=', 'impersonation_sessions.approval_request_id').where('approval_requests.status', '=', 'expired'),
      ),
    )
    .execute();
  // Approved starts nobody collected before the approval lapsed free the agent's slot.
  await db
    .updateTable('impersonation_sessions')
    .set({ status: 'refused', ended_at: sql<Date>`now()` })
    .where('status', '=', 'approved')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('approval_requests')
          .select('id')
          .whereRef('approval_requests.id', '=', 'impersonation_sessions.approval_request_id')
          .where('approval_requests.grant_expires_at', '<=', sql<Date>`now()`),
      ),
    )
    .execute();
  return ended;
}

export interface SweeperOptions {
  db: Db;
  logger: Logger;
  /** @default 15000 */
  intervalMs?: number;
}

/** Runs the sweep on a timer; `stop()` waits for a sweep in progress. */
export function startSessionSweeper(options: SweeperOptions): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = sweepTimedOutSessions(options.db).then(
      (n) => n > 0 && options.logger.info({ sessions: n }, 'timed-out sessions closed'),
      (error: unknown) => options.logger.error({ err: error }, 'session sweep failed'),
    );
  }, options.intervalMs ?? 15_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
