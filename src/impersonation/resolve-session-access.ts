import type { Transaction } from 'kysely';
import { SYSTEM_ACTOR, type AuditActor, type AuditSubject } from '../audit/index.js';
import { customerSubject, sessionSubject } from '../audit/audit-subject-of.js';
import type { WardenIdentity } from '../identity/identity.js';
import type { Principal } from '../auth/principal.js';
import type { DeactivatedPrincipal } from '../auth/authenticate.js';
import type { ImpersonationSettings } from '../config/config.js';
import type { Database, Db } from '../db/database.js';
import type { SessionEndReason } from '../db/tables/impersonation-session.js';
import { errorCodeOf, wardenError } from '../errors/index.js';
import { assistantSessionAccess, directAccess, impersonationAccess, type AccessContext } from '../policy/access.js';
import type { PolicySource } from '../policy/policy-source.js';
import { newPseudonymKey } from '../policy/pseudonym.js';
import { createAssistantAccessResolver } from './assistant-access.js';
import { sessionPseudonymKey } from './delegations.repository.js';
import { holderActor, holderMayImpersonate, type SessionHolder } from './session-holder.js';
import { endSession } from './end-session.js';
import { recordContextRefusal } from './record-context-refusal.js';
import { hashSessionToken, looksLikeSessionToken } from './session-token.js';
import { findSessionByTokenHash, lockSession, touchActiveSession } from './sessions.repository.js';
import { sessionBrokenBecause, standingOf } from './start-checks.js';

export const IMPERSONATION_HEADER = 'x-impersonation-token';

export interface SessionAccessOptions {
  db: Db;
  identity: WardenIdentity;
  settings: ImpersonationSettings;
  policy: PolicySource;
}

const END_MESSAGES: Record<SessionEndReason, string> = {
  ended: 'This impersonation session has ended; start a new one if you still need it.',
  idle_timeout: 'This impersonation session closed after being idle; start a new one if you still need it.',
  expired: 'This impersonation session reached its time limit; start a new one if you still need it.',
  revoked: 'A manager revoked this impersonation session.',
  role_lost: 'Your session ended: you no longer hold a role that may impersonate.',
  target_changed: "Your session ended: the customer's account changed (it became sensitive, the user's role changed, or the customer opted out).",
};

/** Why an assistant's own session ended when it lost the right to hold one: the policy changed. */
const ASSISTANT_ROLE_LOST = 'Your session ended: the policy in force no longer lets AI assistants hold sessions of their own.';

function endMessage(reason: SessionEndReason, holder: SessionHolder): string {
  return reason === 'role_lost' && holder.kind === 'assistant' ? ASSISTANT_ROLE_LOST : END_MESSAGES[reason];
}

/**
 * Whose data a request reaches. Without an impersonation token: the caller's own. With one,
 * the caller must be the agent the session belongs to, still allowed to impersonate, and the
 * session active and within both time limits; each use pushes the idle limit back. A session
 * found broken here is ended here, with its end record, before the request is refused. An AI
 * assistant's session token (one it opened itself, where the policy allows) is held to the same
 * rules, sent with its own token; it reads through the assistant's session column. An
 * assistant's delegation token goes to `createAssistantAccessResolver`.
 */
export function createSessionAccessResolver(options: SessionAccessOptions) {
  const { db, settings } = options;
  const assistantAccess = createAssistantAccessResolver(options);
  return async (principal: Principal, request: Request, requestId: string): Promise<AccessContext> => {
    const token = request.headers.get(IMPERSONATION_HEADER);
    if (principal.kind === 'assistant' && !(token && looksLikeSessionToken(token))) return assistantAccess(principal, token, requestId);
    if (!token) return directAccess(principal);
    if (principal.kind === 'customer') {
      const why = 'Impersonation tokens are for support staff; send only your own bearer token.';
      await recordContextRefusal(
        db,
        { kind: 'access_denied', attempted: 'send an impersonation token as a customer', code: 'FORBIDDEN', why, subject: await customerSubject(options.identity, principal.id) },
        { actor: { kind: 'customer', id: principal.id, name: principal.name }, requestId },
      );
      throw wardenError('FORBIDDEN', why);
    }
    if (!looksLikeSessionToken(token)) {
      throw await refuseSession(principal, requestId, 'The impersonation token is not one Warden issued; start a session to get one.', null);
    }
    if (principal.kind === 'assistant' && principal.onBehalfOf) {
      const why = `A session an assistant opened works only with the assistant's own token (kind ai_agent), not one acting for ${principal.onBehalfOf.name}.`;
      await recordContextRefusal(db, { kind: 'access_denied', attempted: 'use its own session with a delegation token', code: 'FORBIDDEN', why }, { actor: holderActor(principal), requestId });
      throw wardenError('FORBIDDEN', why);
    }
    const tokenHash = hashSessionToken(token);
    const session = await touchActiveSession(db, tokenHash, principal.id, settings.idleMinutes);
    if (!session) throw await explainRefusal(tokenHash, principal, requestId);

    const subject = { user: { id: session.user_id, name: session.user_name }, account: { id: session.account_id, name: session.account_name } };
    const now = await options.identity.customer(session.user_id).catch(async (error: unknown) => {
      // In proxy mode the upstream says who the customer is; down, the session's request is
      // refused as its fields would be, and this refusal of a known agent is on the trail.
      if (errorCodeOf(error) === 'UPSTREAM_UNAVAILABLE') {
        await recordContextRefusal(
          db,
          { kind: 'access_denied', attempted: `use impersonation session ${session.id}`, code: 'UPSTREAM_UNAVAILABLE', why: (error as Error).message, sessionId: session.id, subject },
          { actor: holderActor(principal), requestId, sessionId: session.id },
        );
      }
      throw error;
    });
    // A token's holder is active (authentication refuses a deactivated one); its standing is the policy's to say.
    const holder = { kind: principal.kind === 'assistant' ? ('assistant' as const) : ('person' as const), active: true, roles: principal.kind === 'staff' ? principal.roles : [] };
    const agentMayImpersonate = holderMayImpersonate(holder, options.policy.current().document);
    const endReason = sessionBrokenBecause(standingOf(session, now, agentMayImpersonate));
    if (endReason || !now) {
      const reason = endReason ?? 'target_changed';
      throw await refuseSession(principal, requestId, endMessage(reason, principal), { id: session.id, subject }, endIfActive(session.id, reason, requestId));
    }
    const customer = {
      kind: 'customer' as const,
      id: now.id,
      name: now.name,
      accountId: now.account.id,
      role: now.role,
      authTime: principal.authTime,
    };
    const info = {
      id: session.id,
      mode: session.mode,
      agent: { id: principal.id, name: principal.name },
      user: { id: now.id, name: now.name },
      account: { id: now.account.id, name: now.account.name },
      expiresAt: session.expires_at ?? new Date(),
      idleExpiresAt: session.idle_expires_at ?? new Date(),
    };
    if (principal.kind === 'assistant') {
      // Its own column, stand-ins keyed by the session, no grants; no delegation, no agent to answer to.
      return assistantSessionAccess(customer, info, await sessionPseudonymKey(db, session.id, newPseudonymKey()), null);
    }
    return impersonationAccess(customer, session.mode, new Set(session.grants ?? []), info);
  };

  /**
   * Refuses the request with SESSION_EXPIRED, recorded like every refusal, in one transaction
   * with what must change with it (ending the session that lapsed).
   */
  async function refuseSession(
    agent: SessionHolder,
    requestId: string,
    why: string,
    session: { id: string; subject: AuditSubject } | null,
    withRefusal?: (trx: Transaction<Database>) => Promise<void>,
  ) {
    await recordContextRefusal(
      db,
      {
        kind: 'access_denied',
        attempted: session ? `use impersonation session ${session.id}` : 'use an impersonation token that opens no session',
        code: 'SESSION_EXPIRED',
        why,
        sessionId: session?.id ?? null,
        subject: session?.subject ?? null,
      },
      { actor: holderActor(agent), requestId, sessionId: session?.id ?? null },
      withRefusal,
    );
    return wardenError('SESSION_EXPIRED', why);
  }

  /** Why the token did not open a session: someone else's, ended, or timed out (then end it). */
  async function explainRefusal(tokenHash: string, agent: SessionHolder, requestId: string) {
    const session = await findSessionByTokenHash(db, tokenHash);
    if (!session) return refuseSession(agent, requestId, 'No session has this impersonation token; start a new session.', null);
    if (session.agent_id !== agent.id) {
      await recordContextRefusal(
        db,
        {
          kind: 'access_denied',
          attempted: `use session ${session.id}, which belongs to another agent`,
          code: 'FORBIDDEN',
          why: 'A session token works only with the bearer token of the agent who started it.',
          sessionId: session.id,
          subject: sessionSubject(session),
        },
        { actor: holderActor(agent), requestId },
      );
      return wardenError('FORBIDDEN', 'This impersonation token belongs to another agent; it works only with its own agent’s credential.');
    }
    const own = { id: session.id, subject: sessionSubject(session) };
    if (session.status === 'active') {
      const reason: SessionEndReason = session.expires_at && session.expires_at.getTime() <= Date.now() ? 'expired' : 'idle_timeout';
      return refuseSession(agent, requestId, END_MESSAGES[reason], own, endIfActive(session.id, reason, requestId));
    }
    return refuseSession(agent, requestId, endMessage(session.end_reason ?? 'ended', agent), own);
  }
}

/** Ends a session found broken or lapsed, with its end record (in the request that found it), unless another request just did. */
function endIfActive(sessionId: string, reason: SessionEndReason, requestId: string) {
  return async (trx: Transaction<Database>): Promise<void> => {
    const locked = await lockSession(trx, sessionId);
    if (locked?.status === 'active') await endSession(trx, locked, reason, { actor: SYSTEM_ACTOR, requestId });
  };
}

/**
 * A signed token for a deactivated staff member or AI assistant is recorded (someone Warden
 * knows), under their own kind: an assistant's row is the assistant's, with its chain. A
 * session of theirs it was sent with ends: its holder lost the right to impersonate
 * (`role_lost`), whether or not anyone uses it again. Tokens for people Warden does not know are
 * not recorded: anyone the identity provider signs for could grow the table with them.
 */
export async function refuseDeactivatedStaff(db: Db, who: DeactivatedPrincipal, request: Request, requestId: string): Promise<void> {
  const token = request.headers.get(IMPERSONATION_HEADER);
  const session = token && looksLikeSessionToken(token) ? await findSessionByTokenHash(db, hashSessionToken(token)) : undefined;
  const own = session?.agent_id === who.id ? session : undefined;
  const actor: AuditActor =
    who.kind === 'assistant'
      ? { kind: 'assistant', id: who.id, name: who.name, vendor: who.vendor, model: who.model, for: who.onBehalfOf, priorActors: who.priorActors }
      : { kind: 'staff', id: who.id, name: who.name };
  await recordContextRefusal(
    db,
    {
      kind: 'access_denied',
      attempted: who.kind === 'assistant' ? 'sign in with a token for a deactivated assistant' : 'sign in with a token for a deactivated staff member',
      code: 'UNAUTHENTICATED',
      why: who.kind === 'assistant' ? 'This assistant was deactivated; its tokens no longer open anything.' : 'This staff member was deactivated; their tokens no longer open anything.',
      sessionId: own?.id ?? null,
    },
    { actor, requestId, sessionId: own?.id ?? null, customer: own ? { id: own.user_id, name: own.user_name } : null },
    async (trx) => {
      if (!own) return;
      const locked = await lockSession(trx, own.id);
      if (locked?.status === 'active') await endSession(trx, locked, 'role_lost', { requestId });
    },
  );
}
