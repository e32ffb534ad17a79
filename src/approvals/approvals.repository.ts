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

/** Pending requests that have not lapsed, oldest first: a manager's queue (requests addressed to someone else are theirs). */
export function listPendingRequests(db: Executor, limit: number, managerId: string): Promise<ApprovalRequestRow[]> {
  return db
    .selectFrom('approval_requests')
    .selectAll()
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('approver_id', 'is', null), eb('approver_id', '=', managerId)]))
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
export function findUsableMutationApprovals(
  db: Executor,
  sessionId: string,
  payloadHash: string,
  asker: { requesterId: string; delegationId: string | null },
): Promise<Array<{ id: string; target_state_hash: string | null }>> {
  return db
    .selectFrom('approval_requests')
    .select(['id', 'target_state_hash'])
    .where('session_id', '=', sessionId)
    // An approval is the asker's own: an agent's is not an assistant's, nor one delegation's another's.
    .where('requester_id', '=', asker.requesterId)
    .where((eb) => (asker.delegationId === null ? eb('delegation_id', 'is', null) : eb('delegation_id', '=', asker.delegationId)))
    .where('kind', '=', 'mutation')
    .where('status', '=', 'approved')
    .where('payload_hash', '=', payloadHash)
    .where('grant_expires_at', '>', sql<Date>`now()`)
    .orderBy('decided_at')
    .execute();
}

/** A request by this assistant, under this delegation, for this exact call, still waiting. */
export function findPendingRequestOf(
  db: Executor,
  of: { sessionId: string; requesterId: string; delegationId: string; payloadHash: string },
): Promise<ApprovalRequestRow | undefined> {
  return db
    .selectFrom('approval_requests')
    .selectAll()
    .where('session_id', '=', of.sessionId)
    .where('requester_id', '=', of.requesterId)
    .where('delegation_id', '=', of.delegationId)
    .where('payload_hash', '=', of.payloadHash)
    .where('status', '=', 'pending')
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/** Pending requests addressed to one person (an agent whose assistant asks), oldest first. */
export function listPendingRequestsFor(db: Executor, approverId: string, limit: number): Promise<ApprovalRequestRow[]> {
  return db
    .selectFrom('approval_requests')
    .selectAll()
    .where('status', '=', 'pending')
    .where('approver_id', '=', approverId)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}
