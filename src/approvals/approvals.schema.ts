import type { ApprovalRequestRow } from '../db/tables/approval-request.js';
import { wardenError } from '../errors/index.js';
import { auditScopeOf } from '../graphql/audit-scope.js';
import type { WardenBuilder } from '../graphql/builder.js';
import type { GatewayContext } from '../graphql/context.js';
import { hasRole } from '../auth/principal.js';
import { staffCaller } from '../impersonation/impersonation.schema.js';
import { shownAs } from '../impersonation/shown-as.js';
import { decideRequest, requestFieldAccess, requestMutationApproval, type SessionRequestContext } from './approval.service.js';
import { requestSummary } from './describe-request.js';
import { findApprovalRequest, listPendingRequests, listPendingRequestsFor } from './approvals.repository.js';

function sessionRequestContext(context: GatewayContext): SessionRequestContext {
  const session = context.access.session;
  const customer = context.access.actingAs;
  if (!session || !customer) throw wardenError('BAD_USER_INPUT', 'Ask for approvals from inside the impersonation session they are for (send its token).');
  return { db: context.db, settings: context.settings, agent: staffCaller(context), session, customer, scope: auditScopeOf(context) };
}

export function defineApprovalTypes(builder: WardenBuilder): void {
  const Kind = builder.enumType('ApprovalKind', { values: ['session_start', 'mutation', 'field_access'] as const });
  const Status = builder.enumType('ApprovalStatus', { values: ['pending', 'approved', 'denied', 'expired', 'used', 'withdrawn'] as const });

  builder.objectType('ApprovalRequest', {
    description: 'A request for a second person: to start a session, to run one risky mutation, or to see sensitive fields.',
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      kind: t.field({ type: Kind, classification: 'public', resolve: (r) => r.kind }),
      status: t.field({ type: Status, classification: 'public', resolve: (r) => r.status }),
      requesterId: t.exposeID('requester_id', { classification: 'public' }),
      sessionId: t.exposeID('session_id', { classification: 'public', nullable: true }),
      targetUserId: t.exposeID('target_user_id', { classification: 'public' }),
      accountId: t.exposeID('account_id', { classification: 'public' }),
      reason: t.exposeString('reason', { classification: 'public' }),
      summary: t.string({
        classification: 'public',
        description:
          'What approving it would do, in one sentence: who asks, the exact effect on the target as it was when asked (each value shown as your policy shows its field: in the session the request was made in as that session shows it, outside sessions in full only to managers, masked to anyone else), where, as whom, the ticket and the reason.',
        // Read in the session it was made in, values as that session shows them; outside any
        // session, a manager decides with values as their policy shows them. Anyone else (the
        // requester later, an agent deciding an assistant's proposal, a reader in another
        // session, whose grants are for that session's customer alone) never sees in full what
        // the request's session masked.
        resolve: (r, _args, context) => {
          const session = context.access.session;
          const inFull = session !== null ? r.session_id === session.id : hasRole(context.principal, 'support_manager');
          return requestSummary(r, (field, value) => shownAs(context, field, value, { inFull }));
        },
      }),
      payload: t.string({
        classification: 'internal',
        nullable: true,
        description: 'The request as JSON: the mutation and its arguments, the fields, or the session terms.',
        resolve: (r) => JSON.stringify(r.payload),
      }),
      createdAt: t.expose('created_at', { type: 'DateTime', classification: 'public' }),
      expiresAt: t.expose('expires_at', { type: 'DateTime', classification: 'public' }),
      decidedBy: t.exposeID('decided_by', { classification: 'public', nullable: true }),
      decidedAt: t.expose('decided_at', { type: 'DateTime', classification: 'public', nullable: true }),
      decisionNote: t.exposeString('decision_note', { classification: 'public', nullable: true }),
      grantExpiresAt: t.expose('grant_expires_at', { type: 'DateTime', classification: 'public', nullable: true }),
    }),
  });

  builder.queryFields((t) => ({
    pendingApprovals: t.field({
      type: ['ApprovalRequest'],
      callers: 'support_manager',
      classification: 'public',
      authScopes: { staffRole: 'support_manager' },
      description: 'Requests waiting for a manager, oldest first (those addressed to one person are in their addressedApprovals).',
      args: { first: t.arg.int({ required: true, defaultValue: 50, filtersBy: false }) },
      resolve: (_root, { first }, context) => listPendingRequests(context.db, Math.min(Math.max(first, 1), 200), staffCaller(context).id),
    }),
    addressedApprovals: t.field({
      type: ['ApprovalRequest'],
      callers: 'staff',
      classification: 'public',
      description: 'Requests only the caller may decide, oldest first: the routine writes the assistants they delegated a session to propose.',
      args: { first: t.arg.int({ required: true, defaultValue: 50, filtersBy: false }) },
      resolve: (_root, { first }, context) => listPendingRequestsFor(context.db, staffCaller(context).id, Math.min(Math.max(first, 1), 200)),
    }),
    approvalRequest: t.field({
      type: 'ApprovalRequest',
      callers: 'staff',
      classification: 'public',
      nullable: true,
      description: 'One request: for its requester, and for managers.',
      args: { id: t.arg.id({ required: true, filtersBy: 'ApprovalRequest.id' }) },
      resolve: async (_root, { id }, context) => {
        const staff = staffCaller(context);
        const request = await findApprovalRequest(context.db, String(id));
        if (!request) return null;
        return request.requester_id === staff.id || request.approver_id === staff.id || hasRole(staff, 'support_manager') ? request : null;
      },
    }),
  }));

  const FieldAccessInput = builder.inputType('RequestFieldAccessInput', {
    fields: (t) => ({
      fields: t.stringList({ required: true, filtersBy: false, description: 'Sensitive fields as Type.field, e.g. User.birthDate.' }),
      reason: t.string({ required: true, filtersBy: false }),
    }),
  });
  const MutationApprovalInput = builder.inputType('RequestMutationApprovalInput', {
    fields: (t) => ({
      document: t.string({ required: true, filtersBy: false, description: 'The exact mutation you will send.' }),
      variables: t.string({ filtersBy: false, description: 'Its variables as JSON, exactly as you will send them.' }),
      reason: t.string({ required: true, filtersBy: false }),
    }),
  });

  const decide = (decision: 'approved' | 'denied') =>
    (context: GatewayContext, id: string, note: string | null, info: Parameters<typeof auditScopeOf>[1]): Promise<ApprovalRequestRow> =>
      decideRequest(
        {
          db: context.db,
          identity: context.identity,
          settings: context.settings,
          manager: staffCaller(context),
          oncallMayImpersonate: context.policyDocument.oncallMayImpersonate,
          scope: auditScopeOf(context, info),
        },
        id,
        decision,
        note,
      );

  builder.mutationFields((t) => ({
    approveRequest: t.field({
      type: 'ApprovalRequest',
      // Managers, and the agent an assistant's routine write is addressed to: decideRequest checks which.
      callers: 'staff',
      classification: 'public',
      risk: 'never-during-impersonation',
      args: { id: t.arg.id({ required: true, filtersBy: 'ApprovalRequest.id' }), note: t.arg.string({ filtersBy: false }) },
      resolve: (_root, { id, note }, context, info) => decide('approved')(context, String(id), note?.trim() || null, info),
    }),
    denyRequest: t.field({
      type: 'ApprovalRequest',
      // Managers, and the agent an assistant's routine write is addressed to: decideRequest checks which.
      callers: 'staff',
      classification: 'public',
      risk: 'never-during-impersonation',
      args: { id: t.arg.id({ required: true, filtersBy: 'ApprovalRequest.id' }), reason: t.arg.string({ required: true, filtersBy: false }) },
      resolve: (_root, { id, reason }, context, info) => {
        if (reason.trim().length < 5) throw wardenError('BAD_USER_INPUT', 'Say why the request is denied; the agent and the auditors will read it.');
        return decide('denied')(context, String(id), reason.trim(), info);
      },
    }),
    requestFieldAccess: t.field({
      type: 'ApprovalRequest',
      callers: 'staff',
      classification: 'public',
      risk: 'session-control',
      description: 'Break-glass: ask a manager to show named sensitive fields in this session.',
      args: { input: t.arg({ type: FieldAccessInput, required: true }) },
      resolve: (_root, { input }, context, info) =>
        requestFieldAccess(sessionRequestContext(context), info.schema, input.fields, input.reason, context.policyCatalog.fields),
    }),
    requestMutationApproval: t.field({
      type: 'ApprovalRequest',
      callers: 'staff',
      classification: 'public',
      risk: 'session-control',
      description: 'Ask a manager to approve one exact risky mutation (document and variables) in this session.',
      args: { input: t.arg({ type: MutationApprovalInput, required: true }) },
      resolve: (_root, { input }, context, info) => {
        let variables: Record<string, unknown> = {};
        if (input.variables) {
          try {
            const parsed: unknown = JSON.parse(input.variables);
            if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
            variables = parsed as Record<string, unknown>;
          } catch {
            throw wardenError('BAD_USER_INPUT', 'variables must be a JSON object, e.g. {"id": "inv_1"}.');
          }
        }
        return requestMutationApproval(sessionRequestContext(context), info.schema, input.document, variables, input.reason);
      },
    }),
  }));
}
