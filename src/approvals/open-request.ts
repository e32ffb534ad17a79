import type { Transaction } from 'kysely';
import { recordAuditEvent, type AuditScope } from '../audit/index.js';
import type { Database } from '../db/database.js';
import type { ApprovalDescription, ApprovalKind, ApprovalPayload, ApprovalRequestRow } from '../db/tables/approval-request.js';
import { enqueueNotification } from '../notify/index.js';
import type { EffectText } from '../policy/plugin/effect-text.js';
import { insertApprovalRequest } from './approvals.repository.js';
import { framed, recordedEffect, requestWhat } from './describe-request.js';

interface Named {
  id: string;
  name: string;
}

/** A request about to be opened, with what it says it approves. */
export interface RequestToOpen {
  id: string;
  kind: ApprovalKind;
  payload: ApprovalPayload;
  /** For mutations: the canonical hash of the call. */
  payloadHash: string | null;
  effect: EffectText;
  /** For mutations: the hash of the target's state as `effect` describes it. */
  targetStateHash: string | null;
  requester: Named;
  customer: Named;
  account: Named;
  sessionId: string;
  ticket: string;
  reason: string;
  expiresAt: Date;
  /** Who alone may decide it (the delegating agent, for an assistant's routine write); null or absent: any manager. */
  approverId?: string | null;
  /** For an assistant's request: the delegation the approved call must run under. */
  delegationId?: string | null;
}

/**
 * Opens a request for a manager in the caller's transaction: the row with its description, its
 * `approval_requested` record and the notification, which all say the same thing. The audit
 * record and the notification keep values as the audit does (`scope.fields` classifies them):
 * a chat channel is outside the building.
 */
export async function openApprovalRequest(trx: Transaction<Database>, request: RequestToOpen, scope: AuditScope): Promise<ApprovalRequestRow> {
  const description: ApprovalDescription = {
    effect: request.effect,
    recorded: recordedEffect(request.effect, scope.fields),
    requester: request.requester.name,
    customer: request.customer.name,
    account: request.account.name,
    ticket: request.ticket,
  };
  const row = await insertApprovalRequest(trx, {
    id: request.id,
    kind: request.kind,
    status: 'pending',
    requester_id: request.requester.id,
    session_id: request.sessionId,
    target_user_id: request.customer.id,
    account_id: request.account.id,
    reason: request.reason,
    payload: JSON.stringify(request.payload),
    payload_hash: request.payloadHash,
    effect: JSON.stringify(description),
    target_state_hash: request.targetStateHash,
    expires_at: request.expiresAt,
    approver_id: request.approverId ?? null,
    delegation_id: request.delegationId ?? null,
  });
  await recordAuditEvent(
    trx,
    {
      kind: 'approval_requested',
      requestId: row.id,
      requestKind: row.kind,
      what: requestWhat(row),
      reason: row.reason,
      sessionId: request.sessionId,
      user: request.customer,
      account: request.account,
    },
    { ...scope, sessionId: request.sessionId },
  );
  await enqueueNotification(trx, {
    kind: 'approval_requested',
    requestId: row.id,
    approvalKind: row.kind,
    requester: request.requester,
    target: framed(description, description.recorded),
    reason: row.reason,
  });
  return row;
}
