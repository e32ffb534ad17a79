import type { SessionDelegationRow } from '../db/tables/session-delegation.js';
import { auditScopeOf } from '../graphql/audit-scope.js';
import type { WardenBuilder } from '../graphql/builder.js';
import { hasRole } from '../auth/principal.js';
import { delegateSession, revokeDelegation } from './delegate-session.js';
import { staffCaller } from './impersonation.schema.js';

export function defineDelegationTypes(builder: WardenBuilder): void {
  const Delegation = builder.objectRef<SessionDelegationRow>('SessionDelegation').implement({
    description: 'An agent lending their live session to an AI assistant: until revoked, lapsed, or the session ends.',
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      sessionId: t.exposeID('session_id', { classification: 'public' }),
      assistantId: t.exposeID('assistant_id', { classification: 'public' }),
      expiresAt: t.expose('expires_at', { type: 'DateTime', classification: 'public' }),
      revokedAt: t.expose('revoked_at', { type: 'DateTime', classification: 'public', nullable: true }),
    }),
  });

  const Payload = builder.objectRef<{ delegation: SessionDelegationRow; token: string }>('DelegateSessionPayload').implement({
    fields: (t) => ({
      delegation: t.field({ type: Delegation, classification: 'public', resolve: (p) => p.delegation }),
      token: t.string({
        classification: 'public',
        description: "Give it to the assistant: it sends it as X-Impersonation-Token with its own bearer token. Shown once.",
        resolve: (p) => p.token,
      }),
    }),
  });

  builder.mutationFields((t) => ({
    delegateSession: t.field({
      type: Payload,
      callers: 'staff',
      classification: 'public',
      risk: 'session-control',
      description: "Lends your live session to an AI assistant for at most the session's remaining time (or `minutes`, if sooner).",
      args: {
        sessionId: t.arg.id({ required: true, filtersBy: 'ImpersonationSession.id' }),
        assistantId: t.arg.id({ required: true, filtersBy: 'SessionDelegation.assistantId' }),
        minutes: t.arg.int({ filtersBy: false }),
      },
      resolve: (_root, args, context, info) =>
        delegateSession(
          { db: context.db, agent: staffCaller(context), scope: auditScopeOf(context, info) },
          { sessionId: String(args.sessionId), assistantId: String(args.assistantId), minutes: args.minutes ?? null },
        ),
    }),
    revokeDelegation: t.field({
      type: Delegation,
      callers: 'staff',
      classification: 'public',
      risk: 'session-control',
      description: 'Takes a delegated session back from its assistant, at once. Its agent or a support manager may.',
      args: { delegationId: t.arg.id({ required: true, filtersBy: 'SessionDelegation.id' }) },
      resolve: (_root, { delegationId }, context, info) => {
        const agent = staffCaller(context);
        return revokeDelegation({ db: context.db, agent, scope: auditScopeOf(context, info), mayRevokeAny: hasRole(agent, 'support_manager') }, String(delegationId));
      },
    }),
  }));
}
