import { POLICY_COLUMNS, type PolicyColumn } from './data-class.js';
import { decideField } from './decide.js';
import type { PolicyDocument } from './policy-document.js';
import { ALLOW, DENY, MASK, PSEUDONYM, type DecisionCode, type FieldPlan } from './plugin/types.js';

const CODES = { allow: ALLOW, mask: MASK, pseudonym: PSEUDONYM, deny: DENY } as const satisfies Record<string, DecisionCode>;

/** A policy version ready for the hot path: one decision array per column, indexed by field. */
export interface CompiledPolicy {
  version: number;
  document: PolicyDocument;
  columns: Readonly<Record<PolicyColumn, Uint8Array>>;
}

/**
 * Done once per policy version (at start and on each change), so a request picks its array
 * and each field reads one byte. Slots no field uses stay DENY.
 */
export function compilePolicy(version: number, document: PolicyDocument, inventory: Iterable<FieldPlan>): CompiledPolicy {
  const plans = [...inventory].filter((plan) => plan.index >= 0);
  const size = plans.reduce((max, plan) => Math.max(max, plan.index + 1), 0);
  const columns = {} as Record<PolicyColumn, Uint8Array>;
  for (const column of POLICY_COLUMNS) {
    const decisions = new Uint8Array(size).fill(DENY);
    for (const plan of plans) decisions[plan.index] = CODES[decideField(plan, column, document)];
    columns[column] = decisions;
  }
  return { version, document, columns };
}
