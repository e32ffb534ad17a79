import { DATA_CLASSES, DECISION_RANK, POLICY_COLUMNS, type Decision, type PolicyColumn } from './data-class.js';
import { decideField, grantReaches } from './decide.js';
import type { FieldOverrides, PolicyDocument } from './policy-document.js';
import type { FieldPlan } from './plugin/types.js';

/** One rule that differs between two policies, in words a reviewer can check. */
export interface PolicyChange {
  /** `class pii`, `field User.email`, or `oncallMayImpersonate`. */
  rule: string;
  column: PolicyColumn | null;
  before: string;
  after: string;
  direction: 'loosens' | 'tightens';
}

/**
 * Rule by rule, what `after` changes relative to `before`: class rules cell by cell, and for
 * every field with an override in either document, the decision that field actually gets
 * (override, else its class rule). `fields` is the schema's inventory.
 *
 * Where a field-access grant can apply (sensitive fields, impersonation columns), a change
 * loosens when it shows more either without a grant or with one: a grant lifts a denial but not
 * a mask, so `mask → deny` shows a granted session the whole value where it saw a masked one.
 */
export function diffPolicies(
  before: PolicyDocument,
  after: PolicyDocument,
  fields: ReadonlyMap<string, FieldPlan>,
): PolicyChange[] {
  const changes: PolicyChange[] = [];
  for (const cls of DATA_CLASSES) {
    for (const column of POLICY_COLUMNS) {
      const a = before.classes[cls][column];
      const b = after.classes[cls][column];
      if (a !== b) changes.push({ rule: `class ${cls}`, column, before: a, after: b, direction: direction(a, b, grantReaches(cls, column)) });
    }
  }
  const overridden = new Set([...Object.keys(before.overrides), ...Object.keys(after.overrides)]);
  for (const coordinate of [...overridden].sort()) {
    const plan = fields.get(coordinate);
    if (!plan) continue;
    for (const column of POLICY_COLUMNS) {
      // Columns the override leaves to the class rule are covered by the class diff above.
      if (!before.overrides[coordinate]?.[column] && !after.overrides[coordinate]?.[column]) continue;
      const a = decideField(plan, column, before);
      const b = decideField(plan, column, after);
      if (a !== b) {
        changes.push({ rule: `field ${coordinate}`, column, before: a, after: b, direction: direction(a, b, grantReaches(plan.classification, column)) });
      }
    }
  }
  // Switches and limits beyond the tables: each loosens when it lets more happen.
  const setting = (rule: 'oncallMayImpersonate' | 'assistantsMayOpenSessions' | 'maxDelegationDepth', loosens: boolean) => {
    if (before[rule] !== after[rule]) changes.push({ rule, column: null, before: String(before[rule]), after: String(after[rule]), direction: loosens ? 'loosens' : 'tightens' });
  };
  setting('oncallMayImpersonate', after.oncallMayImpersonate);
  setting('assistantsMayOpenSessions', after.assistantsMayOpenSessions);
  setting('maxDelegationDepth', after.maxDelegationDepth > before.maxDelegationDepth);
  return changes;
}

/**
 * The part of `after` that only tightens `before`: every rule at the stricter of its two values.
 * `before → result` then only tightens and `result → after` only loosens, which is how a version
 * that does both is published (the tightening in force at once, the loosening pending).
 */
export function tighteningsOf(
  before: PolicyDocument,
  after: PolicyDocument,
  fields: ReadonlyMap<string, FieldPlan>,
): PolicyDocument {
  const classes = structuredClone(before.classes);
  for (const cls of DATA_CLASSES) {
    for (const column of POLICY_COLUMNS) {
      classes[cls][column] = stricter(before.classes[cls][column], after.classes[cls][column], grantReaches(cls, column));
    }
  }
  const overrides: FieldOverrides = {};
  for (const coordinate of new Set([...Object.keys(before.overrides), ...Object.keys(after.overrides)])) {
    const plan = fields.get(coordinate);
    if (!plan) continue;
    for (const column of POLICY_COLUMNS) {
      if (!before.overrides[coordinate]?.[column] && !after.overrides[coordinate]?.[column]) continue;
      overrides[coordinate] = {
        ...overrides[coordinate],
        [column]: stricter(decideField(plan, column, before), decideField(plan, column, after), grantReaches(plan.classification, column)),
      };
    }
  }
  return {
    classes,
    overrides,
    oncallMayImpersonate: before.oncallMayImpersonate && after.oncallMayImpersonate,
    assistantsMayOpenSessions: before.assistantsMayOpenSessions && after.assistantsMayOpenSessions,
    maxDelegationDepth: Math.min(before.maxDelegationDepth, after.maxDelegationDepth),
  };
}

/**
 * The stricter of two decisions for one rule. Where a grant can apply, `mask` and `deny` are not
 * ordered (deny hides more without a grant, mask with one): neither is stricter, so the rule
 * keeps `a`, the decision in force, and the change is left to the loosening part.
 */
function stricter(a: Decision, b: Decision, grantable: boolean): Decision {
  return loosens(a, b, grantable) ? a : b;
}

function direction(before: Decision, after: Decision, grantable: boolean): 'loosens' | 'tightens' {
  return loosens(before, after, grantable) ? 'loosens' : 'tightens';
}

/** Whether `after` shows more than `before` to someone: a session without a grant, or one with. */
function loosens(before: Decision, after: Decision, grantable: boolean): boolean {
  if (DECISION_RANK[after] > DECISION_RANK[before]) return true;
  return grantable && DECISION_RANK[withGrant(after)] > DECISION_RANK[withGrant(before)];
}

/** What a session holding a grant gets: the grant turns a denial into the value, nothing else. */
function withGrant(decision: Decision): Decision {
  return decision === 'deny' ? 'allow' : decision;
}
