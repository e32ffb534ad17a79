import type { Transaction } from 'kysely';
import { recordAuditEvent, SYSTEM_ACTOR, type AuditActor, type AuditScope } from '../audit/index.js';
import type { Database } from '../db/database.js';
import type { ImpersonationSessionRow, SessionEndReason } from '../db/tables/impersonation-session.js';
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

/**
 * Ends a session and writes its end record in the same transaction: every session that
 * started gets exactly one end, whoever ends it (the agent, a manager, a timeout, a change to
 * the agent or the customer). A session that never started is closed without an end record.
 */
export async function endSession(
  trx: Transaction<Database>,
  session: ImpersonationSessionRow,
  reason: SessionEndReason,
  scope: Omit<AuditScope, 'actor'> & { actor?: AuditActor },
  note: string | null = null,
): Promise<ImpersonationSessionRow> {
  const ended = await markSessionEnded(trx, session.id, reason, scope.actor?.id ?? null);
  // Requests made from inside the session lapse with it: nothing is left for a manager to approve.
  await trx.updateTable('approval_requests').set({ status: 'expired' }).where('session_id', '=', session.id).where('status', '=', 'pending').execute();
  if (!session.started_at) return ended;
  const names = await trx
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .innerJoin('staff', (join) => join.on('staff.id', '=', session.agent_id))
    .select(['users.name as userName', 'accounts.name as accountName', 'staff.name as agentName'])
    .where('users.id', '=', session.user_id)
    .executeTakeFirstOrThrow();
  const minutes = Math.max(0, Math.round(((ended.ended_at ?? new Date()).getTime() - session.started_at.getTime()) / 60_000));
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
    { ...scope, actor: scope.actor ?? SYSTEM_ACTOR, sessionId: session.id },
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
  return ended;
}
