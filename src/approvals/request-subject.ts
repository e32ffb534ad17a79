import type { AuditSubject } from '../audit/index.js';
import type { Executor } from '../db/database.js';
import type { ApprovalRequestRow } from '../db/tables/approval-request.js';

/**
 * The customer and account a request is about, by the names it was opened with (its
 * description keeps them; a request opened before descriptions were kept has its session's).
 */
export async function requestSubject(db: Executor, request: ApprovalRequestRow): Promise<AuditSubject> {
  if (request.effect) {
    return { user: { id: request.target_user_id, name: request.effect.customer }, account: { id: request.account_id, name: request.effect.account } };
  }
  const session = request.session_id
    ? await db.selectFrom('impersonation_sessions').select(['user_name', 'account_name']).where('id', '=', request.session_id).executeTakeFirst()
    : undefined;
  return {
    user: { id: request.target_user_id, name: session?.user_name ?? request.target_user_id },
    account: { id: request.account_id, name: session?.account_name ?? request.account_id },
  };
}
