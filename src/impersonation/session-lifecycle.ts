import { SYSTEM_ACTOR, type AuditScope } from '../audit/index.js';
import { hasRole, type StaffPrincipal } from '../auth/principal.js';
import type { ImpersonationSettings } from '../config/config.js';
import type { Db } from '../db/database.js';
import type { ImpersonationSessionRow } from '../db/tables/impersonation-session.js';
import { wardenError } from '../errors/index.js';
import { activateSession } from './activate-session.js';
import { endSession, refuseUnstartedSession } from './end-session.js';
import { lockSession } from './sessions.repository.js';
import { approvalStillHolds, loadStartTarget, mayImpersonate, type StartRefusal } from './start-checks.js';

export interface ClaimContext {
  db: Db;
  settings: ImpersonationSettings;
  agent: StaffPrincipal;
  oncallMayImpersonate: boolean;
  scope: AuditScope;
}

/**
 * After a manager approved the start, the requesting agent collects the token (once). The
 * start rules are checked again, as they are now: signing in recently (the approval may have
 * taken a while), the agent still allowed to impersonate, the customer still one support may
 * enter, and the approval still covering why the start needed one. A start that no longer
 * holds, or whose approval lapsed, is closed (recorded) and refused.
 */
export async function claimApprovedSession(ctx: ClaimContext, sessionId: string): Promise<{ session: ImpersonationSessionRow; token: string }> {
  const { db, settings, agent } = ctx;
  if ((Date.now() - agent.authTime.getTime()) / 60_000 > settings.authMaxAgeMinutes) {
    throw wardenError('UNAUTHENTICATED', `Sign in again (within ${settings.authMaxAgeMinutes} minutes) to collect the session token.`);
  }
  const outcome = await db.transaction().execute(async (trx): Promise<{ session: ImpersonationSessionRow; token: string } | StartRefusal> => {
    const session = await lockSession(trx, sessionId);
    if (!session || session.agent_id !== agent.id) throw wardenError('NOT_FOUND', 'You have no session with that id.');
    if (session.status === 'pending_approval') throw wardenError('APPROVAL_REQUIRED', 'A manager has not approved this session yet.');
    if (session.status !== 'approved') {
      throw wardenError('BAD_USER_INPUT', `This session is ${session.status}; its token was issued already or it can no longer start. Start a new one.`);
    }
    const approval = session.approval_request_id
      ? await trx.selectFrom('approval_requests').select(['grant_expires_at', 'decided_at', 'payload']).where('id', '=', session.approval_request_id).executeTakeFirst()
      : undefined;
    // Closed in a transaction that commits (throwing here would roll it back); refused below.
    if (approval?.grant_expires_at && approval.grant_expires_at.getTime() <= Date.now()) {
      const minutes = approval.decided_at ? Math.round((approval.grant_expires_at.getTime() - approval.decided_at.getTime()) / 60_000) : settings.grantTtlMinutes;
      await refuseUnstartedSession(trx, session, `the agent did not collect the session token within ${minutes} minutes`, { ...ctx.scope, actor: SYSTEM_ACTOR });
      return { code: 'BAD_USER_INPUT', why: 'The approval for this session lapsed before you collected the token; start a new session.' };
    }
    const refusal = approvalStillHolds({
      agentName: agent.name,
      agentMayImpersonate: mayImpersonate(agent.roles, ctx.oncallMayImpersonate),
      target: await loadStartTarget(trx, session.user_id),
      mode: session.mode,
      approvedReasons: approval?.payload.kind === 'session_start' ? approval.payload.why : [],
    });
    if (refusal) {
      await refuseUnstartedSession(trx, session, `it no longer holds: ${refusal.why}`, { ...ctx.scope, actor: SYSTEM_ACTOR });
      return { code: refusal.code, why: `This session can no longer start: ${refusal.why}` };
    }
    return activateSession(trx, session, settings, ctx.scope);
  });
  if ('code' in outcome) throw wardenError(outcome.code, outcome.why);
  return outcome;
}

/** The agent ends their own session; a manager revokes anyone's (with a reason). */
export async function endImpersonationSession(
  db: Db,
  caller: StaffPrincipal,
  sessionId: string,
  scope: AuditScope,
  revokeReason: string | null = null,
): Promise<ImpersonationSessionRow> {
  return db.transaction().execute(async (trx) => {
    const session = await lockSession(trx, sessionId);
    const isOwner = session?.agent_id === caller.id;
    const isManager = hasRole(caller, 'support_manager');
    if (!session || (!isOwner && !isManager)) throw wardenError('NOT_FOUND', 'No session of yours has that id.');
    if (session.status === 'ended' || session.status === 'refused') return session;
    if (!isOwner && !revokeReason) {
      throw wardenError('BAD_USER_INPUT', "Use revokeImpersonation with a reason to end another agent's session.");
    }
    return endSession(trx, session, isOwner && !revokeReason ? 'ended' : 'revoked', scope, revokeReason);
  });
}
