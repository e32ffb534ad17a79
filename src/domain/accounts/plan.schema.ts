import { actingCustomer, auditScopeOf } from '../../index.js';
import type { DemoBuilder } from '../demo-types.js';
import { cancelPlanEffect, changePlanEffect } from './plan.effects.js';
import { cancelPlan, changePlan } from './plan.service.js';

/** The account's subscription: its plan, whether it runs, and the risky changes to it. Returns the `Plan` enum. */
export function definePlanTypes(builder: DemoBuilder) {
  const Plan = builder.enumType('Plan', { values: ['free', 'team', 'enterprise'] as const });
  const PlanStatus = builder.enumType('PlanStatus', {
    values: {
      active: { value: 'active', description: 'The plan runs.' },
      cancelled: { value: 'cancelled', description: 'The plan was cancelled; `plan` says which it was.' },
    } as const,
  });

  builder.objectFields('Account', (t) => ({
    planStatus: t.field({ type: PlanStatus, classification: 'public', resolve: (account) => account.plan_status }),
  }));

  builder.mutationFields((t) => ({
    changePlan: t.field({
      type: 'Account',
      callers: 'customer',
      classification: 'public',
      risk: 'risky',
      effect: changePlanEffect,
      description: "Moves the account to another plan (owners, admins and billing contacts).",
      authScopes: { customer: true },
      args: { plan: t.arg({ type: Plan, required: true, filtersBy: false }) },
      resolve: (_root, { plan }, context, info) => changePlan(context.db, actingCustomer(context), plan, auditScopeOf(context, info)),
    }),
    cancelPlan: t.field({
      type: 'Account',
      callers: 'customer',
      classification: 'public',
      risk: 'risky',
      effect: cancelPlanEffect,
      description: "Cancels the account's plan (the owner only).",
      authScopes: { customer: true },
      resolve: (_root, _args, context, info) => cancelPlan(context.db, actingCustomer(context), auditScopeOf(context, info)),
    }),
  }));
  return Plan;
}
