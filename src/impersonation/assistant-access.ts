import type { AssistantPrincipal } from '../auth/principal.js';
import type { AuditActor, AuditSubject } from '../audit/index.js';
import type { Db } from '../db/database.js';
import { wardenError, type ErrorCode } from '../errors/index.js';
import type { WardenIdentity } from '../identity/identity.js';
import { assistantSessionAccess, directAccess, type AccessContext } from '../policy/access.js';
import type { PolicySource } from '../policy/policy-source.js';
import { newPseudonymKey } from '../policy/pseudonym.js';
import { findDelegationByTokenHash, hashDelegationToken, looksLikeDelegationToken } from './delegate-session.js';
import { sessionPseudonymKey } from './delegations.repository.js';
import { recordContextRefusal } from './record-context-refusal.js';
import { findSession } from './sessions.repository.js';
import { mayImpersonate, sessionBrokenBecause, standingOf } from './start-checks.js';

export interface AssistantAccessOptions {
  db: Db;
  identity: WardenIdentity;
  policy: PolicySource;
}

/**
 * Whose data an AI assistant's request reaches. Its token first: a delegation chain longer than
 * the policy allows is refused (`DELEGATION_TOO_DEEP`). Without a delegation token, no account.
 * With one: the delegation must be this assistant's (its own `sub`), made by the person its
 * token acts for (if it names one), not revoked (`DELEGATION_REVOKED`), not lapsed, its session
 * live and still standing (`DELEGATION_ENDED`). Every refusal is recorded before anything runs.
 */
export function createAssistantAccessResolver(options: AssistantAccessOptions) {
  const { db } = options;
  return async (assistant: AssistantPrincipal, token: string | null, requestId: string): Promise<AccessContext> => {
    const depth = assistant.onBehalfOf ? 1 + assistant.priorActors.length : 0;
    const maxDepth = options.policy.current().document.maxDelegationDepth;
    if (depth > maxDepth) {
      throw await refuse(assistant, requestId, 'DELEGATION_TOO_DEEP', {
        attempted: `act through a delegation chain of ${depth} actors`,
        why: `The token's delegation chain (act) names ${depth} actors; the policy allows at most ${maxDepth}. Ask your identity provider for a token issued to the assistant directly for the person it acts for.`,
      });
    }
    if (!token) return directAccess(assistant);
    if (!looksLikeDelegationToken(token)) {
      throw await refuse(assistant, requestId, 'ASSISTANT_NOT_PERMITTED', {
        attempted: 'use an impersonation token',
        why: 'An assistant reads a customer account only through a session an agent delegated to it: send the delegation token (wdlg_…) the agent gave you, with your own bearer token.',
      });
    }
    const delegation = await findDelegationByTokenHash(db, hashDelegationToken(token));
    if (!delegation) {
      throw await refuse(assistant, requestId, 'DELEGATION_ENDED', { attempted: 'use a delegation token that opens no session', why: 'No delegation has this token; ask the agent to delegate the session again.' });
    }
    const session = await findSession(db, delegation.session_id);
    const subject: AuditSubject | null = session
      ? { user: { id: session.user_id, name: session.user_name }, account: { id: session.account_id, name: session.account_name } }
      : null;
    const agent = await db.selectFrom('staff').select(['id', 'name', 'roles', 'active']).where('id', '=', delegation.agent_id).executeTakeFirstOrThrow();
    const attempted = `use session ${delegation.session_id}, delegated by ${agent.name}`;
    const refusal = (code: ErrorCode, why: string) => refuse(assistant, requestId, code, { attempted, why, sessionId: delegation.session_id, subject }, { id: agent.id, name: agent.name });
    if (delegation.assistant_id !== assistant.id) {
      throw await refusal('FORBIDDEN', 'This delegation is bound to another assistant; it works only with the bearer token of the assistant it was given to.');
    }
    if (assistant.onBehalfOf && assistant.onBehalfOf.id !== agent.id) {
      throw await refusal('FORBIDDEN', `Your token acts for ${assistant.onBehalfOf.name}, but ${agent.name} delegated this session: use a token for the agent who delegated it.`);
    }
    if (delegation.revoked_at) {
      throw await refusal('DELEGATION_REVOKED', `${agent.name} took this session back; nothing in it can be read any more. Ask them to delegate it again if they still need you.`);
    }
    const now = Date.now();
    if (!session || session.status !== 'active' || (session.expires_at?.getTime() ?? 0) <= now || (session.idle_expires_at?.getTime() ?? 0) <= now) {
      throw await refusal('DELEGATION_ENDED', 'The session this delegation was bound to has ended; an agent must start and delegate a new one.');
    }
    if (delegation.expires_at.getTime() <= now) {
      throw await refusal('DELEGATION_ENDED', 'This delegation reached its time limit; ask the agent to delegate the session again.');
    }
    const customer = await options.identity.customer(session.user_id);
    const agentMayImpersonate = agent.active && mayImpersonate(agent.roles, options.policy.current().document.oncallMayImpersonate);
    if (!customer || sessionBrokenBecause(standingOf(session, customer, agentMayImpersonate))) {
      throw await refusal('DELEGATION_ENDED', 'The session this delegation was bound to no longer holds (the agent or the customer changed); an agent must start a new one.');
    }
    const key = await sessionPseudonymKey(db, session.id, newPseudonymKey());
    return assistantSessionAccess(
      { kind: 'customer', id: customer.id, name: customer.name, accountId: customer.account.id, role: customer.role, authTime: assistant.authTime },
      {
        id: session.id,
        // The session's own mode: a read-only session runs no change, approved or not.
        mode: session.mode,
        agent: { id: agent.id, name: agent.name },
        user: { id: customer.id, name: customer.name },
        account: { id: customer.account.id, name: customer.account.name },
        // The assistant's view ends with the delegation, which never outlives the session.
        expiresAt: delegation.expires_at,
        idleExpiresAt: session.idle_expires_at ?? delegation.expires_at,
      },
      key,
      { id: delegation.id, agent: { id: agent.id, name: agent.name } },
    );
  };

  async function refuse(
    assistant: AssistantPrincipal,
    requestId: string,
    code: ErrorCode,
    what: { attempted: string; why: string; sessionId?: string; subject?: AuditSubject | null },
    agent: { id: string; name: string } | null = null,
  ) {
    const actor: AuditActor = {
      kind: 'assistant',
      id: assistant.id,
      name: assistant.name,
      vendor: assistant.vendor,
      model: assistant.model,
      priorActors: assistant.priorActors,
      for: agent ?? assistant.onBehalfOf,
    };
    await recordContextRefusal(
      db,
      { kind: 'access_denied', attempted: what.attempted, code, why: what.why, sessionId: what.sessionId ?? null, subject: what.subject ?? null },
      { actor, requestId, sessionId: what.sessionId ?? null, customer: what.subject?.user ?? null },
    );
    return wardenError(code, what.why);
  }
}
