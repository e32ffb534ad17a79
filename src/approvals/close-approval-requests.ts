import { sql, type Transaction } from 'kysely';
import { recordAuditEvent, type AuditScope } from '../audit/index.js';
import { requestSubject } from './request-subject.js';
import type { Database } from '../db/database.js';
import type { ApprovalRequestRow } from '../db/tables/approval-request.js';
import { requestWhat } from './describe-request.js';

/** How a request closes without a manager's decision. */
export type RequestClosing = 'expired' | 'withdrawn' | 'used';

const EVENT_OF = { expired: 'approval_expired', withdrawn: 'approval_withdrawn', used: 'approval_used' } as const;

/**
 * Closes requests and approvals nobody will decide or use any more, each with its audit event,
 * in the caller's transaction: a lapse, a withdrawal or a use leaves the same trace as a
 * decision. Only rows still `pending` or `approved` change (a row closed meanwhile is skipped).
 * Returns the rows it closed.
 */
export async function closeApprovalRequests(
  trx: Transaction<Database>,
  requests: readonly ApprovalRequestRow[],
  closing: RequestClosing,
  why: string,
  scope: AuditScope,
): Promise<ApprovalRequestRow[]> {
  if (requests.length === 0) return [];
  const closed = await trx
    .updateTable('approval_requests')
    .set({ status: closing, ...(closing === 'used' ? { used_at: sql<Date>`now()` } : {}) })
    .where('id', 'in', requests.map((r) => r.id))
    .where('status', 'in', ['pending', 'approved'])
    .returningAll()
    .execute();
  for (const request of closed) {
    const requester = await trx.selectFrom('staff').select(['id', 'name']).where('id', '=', request.requester_id).executeTakeFirstOrThrow();
    await recordAuditEvent(
      trx,
      {
        kind: EVENT_OF[closing],
        requestId: request.id,
        requestKind: request.kind,
        what: requestWhat(request),
        requester,
        why,
        sessionId: request.session_id,
        ...(await requestSubject(trx, request)),
      },
      { ...scope, sessionId: request.session_id },
    );
  }
  return closed;
}
