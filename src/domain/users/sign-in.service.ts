import { type AuditScope, type CustomerPrincipal, recordAuditEvent, systemErrorCode, type WardenDb, wardenError } from '../../index.js';
import type { UserRow } from '../tables/user.js';
import { findAccountById } from '../accounts/index.js';
import { emailInUse, lockUserInAccount, markLoginResetSent, updateUserEmail } from './user.repository.js';
import type { DomainTables } from '../database.js';

/**
 * Each user's sign-in (their email, their login resets) is their own to manage; the account's
 * owners and admins manage their colleagues' too. Refuses anyone else.
 */
export function mayManageSignInOf(customer: CustomerPrincipal, userId: string): void {
  if (customer.id === userId || customer.role === 'owner' || customer.role === 'admin') return;
  throw wardenError('FORBIDDEN', "Only the account's owners and admins change a colleague's email or send them a login reset; ask one of them, or do it for yourself.");
}

/** The address a user will sign in with: trimmed, lower case, one `@` and a dot in its domain. */
export function newEmailAddress(input: string): string {
  const email = input.trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw wardenError('BAD_USER_INPUT', 'Give a whole email address, e.g. name@example.com.');
  }
  return email;
}

/** "2026-11-25 14:02 UTC": when a login reset was sent, the same for every reader. */
export function sentAt(at: Date | null): string {
  return at === null ? 'never' : `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const NO_SUCH_USER = 'No user with that id in your account; list the account’s users to find their id.';
const ADDRESS_TAKEN = 'Another user already signs in with that address; choose another.';

/** Changes the address a user signs in with, and records from what to what, atomically. */
export async function changeUserEmail(db: WardenDb, customer: CustomerPrincipal, input: { userId: string; email: string }, scope: AuditScope): Promise<UserRow> {
  mayManageSignInOf(customer, input.userId);
  const email = newEmailAddress(input.email);
  return db.transaction().execute(async (trx) => {
    const app = trx.withTables<DomainTables>();
    const before = await lockUserInAccount(app, customer.accountId, input.userId);
    await scope.beforeChange?.(trx, scope);
    const account = await findAccountById(app, customer.accountId);
    if (!before || !account) throw wardenError('NOT_FOUND', NO_SUCH_USER);
    if (before.email === email) throw wardenError('BAD_USER_INPUT', 'That user already signs in with that address; nothing to change.');
    if (await emailInUse(app, email, before.id)) throw wardenError('BAD_USER_INPUT', ADDRESS_TAKEN);
    // The unique index is the backstop for two changes to one address racing.
    const after = await updateUserEmail(app, before.id, email).catch((error: unknown) => {
      throw systemErrorCode(error) === '23505' ? wardenError('BAD_USER_INPUT', ADDRESS_TAKEN) : error;
    });
    await recordAuditEvent(
      trx,
      {
        kind: 'mutation_executed',
        typeField: 'Mutation.changeUserEmail',
        account: { id: account.id, name: account.name },
        subjectUserId: before.id,
        target: `the sign-in of ${before.name}`,
        whose: before.name,
        changes: [{ field: 'User.email', label: 'email', before: before.email, after: after.email }],
      },
      scope,
    );
    return after;
  });
}

/**
 * Sends a user a link to set a new password, and records that it was sent. The link and its
 * secret are the mail system's: Warden's reference domain keeps only when the last one went.
 */
export async function sendLoginReset(db: WardenDb, customer: CustomerPrincipal, userId: string, scope: AuditScope): Promise<UserRow> {
  mayManageSignInOf(customer, userId);
  return db.transaction().execute(async (trx) => {
    const app = trx.withTables<DomainTables>();
    const before = await lockUserInAccount(app, customer.accountId, userId);
    await scope.beforeChange?.(trx, scope);
    const account = await findAccountById(app, customer.accountId);
    if (!before || !account) throw wardenError('NOT_FOUND', NO_SUCH_USER);
    const after = await markLoginResetSent(app, before.id);
    await recordAuditEvent(
      trx,
      {
        kind: 'mutation_executed',
        typeField: 'Mutation.sendLoginReset',
        account: { id: account.id, name: account.name },
        subjectUserId: before.id,
        target: `the sign-in of ${before.name}`,
        done: `sent ${before.name} a login reset link`,
        changes: [{ field: 'User.loginResetSentAt', label: 'last login reset', before: sentAt(before.login_reset_sent_at), after: sentAt(after.login_reset_sent_at) }],
      },
      scope,
    );
    return after;
  });
}
