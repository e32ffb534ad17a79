import { type EffectDescriber, says, shown } from '../../index.js';
import type { Plan } from '../tables/account.js';
import { findAccountById } from './account.repository.js';
import { mayCancelPlan, mayChangePlan } from './plan.service.js';
import { demoExecutor } from '../database.js';

/** "change Acme Co's plan from team (active) to enterprise". */
export const changePlanEffect: EffectDescriber<{ plan: Plan }> = async ({ plan }, { db, customer }) => {
  mayChangePlan(customer);
  const account = await findAccountById(demoExecutor(db), customer.accountId);
  if (!account) return null;
  return {
    says: says`change ${account.name}'s plan from ${shown('Account.plan', account.plan)} (${shown('Account.planStatus', account.plan_status)}) to ${shown('Account.plan', plan)}`,
    state: { plan: account.plan, planStatus: account.plan_status },
  };
};

/** "cancel Acme Co's team plan (active)". */
export const cancelPlanEffect: EffectDescriber<Record<string, never>> = async (_args, { db, customer }) => {
  mayCancelPlan(customer);
  const account = await findAccountById(demoExecutor(db), customer.accountId);
  if (!account) return null;
  return {
    says: says`cancel ${account.name}'s ${shown('Account.plan', account.plan)} plan (${shown('Account.planStatus', account.plan_status)})`,
    state: { plan: account.plan, planStatus: account.plan_status },
  };
};
