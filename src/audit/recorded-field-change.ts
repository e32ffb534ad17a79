import { MASKS } from '../policy/masks.js';
import { effectiveMask } from '../policy/plugin/field-plan.js';
import type { FieldPlan } from '../policy/plugin/types.js';
import type { FieldChange, RecordedFieldChange } from './audit-event.js';

/**
 * A changed value as the audit keeps it: as the field's class is shown under impersonation,
 * whatever the policy in force says. Public and internal values are kept; personal data is
 * masked with the field's mask; sensitive, secret and unclassified values (a field the schema
 * does not know, or nobody classified) are never stored.
 */
export function recordedFieldChange(change: FieldChange, plan: FieldPlan | undefined): RecordedFieldChange {
  const dataClass = plan?.classification ?? null;
  if (!plan || dataClass === null) return { ...change, before: null, after: null, dataClass: 'unclassified', values: 'withheld' };
  switch (dataClass) {
    case 'public':
    case 'internal':
      return { ...change, dataClass, values: 'shown' };
    case 'pii': {
      const before = change.before === null ? null : recordedValue(change.before, plan);
      const after = change.after === null ? null : recordedValue(change.after, plan);
      // A mask that shows nothing (`null`) keeps nothing either.
      if (before === null && after === null) return { ...change, before, after, dataClass, values: 'withheld' };
      return { ...change, before, after, dataClass, values: 'masked' };
    }
    case 'sensitive':
    case 'secret':
      return { ...change, before: null, after: null, dataClass, values: 'withheld' };
  }
}

/**
 * One value of the field `plan` as the audit keeps it (see `recordedFieldChange`): public and
 * internal as it is, personal data masked, anything else (or no plan) null. Also how values
 * leave the building in notifications, which are read by more people than the audit table.
 */
export function recordedValue(value: string, plan: FieldPlan | undefined): string | null {
  switch (plan?.classification) {
    case 'public':
    case 'internal':
      return value;
    case 'pii':
      return MASKS[effectiveMask(plan)](value);
    default:
      return null;
  }
}
