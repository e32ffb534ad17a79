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
 * Approvals this session may run this exact call on (approved, unexpired, unused, same canonical
 * hash), oldest decision first, with the hash of the target's state each was asked for. Nothing
 * is used up here: the mutation's own transaction does that (see `approvalUseHook`), so a call
 * that does not commit keeps its approval.
 */
export function findUsableMutationApprovals(db: Executor, sessionId: string, payloadHash: string): Promise<Array<{ id: string; target_state_hash: string | null }>> {
  return db
    .selectFrom('approval_requests')
    .select(['id', 'target_state_hash'])
    .where('session_id', '=', sessionId)
    .where('kind', '=', 'mutation')
    .where('status', '=', 'approved')
    .where('payload_hash', '=', payloadHash)
    .where('grant_expires_at', '>', sql<Date>`now()`)
    .orderBy('decided_at')
    .execute();
}
