import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { ApprovalRequestRow, NewApprovalRequestRow } from '../db/tables/approval-request.js';

export function insertApprovalRequest(db: Executor, row: NewApprovalRequestRow): Promise<ApprovalRequestRow> {
  return db.insertInto('approval_requests').values(row).returningAll().executeTakeFirstOrThrow();
}

export function lockApprovalRequest(db: Executor, id: string): Promise<ApprovalRequestRow | undefined> {
  return db.selectFrom('approval_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findApprovalRequest(db: Executor, id: string): Promise<ApprovalRequestRow | undefined> {
  return db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Pending requests that have not lapsed, oldest first: a manager's queue. */
export function listPendingRequests(db: Executor, limit: number): Promise<ApprovalRequestRow[]> {
  return db
    .selectFrom('approval_requests')
    .selectAll()
    .where('status', '=', 'pending')
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

/**
 * Uses up one approval for this exact mutation call in this session: approved, unexpired,
 * unused, same canonical hash. Marked `used` in the same statement that finds it, so an
 * approval replayed (or raced by two requests) runs at most once.
 */
export async function consumeMutationApproval(db: Executor, sessionId: string, payloadHash: string): Promise<string | null> {
  const row = await db
    .updateTable('approval_requests')
    .set({ status: 'used', used_at: sql<Date>`now()` })
    .where('id', '=', (eb) =>
      eb
        .selectFrom('approval_requests')
        .select('id')
        .where('session_id', '=', sessionId)
        .where('kind', '=', 'mutation')
        .where('status', '=', 'approved')
        .where('payload_hash', '=', payloadHash)
        .where('grant_expires_at', '>', sql<Date>`now()`)
        .orderBy('decided_at')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .where('status', '=', 'approved')
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
