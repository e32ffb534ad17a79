import { effectiveDecision } from '../policy/decide.js';
import { DENY, type FieldPlan, type RequestPolicy } from '../policy/plugin/types.js';

/** Whether a field of the upstream (`Type.field`, by its parts) goes into what is asked of it. */
export type AsksFor = (typeName: string, fieldName: string) => boolean;

const ASKS_FOR_ALL: AsksFor = () => true;

/**
 * What the upstream is asked for on this request: every selected field but those this
 * request's policy denies. Its guard refuses such a field (FIELD_DENIED, recorded) without
 * reading a value, so the value need not cross the wire: what the caller may not see is not
 * fetched on their behalf. Masked fields are asked for (the mask needs the value). `plans` is
 * filled once the served schema is built.
 */
export function askOnlyShown(plans: ReadonlyMap<string, FieldPlan>, policy: RequestPolicy | undefined): AsksFor {
  if (!policy || plans.size === 0) return ASKS_FOR_ALL;
  return (typeName, fieldName) => {
    const plan = plans.get(`${typeName}.${fieldName}`);
    return !plan || effectiveDecision(plan, policy) !== DENY;
  };
}
