import type { GatewayContext } from '../graphql/context.js';
import { MASKS } from '../policy/masks.js';
import { effectiveMask } from '../policy/plugin/field-plan.js';
import { effectiveDecision } from '../policy/decide.js';
import { ALLOW, MASK, PSEUDONYM } from '../policy/plugin/types.js';

/**
 * A value as the request's policy shows the field `coordinate`: itself, masked, or null when
 * denied (a field the schema does not have is denied). For values shown outside the data, such
 * as the banner, so they reveal no more than the field would. `inFull: false`: a value the
 * policy would show as it is is masked with the field's mask all the same, unless the field is
 * public (for a staff member reading, outside the session it was read in, what that session
 * masked: their own policy is made for the console's staff views).
 */
export function shownAs(context: GatewayContext, coordinate: string, value: string, options: { inFull?: boolean } = {}): string | null {
  const plan = context.policyCatalog.fields.get(coordinate);
  if (!plan) return null;
  if (plan.index < 0) return value;
  const decision = effectiveDecision(plan, context.policy);
  if (decision === ALLOW) return options.inFull === false ? MASKS[effectiveMask(plan)](value) : value;
  if (decision === PSEUDONYM) {
    const standIn = context.policy.pseudonyms?.(plan, value);
    return typeof standIn === 'string' ? standIn : null;
  }
  return decision === MASK ? MASKS[effectiveMask(plan)](value) : null;
}
