import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { wardenError } from '../errors/index.js';
import { actorChainOf, type AuditEvent, type AuditScope } from './audit-event.js';
import { appendAuditRows, type AuditRowInput } from './append-audit-rows.js';
import { describeAuditEvent } from './describe-audit-event.js';
import { recordedFieldChange } from './recorded-field-change.js';

/**
 * Records one event inside the caller's transaction, so the change and its record commit or
 * roll back together. It takes a `Transaction`, not a pool: an audit write outside the
 * change's transaction could succeed for a change that then rolled back, or the reverse.
 *
 * Changed values are kept as the changed field's class allows (`recordedFieldChange`).
 *
 * If the row cannot be written, it throws AUDIT_UNAVAILABLE (HTTP 503), the database's error
 * kept as its `cause` for the log: thrown out of the transaction, it rolls the change back.
 */
export async function recordAuditEvent(
  trx: Transaction<Database>,
  event: AuditEvent,
  scope: AuditScope,
): Promise<void> {
  if (event.kind === 'mutation_executed' && scope.withChange) await scope.withChange(trx, { ...scope, withChange: null, beforeChange: null });
  const recorded: AuditEvent =
    event.kind === 'mutation_executed' ? { ...event, changes: event.changes.map((change) => recordedFieldChange(change, scope.fields?.get(change.field))) } : event;
  try {
    await appendAuditRows(trx, [auditRowOf(recorded, scope)]);
  } catch (error) {
    throw Object.assign(
      wardenError('AUDIT_UNAVAILABLE', 'The audit trail could not be written, so nothing was done and nothing is returned. Try again in a moment.'),
      { cause: error },
    );
  }
}

function auditRowOf(event: AuditEvent, scope: AuditScope): AuditRowInput {
  const { kind, ...details } = event;
  const facts = indexedFacts(event);
  return {
    kind,
    actor_kind: scope.actor.kind,
    actor_id: scope.actor.id,
    actor_name: scope.actor.name,
    subject_user_id: facts.userId,
    account_id: facts.accountId,
    session_id: facts.sessionId ?? scope.sessionId ?? null,
    request_id: scope.requestId ?? null,
    reason: facts.reason,
    operation: scope.operation ?? null,
    type_field: facts.typeField,
    path: null,
    data_class: null,
    decision: facts.decision,
    policy_version: event.kind === 'policy_changed' ? event.version : (scope.policyVersion ?? null),
    details,
    chain: actorChainOf(scope.actor, scope.customer ?? null),
    summary: describeAuditEvent(event, scope.actor),
  };
}

interface IndexedFacts {
  userId: string | null;
  accountId: string | null;
  sessionId: string | null;
  reason: string | null;
  typeField: string | null;
  decision: string | null;
}

/** The columns auditors filter on, lifted out of each kind's details. */
function indexedFacts(event: AuditEvent): IndexedFacts {
  const none: IndexedFacts = { userId: null, accountId: null, sessionId: null, reason: null, typeField: null, decision: null };
  switch (event.kind) {
    case 'mutation_executed':
      return { ...none, userId: event.subjectUserId ?? null, accountId: event.account.id, typeField: event.typeField, decision: 'executed' };
    case 'mutation_refused':
      return { ...none, userId: event.user.id, accountId: event.account.id, sessionId: event.sessionId, typeField: event.typeField, decision: 'refused', reason: event.why };
    case 'policy_changed':
      return { ...none, reason: event.reason, decision: event.action };
    case 'session_started':
      return { ...none, userId: event.user.id, accountId: event.account.id, sessionId: event.sessionId, reason: event.reason, decision: 'started' };
    case 'session_ended':
    case 'session_expired':
    case 'session_revoked':
      return { ...none, userId: event.user.id, accountId: event.account.id, sessionId: event.sessionId, reason: event.note ?? null, decision: event.how };
    case 'approval_requested':
      return { ...none, userId: event.user.id, accountId: event.account.id, sessionId: event.sessionId ?? null, reason: event.reason, decision: 'requested' };
    case 'approval_granted':
    case 'approval_denied':
      return { ...none, userId: event.user.id, accountId: event.account.id, sessionId: event.sessionId ?? null, reason: event.note, decision: event.kind === 'approval_granted' ? 'granted' : 'denied' };
    case 'approval_expired':
    case 'approval_withdrawn':
    case 'approval_used':
      return { ...none, userId: event.user.id, accountId: event.account.id, sessionId: event.sessionId ?? null, reason: event.why, decision: event.kind.replace('approval_', '') };
    case 'access_denied':
      return {
        ...none,
        userId: event.subject?.user.id ?? null,
        accountId: event.subject?.account.id ?? null,
        sessionId: event.sessionId ?? null,
        typeField: event.typeField ?? null,
        reason: event.why,
        decision: 'denied',
      };
    case 'audit_read':
      return { ...none, userId: event.subject?.userId ?? null, accountId: event.subject?.accountId ?? null, decision: 'read' };
    case 'demo_data_seeded':
      return none;
    case 'session_delegated':
    case 'delegation_revoked':
      return { ...none, userId: event.user.id, accountId: event.account.id, sessionId: event.sessionId, decision: event.kind === 'session_delegated' ? 'delegated' : 'revoked' };
  }
}
