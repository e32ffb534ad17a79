import { sql, type Transaction } from 'kysely';
import { recordAuditEvent, type AuditScope } from '../audit/index.js';
import { sessionSubject } from '../audit/audit-subject-of.js';
import type { ImpersonationSettings } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { ImpersonationSessionRow } from '../db/tables/impersonation-session.js';
import { holderLabel } from './session-holder.js';
import { hashSessionToken, mintSessionToken } from './session-token.js';
import { enqueueNotification } from '../notify/index.js';

/**
 * Turns an approved session into an active one: mints the token, starts the clocks and writes
 * the start record, all in the caller's transaction. The token is returned only after the
 * transaction that holds its start record commits.
 */
export async function activateSession(
  trx: Transaction<Database>,
  session: ImpersonationSessionRow,
  settings: ImpersonationSettings,
  scope: AuditScope,
): Promise<{ session: ImpersonationSessionRow; token: string }> {
  const token = mintSessionToken();
  const active = await trx
    .updateTable('impersonation_sessions')
    .set({
      status: 'active',
      token_hash: hashSessionToken(token),
      started_at: sql<Date>`now()`,
      last_seen_at: sql<Date>`now()`,
      expires_at: sql<Date>`now() + make_interval(mins => ${session.minutes})`,
      idle_expires_at: sql<Date>`now() + make_interval(mins => ${Math.min(settings.idleMinutes, session.minutes)})`,
    })
    .where('id', '=', session.id)
    .where('status', '=', 'approved')
    .returningAll()
    .executeTakeFirstOrThrow();
  const subject = sessionSubject(session);
  await recordAuditEvent(
    trx,
    {
      kind: 'session_started',
      sessionId: session.id,
      reason: session.reason,
      ticket: session.ticket,
      mode: session.mode,
      expiresAt: (active.expires_at ?? new Date()).toISOString(),
      ...subject,
    },
    // The customer entered is the head of an assistant's chain, though the start ran outside the session.
    { ...scope, sessionId: session.id, customer: subject.user },
  );
  const agent = await trx.selectFrom('staff').select(['id', 'name', 'kind']).where('id', '=', session.agent_id).executeTakeFirstOrThrow();
  await enqueueNotification(trx, {
    kind: 'session_started',
    sessionId: session.id,
    agent: { id: agent.id, name: holderLabel(agent) },
    customer: subject.user,
    account: subject.account,
    reason: session.reason,
    ticket: session.ticket,
    mode: session.mode,
    endsAt: active.expires_at ?? new Date(),
  });
  return { session: active, token };
}
