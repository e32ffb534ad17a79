import type { ImpersonationSessionRow } from '../db/tables/impersonation-session.js';
import type { ApprovalRequestRow } from '../db/tables/approval-request.js';
import { wardenError } from '../errors/index.js';
import { assistantNotPermitted } from '../firewall/rules.js';
import { auditScopeOf } from '../graphql/audit-scope.js';
import type { WardenBuilder } from '../graphql/builder.js';
import type { GatewayContext } from '../graphql/context.js';
import type { StaffPrincipal } from '../auth/principal.js';
import { claimApprovedSession, currentSessionOfAgent, endImpersonationSession } from './session-lifecycle.js';
import type { SessionHolder } from './session-holder.js';
import { startSession } from './start-session.js';

export function staffCaller(context: GatewayContext): StaffPrincipal {
  if (context.principal.kind === 'assistant') throw assistantNotPermitted();
  if (context.principal.kind !== 'staff') throw wardenError('FORBIDDEN', 'Only support staff use impersonation.');
  return context.principal;
}

/** Staff, or an AI assistant for a session of its own (what it may do there is checked where it is done). */
function holderCaller(context: GatewayContext): SessionHolder {
  if (context.principal.kind === 'customer') throw wardenError('FORBIDDEN', 'Only support staff use impersonation.');
  return context.principal;
}

interface StartPayload {
  session: ImpersonationSessionRow;
  token: string | null;
  approvalRequest: ApprovalRequestRow | null;
}

export function defineImpersonationTypes(builder: WardenBuilder): void {
  const SessionMode = builder.enumType('SessionMode', { values: ['read_only', 'read_write'] as const });
  const SessionStatus = builder.enumType('SessionStatus', {
    values: ['pending_approval', 'approved', 'active', 'ended', 'refused'] as const,
  });

  const Session = builder.objectRef<ImpersonationSessionRow>('ImpersonationSession').implement({
    description: 'Support acting as a customer: who, as whom, why, and for how long.',
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      status: t.field({ type: SessionStatus, classification: 'public', resolve: (s) => s.status }),
      agentId: t.exposeID('agent_id', { classification: 'public' }),
      userId: t.exposeID('user_id', { classification: 'public' }),
      accountId: t.exposeID('account_id', { classification: 'public' }),
      reason: t.exposeString('reason', { classification: 'public' }),
      ticket: t.exposeString('ticket', { classification: 'public' }),
      mode: t.field({ type: SessionMode, classification: 'public', resolve: (s) => s.mode }),
      minutes: t.exposeInt('minutes', { classification: 'public' }),
      startedAt: t.expose('started_at', { type: 'DateTime', classification: 'public', nullable: true }),
      expiresAt: t.expose('expires_at', { type: 'DateTime', classification: 'public', nullable: true }),
      idleExpiresAt: t.expose('idle_expires_at', { type: 'DateTime', classification: 'public', nullable: true }),
      endedAt: t.expose('ended_at', { type: 'DateTime', classification: 'public', nullable: true }),
      endReason: t.exposeString('end_reason', { classification: 'public', nullable: true }),
      approvalRequestId: t.exposeID('approval_request_id', { classification: 'public', nullable: true }),
    }),
  });

  const Payload = builder.objectRef<StartPayload>('StartImpersonationPayload').implement({
    fields: (t) => ({
      session: t.field({ type: Session, classification: 'public', resolve: (p) => p.session }),
      token: t.string({
        classification: 'public',
        nullable: true,
        description: 'Send as X-Impersonation-Token with your own bearer token. Null while approval is pending.',
        resolve: (p) => p.token,
      }),
      approvalRequest: t.field({ type: 'ApprovalRequest', classification: 'public', nullable: true, resolve: (p) => p.approvalRequest }),
    }),
  });

  const StartInput = builder.inputType('StartImpersonationInput', {
    fields: (t) => ({
      userId: t.id({ required: true, filtersBy: 'ImpersonationSession.userId' }),
      reason: t.string({ required: true, filtersBy: false, description: 'What the customer reported and what you will check.' }),
      ticket: t.string({ required: true, filtersBy: false, description: 'The support ticket, e.g. SUP-1234.' }),
      mode: t.field({ type: SessionMode, filtersBy: false, description: 'Default read_only; read_write always needs a manager.' }),
      minutes: t.int({ filtersBy: false, description: 'Default 30; from 15 to 60.' }),
    }),
  });

  builder.queryField('myImpersonationSession', (t) =>
    t.field({
      type: Session,
      nullable: true,
      callers: 'staff',
      classification: 'public',
      description: "The caller's open session (pending, approved or active), if any.",
      resolve: async (_root, _args, context) => (await currentSessionOfAgent(context.db, staffCaller(context).id, context.requestId)) ?? null,
    }),
  );

  builder.mutationFields((t) => ({
    startImpersonation: t.field({
      type: Payload,
      callers: 'staff_or_assistant',
      classification: 'public',
      risk: 'session-control',
      description: 'Starts a session as a customer, or asks a manager first (then token is null).',
      args: { input: t.arg({ type: StartInput, required: true }) },
      resolve: (_root, { input }, context, info) =>
        startSession(
          {
            db: context.db,
            identity: context.identity,
            settings: context.settings,
            agent: holderCaller(context),
            inSession: context.access.session !== null,
            policy: context.policyDocument,
            scope: auditScopeOf(context, info),
            // startSession records its refusals itself (in a transaction, counted for repeated-denial
            // alerts); the audit trail must not record those a second time, and records the rest.
            markRecorded: (error) => context.audit?.recordedErrors.add(error),
          },
          { userId: String(input.userId), reason: input.reason, ticket: input.ticket, mode: input.mode ?? null, minutes: input.minutes ?? null },
        ),
    }),
    claimImpersonation: t.field({
      type: Payload,
      callers: 'staff',
      classification: 'public',
      risk: 'session-control',
      description: 'After a manager approved the start: collect the session token (once).',
      args: { sessionId: t.arg.id({ required: true, filtersBy: 'ImpersonationSession.id' }) },
      resolve: async (_root, { sessionId }, context, info) => {
        if (context.access.session) throw wardenError('FORBIDDEN', 'Sessions cannot nest: end the session you are in first.');
        const claimed = await claimApprovedSession(
          {
            db: context.db,
            identity: context.identity,
            settings: context.settings,
            agent: staffCaller(context),
            oncallMayImpersonate: context.policyDocument.oncallMayImpersonate,
            scope: auditScopeOf(context, info),
          },
          String(sessionId),
        );
        return { ...claimed, approvalRequest: null };
      },
    }),
    endImpersonation: t.field({
      type: Session,
      callers: 'staff_or_assistant',
      classification: 'public',
      risk: 'session-control',
      args: { sessionId: t.arg.id({ required: true, filtersBy: 'ImpersonationSession.id' }) },
      resolve: (_root, { sessionId }, context, info) =>
        endImpersonationSession(context.db, holderCaller(context), String(sessionId), auditScopeOf(context, info)),
    }),
    revokeImpersonation: t.field({
      type: Session,
      callers: 'support_manager',
      classification: 'public',
      risk: 'never-during-impersonation',
      description: "A manager ends another agent's session, with a reason.",
      args: { sessionId: t.arg.id({ required: true, filtersBy: 'ImpersonationSession.id' }), reason: t.arg.string({ required: true, filtersBy: false }) },
      resolve: (_root, { sessionId, reason }, context, info) => {
        if (reason.trim().length < 10) throw wardenError('BAD_USER_INPUT', 'Say why the session is revoked (at least 10 characters).');
        return endImpersonationSession(context.db, staffCaller(context), String(sessionId), auditScopeOf(context, info), reason.trim());
      },
    }),
  }));
}
