import { isAssistantColumn, NEVER_SHOWN_TO_ASSISTANTS, type DataClass, type Decision, type PolicyColumn } from './data-class.js';
import type { PolicyDocument } from './policy-document.js';
import { ALLOW, DENY, MASK, PSEUDONYM, type DecisionCode, type FieldPlan, type RequestPolicy } from './plugin/types.js';

/**
 * The decision for one field, for one column, under one policy, before grants. Pure: this is
 * the rule the security team reviews, and what the compiled per-request arrays are made of.
 *
 * - a field nobody classified is handled as `secret`;
 * - a per-field override wins over the class rule;
 * - a field returning objects cannot be partly shown, so `mask` (or `pseudonym`) means `deny` for it;
 * - an AI assistant never sees a sensitive or secret field in any form, whatever the document
 *   says (the parser refuses such a document too: this holds for one built in code);
 * - `pseudonym` is for assistant columns only; anywhere else it denies.
 */
export function decideField(plan: FieldPlan, column: PolicyColumn, policy: PolicyDocument): Decision {
  const cls = plan.classification ?? 'secret';
  const assistant = isAssistantColumn(column);
  if (assistant && NEVER_SHOWN_TO_ASSISTANTS.includes(cls)) return 'deny';
  const decision = policy.overrides[plan.coordinate]?.[column] ?? policy.classes[cls][column];
  if (decision === 'pseudonym' && !assistant) return 'deny';
  return (decision === 'mask' || decision === 'pseudonym') && !plan.leaf ? 'deny' : decision;
}

/** Grants reveal `sensitive` fields only, and only during impersonation. */
export function isGrantable(plan: Pick<FieldPlan, 'classification'>): boolean {
  return plan.classification === 'sensitive';
}

/**
 * Whether a field-access grant can apply to a rule for fields of this class in this column: only
 * impersonation sessions hold grants (see `AccessContext`), and only grantable fields take them.
 */
export function grantReaches(classification: DataClass | null, column: PolicyColumn): boolean {
  return isGrantable({ classification }) && (column === 'impersonation_read_only' || column === 'impersonation_read_write');
}

/**
 * What one request gets of a field: the compiled decision, where a grant turns a *denied*
 * sensitive field into an allowed one (a field the policy masks stays masked: a grant lifts a
 * denial, it does not widen a mask). Reading a field and filtering by it both ask this, so an
 * argument can never reveal more than the field itself. Pure, allocation-free: it runs per field.
 */
export function effectiveDecision(plan: FieldPlan, policy: RequestPolicy): DecisionCode {
  if (plan.classification === 'public') return ALLOW;
  // A missing entry (a field the policy was not compiled for) is denied: fail closed.
  const compiled = policy.decisions[plan.index];
  // A stand-in needs the session's key: without one (no assistant reads here) the field is denied.
  if (compiled === PSEUDONYM) return policy.pseudonyms ? PSEUDONYM : DENY;
  const decision = compiled === ALLOW || compiled === MASK ? compiled : DENY;
  if (decision === DENY && isGrantable(plan) && policy.grants.size > 0 && policy.grants.has(plan.coordinate)) return ALLOW;
  return decision;
}
