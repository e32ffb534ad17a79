import type { Executor } from '../db/database.js';
import type { WardenIdentity } from '../identity/identity.js';
import type { AuditSubject } from './audit-event.js';

/** The customer and account a session is for, by the names it was started with. */
export function sessionSubject(session: { user_id: string; user_name: string; account_id: string; account_name: string }): AuditSubject {
  return { user: { id: session.user_id, name: session.user_name }, account: { id: session.account_id, name: session.account_name } };
}

/** The customer and account an event concerns, as the identity hook names them now; null when there is none. */
export async function customerSubject(identity: WardenIdentity, userId: string, within?: Executor): Promise<AuditSubject | null> {
  const customer = await identity.customer(userId, within);
  return customer ? { user: { id: customer.id, name: customer.name }, account: { id: customer.account.id, name: customer.account.name } } : null;
}
