import { sql } from 'kysely';
import type { AuditScope } from '../audit/index.js';
import { hasRole, type StaffPrincipal } from '../auth/principal.js';
import type { ImpersonationSettings } from '../config/config.js';
import type { Db } from '../db/database.js';
import type { ImpersonationSessionRow } from '../db/tables/impersonation-session.js';
import { wardenError } from '../errors/index.js';
import { activateSession } from './activate-session.js';
import { endSession } from './end-session.js';
import { lockSession } from './sessions.repository.js';

/**
 * After a manager approved the start, the requesting agent collects the token (once). Signing
 * in recently is required here too: the approval may have taken a while.
 */
export async function claimApprovedSession(
  db: Db,
  settings: ImpersonationSettings,
  agent: StaffPrincipal,
  sessionId: string,
  scope: AuditScope,
): Promise<{ session: ImpersonationSessionRow; token: string }> {
  if ((Date.now() - agent.authTime.getTime()) / 60_000 > settings.authMaxAgeMinutes) {
    throw wardenError('UNAUTHENTICATED', `Sign in again (within ${settings.authMaxAgeMinutes} minutes) to collect the session token.`);
  }
  const claimed = await db.transaction().execute(async (trx) => {
    const session = await lockSession(trx, sessionId);
    if (!session || session.agent_id !== agent.id) throw wardenError('NOT_FOUND', 'You have no session with that id.');
    if (session.status === 'pending_approval') throw wardenError('APPROVAL_REQUIRED', 'A manager has not approved this session yet.');
    if (session.status !== 'approved') {
      throw wardenError('BAD_USER_INPUT', `This session is ${session.status}; its token was issued already or it can no longer start. Start a new one.`);
    }
    // An approval expires unused: a start approved long ago cannot be collected any more.
    const approval = session.approval_request_id
      ? await trx.selectFrom('approval_requests').select('grant_expires_at').where('id', '=', session.approval_request_id).executeTakeFirst()
      : undefined;
    if (approval?.grant_expires_at && approval.grant_expires_at.getTime() <= Date.now()) {
      // Closed in a transaction that commits (throwing here would roll it back); refused below.
      await trx.updateTable('impersonation_sessions').set({ status: 'refused', ended_at: sql<Date>`now()` }).where('id', '=', session.id).execute();
      await trx.updateTable('approval_requests').set({ status: 'expired' }).where('id', '=', session.approval_request_id ?? '').execute();
      return null;
    }
    return activateSession(trx, session, settings, scope);
  });
  if (!claimed) throw wardenError('BAD_USER_INPUT', 'The approval for this session lapsed before you collected the token; start a new session.');
  return claimed;
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
    const ended = await endSession(trx, session, isOwner && !revokeReason ? 'ended' : 'revoked', scope, revokeReason);
    if (session.approval_request_id && session.status === 'pending_approval') {
      await trx
        .updateTable('approval_requests')
        .set({ status: 'expired' })
        .where('id', '=', session.approval_request_id)
        .where('status', '=', 'pending')
        .execute();
    }
    return ended;
  });
}
