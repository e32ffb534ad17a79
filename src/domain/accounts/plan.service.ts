import { type AuditScope, type CustomerPrincipal, recordAuditEvent, type WardenDb, wardenError } from '../../index.js';
import type { AccountRow, Plan } from '../tables/account.js';
import { lockAccount, updateAccount } from './account.repository.js';
import type { DomainTables } from '../database.js';

/** The owner, admins and billing contacts change the plan; members do not. */
export function mayChangePlan(customer: CustomerPrincipal): void {
  if (customer.role === 'member') throw wardenError('FORBIDDEN', "Only the account's owner, admins and billing contacts change its plan; ask one of them.");
}

/** Only the owner cancels the plan: it ends the account's subscription. */
export function mayCancelPlan(customer: CustomerPrincipal): void {
  if (customer.role !== 'owner') throw wardenError('FORBIDDEN', "Only the account's owner cancels its plan; ask them.");
}

const ACCOUNT_GONE = 'Your account no longer exists; sign in again.';

/** Moves the account to another plan, and records from which to which, atomically. */
export async function changePlan(db: WardenDb, customer: CustomerPrincipal, plan: Plan, scope: AuditScope): Promise<AccountRow> {
  mayChangePlan(customer);
  return db.transaction().execute(async (trx) => {
    const app = trx.withTables<DomainTables>();
    const before = await lockAccount(app, customer.accountId);
    await scope.beforeChange?.(trx, scope);
    if (!before) throw wardenError('NOT_FOUND', ACCOUNT_GONE);
    if (before.plan_status === 'cancelled') {
      throw wardenError('BAD_USER_INPUT', `The ${before.plan} plan of ${before.name} is cancelled, and a cancelled plan does not change: start a new subscription with billing instead.`);
    }
    if (before.plan === plan) throw wardenError('BAD_USER_INPUT', `${before.name} is already on the ${plan} plan; nothing to change.`);
    const after = await updateAccount(app, before.id, { plan });
    await recordAuditEvent(
      trx,
      {
        kind: 'mutation_executed',
        typeField: 'Mutation.changePlan',
        account: { id: before.id, name: before.name },
        subjectUserId: customer.id,
        target: 'the subscription',
        whose: before.name,
        changes: [{ field: 'Account.plan', label: 'plan', before: before.plan, after: after.plan }],
      },
      scope,
    );
    return after;
  });
}

/** Cancels the account's plan (it keeps its name: what was cancelled), and records it. */
export async function cancelPlan(db: WardenDb, customer: CustomerPrincipal, scope: AuditScope): Promise<AccountRow> {
  mayCancelPlan(customer);
  return db.transaction().execute(async (trx) => {
    const app = trx.withTables<DomainTables>();
    const before = await lockAccount(app, customer.accountId);
    await scope.beforeChange?.(trx, scope);
    if (!before) throw wardenError('NOT_FOUND', ACCOUNT_GONE);
    if (before.plan_status === 'cancelled') throw wardenError('BAD_USER_INPUT', `The ${before.plan} plan of ${before.name} is already cancelled; nothing to change.`);
    const after = await updateAccount(app, before.id, { plan_status: 'cancelled' });
    await recordAuditEvent(
      trx,
      {
        kind: 'mutation_executed',
        typeField: 'Mutation.cancelPlan',
        account: { id: before.id, name: before.name },
        subjectUserId: customer.id,
        target: 'the subscription',
        done: `cancelled the ${before.plan} plan`,
        changes: [{ field: 'Account.planStatus', label: 'plan status', before: before.plan_status, after: after.plan_status }],
      },
      scope,
    );
    return after;
  });
}
