import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { AuditEvent, AuditScope } from './audit-event.js';
import { describeAuditEvent } from './describe-audit-event.js';

/**
 * Records one event inside the caller's transaction, so the change and its record commit or
 * roll back together. It takes a `Transaction`, not a pool: an audit write outside the
 * change's transaction could succeed for a change that then rolled back, or the reverse.
 */
export async function recordAuditEvent(
  trx: Transaction<Database>,
  event: AuditEvent,
  scope: AuditScope,
): Promise<void> {
  const { kind, ...details } = event;
  await trx
    .insertInto('audit_events')
    .values({
      kind,
      actor_kind: scope.actor.kind,
      actor_id: scope.actor.id,
      actor_name: scope.actor.name,
      subject_user_id: event.kind === 'mutation_executed' ? (event.subjectUserId ?? null) : null,
      account_id: event.kind === 'mutation_executed' ? event.account.id : null,
      session_id: scope.sessionId ?? null,
      request_id: scope.requestId ?? null,
      reason: event.kind === 'policy_changed' ? event.reason : null,
      operation: scope.operation ?? null,
      type_field: event.kind === 'mutation_executed' ? event.typeField : null,
      path: null,
      data_class: null,
      decision: null,
      policy_version: event.kind === 'policy_changed' ? event.version : (scope.policyVersion ?? null),
      details: JSON.stringify(details),
      summary: describeAuditEvent(event, scope.actor),
    })
    .execute();
}
