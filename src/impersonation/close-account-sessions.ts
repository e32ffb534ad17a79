import type { Transaction } from 'kysely';
import { SYSTEM_ACTOR, type AuditScope } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { endSession, refuseUnstartedSession } from './end-session.js';
import { takeAccountTurn } from './start-checks.js';

/**
 * When a customer says support may never enter, every session of the account closes in the
 * transaction that records the change: active ones end (`target_changed`, with their end
 * record), and starts still waiting for a manager or for their agent to collect the token are
 * refused, their requests closed and recorded. Returns how many sessions it closed.
 */
export async function closeSessionsOfOptedOutAccount(
  trx: Transaction<Database>,
  account: { id: string; name: string },
  scope: AuditScope,
): Promise<number> {
  // After any start into the account now being made has committed (it is then closed here),
  // and before any later one reads the account (it then sees the opt-out).
  await takeAccountTurn(trx, account.id);
  const sessions = await trx
    .selectFrom('impersonation_sessions')
    .selectAll()
    .where('account_id', '=', account.id)
    .where('status', 'in', ['pending_approval', 'approved', 'active'])
    .orderBy('id')
    .forUpdate()
    .execute();
  const why = `${account.name} asked that support never enter their account`;
  const systemScope = { ...scope, actor: SYSTEM_ACTOR };
  for (const session of sessions) {
    if (session.status === 'active') await endSession(trx, session, 'target_changed', systemScope, why);
    else await refuseUnstartedSession(trx, session, why, systemScope);
  }
  return sessions.length;
}
