import type { GraphQLResolveInfo, OperationDefinitionNode } from 'graphql';
import type { AuditActor, AuditScope } from '../audit/index.js';
import type { StaffRole } from '../db/tables/staff.js';
import type { GatewayContext } from './context.js';
import { approvalUseHook, targetCheckHook } from '../approvals/approved-calls.js';

const TITLES: ReadonlyArray<[StaffRole, string]> = [
  ['security_admin', 'Security admin'],
  ['support_manager', 'Manager'],
  ['auditor', 'Auditor'],
  ['support_agent', 'Agent'],
  ['oncall_engineer', 'On-call engineer'],
];

/**
 * Who did it, as the audit table names them. In an impersonation session the actor is the
 * agent, never the customer they act as: the customer's name is the event's subject.
 */
export function auditActorOf(context: GatewayContext): AuditActor {
  const principal = context.principal;
  if (principal.kind === 'customer') return { kind: 'customer', id: principal.id, name: principal.name };
  if (principal.kind === 'assistant') {
    const { id, name, vendor, model, priorActors } = principal;
    return { kind: 'assistant', id, name, vendor, model, priorActors, for: context.access.delegation?.agent ?? principal.onBehalfOf };
  }
  const title = context.access.session ? 'Agent' : TITLES.find(([role]) => principal.roles.includes(role))?.[1];
  return { kind: 'staff', id: principal.id, name: principal.name, ...(title ? { title } : {}) };
}

/** How the audit names an operation: its name, else its type (`query`, `mutation`). */
export function operationLabel(operation: OperationDefinitionNode): string {
  return operation.name?.value ?? operation.operation;
}

/**
 * The scope a resolver records its events under. For a root mutation the gate let through on
 * an approval, it carries the hooks that check its target and use the approval up in the
 * mutation's transaction.
 */
export function auditScopeOf(context: GatewayContext, info?: GraphQLResolveInfo): AuditScope {
  const rootMutation = info?.operation.operation === 'mutation' && info.path.prev === undefined;
  return {
    actor: auditActorOf(context),
    requestId: context.requestId,
    operation: info ? operationLabel(info.operation) : null,
    sessionId: context.access.session?.id ?? null,
    customer: context.access.session?.user ?? null,
    policyVersion: context.policy.version,
    fields: context.policyCatalog.fields,
    withChange: rootMutation ? approvalUseHook(context, String(info.path.key)) : null,
    beforeChange: rootMutation ? targetCheckHook(context, String(info.path.key)) : null,
  };
}
