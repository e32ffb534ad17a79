import { sql, type Transaction } from 'kysely';
import { closeApprovalRequests } from '../approvals/close-approval-requests.js';
import { recordAuditEvent, SYSTEM_ACTOR, type AuditActor, type AuditScope } from '../audit/index.js';
import type { Database } from '../db/database.js';
import type { ImpersonationSessionRow, SessionEndReason } from '../db/tables/impersonation-session.js';
import { holderLabel } from './session-holder.js';
import { markSessionEnded } from './sessions.repository.js';
import { enqueueNotification } from '../notify/index.js';

const KIND_OF: Record<SessionEndReason, 'session_ended' | 'session_expired' | 'session_revoked'> = {
  ended: 'session_ended',
  idle_timeout: 'session_expired',
  expired: 'session_expired',
  revoked: 'session_revoked',
  role_lost: 'session_revoked',
  target_changed: 'session_revoked',
};

/** Why the requests still open in a session close when it ends, as a person would say it. */
const REQUESTS_CLOSE_BECAUSE: Record<SessionEndReason, string> = {
  ended: 'the session ended',
  idle_timeout: 'the session closed after being idle',
  expired: 'the session reached its time limit',
  revoked: 'a manager revoked the session',
  role_lost: 'the agent no longer holds a role that may impersonate',
  target_changed: "the customer's account changed",
};

type EndScope = Omit<AuditScope, 'actor'> & { actor?: AuditActor };

/**
 * Ends a session and writes its end record in the same transaction: every session that
 * started gets exactly one end, whoever ends it (the agent, a manager, a timeout, a change to
 * the agent or the customer). A session that never started is closed without an end record;
 * its agent ending it withdraws its start request. Requests still open in the session close
 * with it, each recorded: nothing is left for a manager to approve.
 */
export async function endSession(
  trx: Transaction<Database>,
  session: ImpersonationSessionRow,
  reason: SessionEndReason,
  scope: EndScope,
  note: string | null = null,
): Promise<ImpersonationSessionRow> {
  const ended = await markSessionEnded(trx, session.id, reason, scope.actor?.id ?? null, note);
  const fullScope = { ...scope, actor: scope.actor ?? SYSTEM_ACTOR };
  if (session.started_at) await recordSessionEnd(trx, session, session.started_at, ended, reason, fullScope, note);
  const open = await lockOpenRequestsOfSession(trx, session);
  if (!session.started_at && reason === 'ended') {
    await closeApprovalRequests(trx, open, 'withdrawn', 'they ended the session before it started', fullScope);
  } else {
    await closeApprovalRequests(trx, open, 'expired', note ? `${REQUESTS_CLOSE_BECAUSE[reason]} ("${note}")` : REQUESTS_CLOSE_BECAUSE[reason], fullScope);
  }
  return ended;
}

/** The end record and the session_ended notification of a session that started. */
async function recordSessionEnd(
  trx: Transaction<Database>,
  session: ImpersonationSessionRow,
  startedAt: Date,
  ended: ImpersonationSessionRow,
  reason: SessionEndReason,
  scope: AuditScope,
  note: string | null,
): Promise<void> {
  const agent = await trx.selectFrom('staff').select(['name', 'kind']).where('id', '=', session.agent_id).executeTakeFirstOrThrow();
  const names = { userName: session.user_name, accountName: session.account_name, agentName: holderLabel(agent) };
  const minutes = Math.max(0, Math.round(((ended.ended_at ?? new Date()).getTime() - startedAt.getTime()) / 60_000));
  await recordAuditEvent(
    trx,
    {
      kind: KIND_OF[reason],
      sessionId: session.id,
      how: reason,
      minutes,
      note,
      user: { id: session.user_id, name: names.userName },
      account: { id: session.account_id, name: names.accountName },
    },
    // The customer is the head of an assistant's chain, wherever the end was sent from.
    { ...scope, sessionId: session.id, customer: { id: session.user_id, name: names.userName } },
  );
  await enqueueNotification(trx, {
    kind: 'session_ended',
    sessionId: session.id,
    agent: { id: session.agent_id, name: names.agentName },
    customer: { id: session.user_id, name: names.userName },
    account: { id: session.account_id, name: names.accountName },
    endReason: reason,
    durationMinutes: minutes,
  });
}

/**
 * Closes a session that never started (waiting for a manager, or approved and not collected)
 * because it can no longer start: it is refused, and its requests close as expired with `why`.
 * The session keeps `why` too, so that its agent collecting it is told what the trail says.
 */
export async function refuseUnstartedSession(
  trx: Transaction<Database>,
  session: ImpersonationSessionRow,
  why: string,
  scope: AuditScope,
): Promise<void> {
  await trx.updateTable('impersonation_sessions').set({ status: 'refused', ended_at: sql<Date>`now()`, closed_because: why }).where('id', '=', session.id).execute();
  await closeApprovalRequests(trx, await lockOpenRequestsOfSession(trx, session), 'expired', why, scope);
}

/**
 * Requests that could still be decided or used in this session: pending ones, approved
 * mutations not yet run, and the start approval of a session nobody collected.
 */
function lockOpenRequestsOfSession(trx: Transaction<Database>, session: ImpersonationSessionRow) {
  return trx
    .selectFrom('approval_requests')
    .selectAll()
    .where('session_id', '=', session.id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'pending'),
        eb.and([eb('status', '=', 'approved'), eb('kind', 'in', session.started_at ? ['mutation'] : ['mutation', 'session_start'])]),
      ]),
    )
    .forUpdate()
    .execute();
}
