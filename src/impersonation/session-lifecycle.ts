import { SYSTEM_ACTOR, type AuditScope } from '../audit/index.js';
import { hasRole, type StaffPrincipal } from '../auth/principal.js';
import type { ImpersonationSettings } from '../config/config.js';
import type { Db } from '../db/database.js';
import type { WardenIdentity } from '../identity/identity.js';
import type { ImpersonationSessionRow } from '../db/tables/impersonation-session.js';
import { wardenError } from '../errors/index.js';
import { activateSession } from './activate-session.js';
import { endSession, refuseUnstartedSession } from './end-session.js';
import { loadCollectRecord } from './collect-record.js';
import { collectRefusal, lapseOf, staleSignInRefusal } from './collect-refusal.js';
import type { SessionHolder } from './session-holder.js';
import { findOpenSessionOfAgent, lockSession } from './sessions.repository.js';
import { approvalStillHolds, loadStartTarget, mayImpersonate, type StartRefusal } from './start-checks.js';

export interface ClaimContext {
  db: Db;
  identity: WardenIdentity;
  settings: ImpersonationSettings;
  agent: StaffPrincipal;
  oncallMayImpersonate: boolean;
  scope: AuditScope;
}

/**
 * After a manager approved the start, the requesting agent collects the token (once). The
 * start rules are checked again, as they are now: the agent still allowed to impersonate, the
 * customer still one support may enter, the approval still covering why the start needed one,
 * and a recent sign-in (the approval may have taken a while). A start that lapsed or no longer
 * holds is closed (recorded) and refused; every refusal says what the record says happened
 * (see `collectRefusal`). The sign-in is checked last, so that an agent told to sign in again
 * is refused nothing else once they have.
 */
export async function claimApprovedSession(ctx: ClaimContext, sessionId: string): Promise<{ session: ImpersonationSessionRow; token: string }> {
  const { db, settings, agent } = ctx;
  const system = { ...ctx.scope, actor: SYSTEM_ACTOR };
  const outcome = await db.transaction().execute(async (trx): Promise<{ session: ImpersonationSessionRow; token: string } | StartRefusal> => {
    const session = await lockSession(trx, sessionId);
    let record = await loadCollectRecord(trx, sessionId);
    if (!session || !record || session.agent_id !== agent.id) throw wardenError('NOT_FOUND', 'You have no session with that id.');
    // What can no longer start is closed in a transaction that commits (throwing here would
    // roll it back), then refused as the record now tells it.
    const lapse = lapseOf(record);
    if (lapse) {
      await refuseUnstartedSession(trx, session, lapse, system);
      record = (await loadCollectRecord(trx, sessionId)) ?? record;
    }
    const refused = collectRefusal(record);
    if (refused) return refused;
    const broken = approvalStillHolds({
      agentName: agent.name,
      agentMayImpersonate: mayImpersonate(agent.roles, ctx.oncallMayImpersonate),
      target: await loadStartTarget(trx, ctx.identity, session.user_id),
      mode: session.mode,
      approvedReasons: record.approval?.why ?? [],
    });
    if (broken) {
      await refuseUnstartedSession(trx, session, `it no longer holds: ${broken.why}`, system);
      const closed = await loadCollectRecord(trx, sessionId);
      return (closed && collectRefusal(closed)) ?? broken;
    }
    const stale = staleSignInRefusal(record, agent.authTime, new Date(), settings.authMaxAgeMinutes);
    if (stale) return stale;
    return activateSession(trx, session, settings, ctx.scope);
  });
  if ('code' in outcome) throw wardenError(outcome.code, outcome.why);
  return outcome;
}

/** The agent (or assistant) ends their own session; a manager revokes anyone's (with a reason). */
export async function endImpersonationSession(
  db: Db,
  caller: SessionHolder,
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

/**
 * The agent's open session as it stands now. One past its time or idle limit is ended here,
 * with its end record, rather than shown open until the sweeper's next pass: the agent's console
 * asks this after its countdown reached zero, and must not resume a session that has lapsed.
 */
export async function currentSessionOfAgent(db: Db, agentId: string, requestId: string): Promise<ImpersonationSessionRow | undefined> {
  const open = await findOpenSessionOfAgent(db, agentId);
  if (!open || lapsedBecause(open) === null) return open;
  await db.transaction().execute(async (trx) => {
    const locked = await lockSession(trx, open.id);
    const reason = locked?.status === 'active' ? lapsedBecause(locked) : null;
    if (locked && reason) await endSession(trx, locked, reason, { actor: SYSTEM_ACTOR, requestId });
  });
  return findOpenSessionOfAgent(db, agentId);
}

function lapsedBecause(session: ImpersonationSessionRow): 'expired' | 'idle_timeout' | null {
  if (session.status !== 'active') return null;
  const now = Date.now();
  if (session.expires_at !== null && session.expires_at.getTime() <= now) return 'expired';
  if (session.idle_expires_at !== null && session.idle_expires_at.getTime() <= now) return 'idle_timeout';
  return null;
}
