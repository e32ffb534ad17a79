import type { Decision, PolicyColumn } from './data-class.js';
import type { PolicyDocument } from './policy-document.js';
import type { FieldPlan } from './plugin/types.js';

/**
 * The decision for one field, for one column, under one policy, before grants. Pure: this is
 * the rule the security team reviews, and what the compiled per-request arrays are made of.
 *
 * - a field nobody classified is handled as `secret`;
 * - a per-field override wins over the class rule;
 * - a field returning objects cannot be partly shown, so `mask` means `deny` for it.
 */
export function decideField(plan: FieldPlan, column: PolicyColumn, policy: PolicyDocument): Decision {
  const cls = plan.classification ?? 'secret';
  const decision = policy.overrides[plan.coordinate]?.[column] ?? policy.classes[cls][column];
  return decision === 'mask' && !plan.leaf ? 'deny' : decision;
}

/** Grants reveal `sensitive` fields only, and only during impersonation. */
export function isGrantable(plan: FieldPlan): boolean {
  return plan.classification === 'sensitive';
}
